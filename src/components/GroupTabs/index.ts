'use client';
export { CONVERSATION_DRAG_TYPE, GroupTabs, groupTabId } from './GroupTabs.js';
export type { GroupTabsProps, GroupTabsRenderProps, GroupTabsTabRenderProps } from './GroupTabs.js';
export type { GroupTabsMessageId } from '../internal/i18n.js';
