'use client';
export { InboxSettingsMenu } from './InboxSettingsMenu.js';
export type { InboxSettingsMenuProps, InboxSettingsMenuRenderProps } from './InboxSettingsMenu.js';
export type { SettingsMessageId } from '../internal/i18n.js';
