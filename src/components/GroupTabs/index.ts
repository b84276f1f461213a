'use client';
export { GroupTabs } from './GroupTabs.js';
export { CONVERSATION_DRAG_TYPE } from './useTabDrop.js';
export { groupTabId } from './groupTabId.js';
export type { GroupTabsControls, GroupTabsProps, GroupTabsRenderProps } from './GroupTabs.js';
export type { GroupTabsTabRenderProps } from './GroupTab.js';
export type { GroupTabsMessageId } from '../internal/i18n.js';
