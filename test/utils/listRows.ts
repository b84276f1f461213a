import type { Conversation } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';

/** The clock of the list tests: conversation `i` was active `i` seconds before it. */
export const BASE = new Date(2024, 2, 15, 14, 0).getTime();

/** `Conversation i`, ordered by index (newest first). */
export function conv(i: number, extra: Partial<Conversation> = {}): Conversation {
  return makeConversation({
    id: `C2Cu${i}`,
    title: `Conversation ${i}`,
    lastActivityAt: BASE - i * 1000,
    lastMessage: { preview: `Message ${i}`, sentAt: BASE - i * 1000 },
    ...extra,
  });
}
