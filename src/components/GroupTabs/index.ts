'use client';
export { CONVERSATION_DRAG_TYPE, GroupTabs, groupTabId } from './GroupTabs.js';
export type { GroupTabsProps, GroupTabsRenderProps, GroupTabsTabRenderProps } from './GroupTabs.js';
export { groupTabsMessages } from './messages.js';
export type { GroupTabsMessageId } from './messages.js';
