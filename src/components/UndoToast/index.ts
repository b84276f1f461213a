export { UndoToast } from './UndoToast.js';
export type { UndoToastProps, UndoToastRenderProps } from './UndoToast.js';
