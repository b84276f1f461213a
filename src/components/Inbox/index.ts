'use client';
export { Inbox } from './Inbox.js';
export type { InboxProps, InboxRenderProps } from './Inbox.js';
export type { InboxMessageId } from '../internal/i18n.js';
