'use client';
export * from './ConversationItem/index.js';
export * from './ConversationList/index.js';
export * from './GroupTabs/index.js';
export * from './controls/index.js';
export * from './Inbox/index.js';
export { enMessages, SHIPPED_LOCALES, resolveShippedLocale } from './internal/i18n.js';
export type { MessageId, MessageTable, ShippedLocale } from './internal/i18n.js';
export type { StyleRenderProps, ValueOrFn } from './internal/renderProps.js';
