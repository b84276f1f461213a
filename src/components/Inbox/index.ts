'use client';
export { Inbox } from './Inbox.js';
export type { InboxProps, InboxRenderProps } from './Inbox.js';
export { inboxMessages } from './messages.js';
export type { InboxMessageId } from './messages.js';
