export { BatchActionBar } from './BatchActionBar.js';
export type { BatchActionBarProps, BatchActionBarRenderProps } from './BatchActionBar.js';
export { BATCH_ACTIONS } from './useBatchRun.js';
export type { BatchAction, BatchActionResult } from './useBatchRun.js';
