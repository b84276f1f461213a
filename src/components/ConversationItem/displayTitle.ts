import type { Conversation } from '../../core/types.js';
import type { Translate } from '../internal/i18n.js';

/**
 * The name a conversation is shown and announced by. The backend's title, except for a system conversation that
 * has none (Tencent's `@TIM#SYSTEM`): adapters leave its title empty rather than write English, and the row says
 * "System notifications" in the user's language.
 */
export function displayTitle(conversation: Pick<Conversation, 'kind' | 'title'>, t: Translate<'item.systemTitle'>): string {
  return conversation.title === '' && conversation.kind === 'system' ? t('item.systemTitle') : conversation.title;
}
