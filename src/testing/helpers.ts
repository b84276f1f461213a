import type { ConversationAdapter, PageRequest } from '../core/adapter.js';
import { InboxError } from '../core/errors.js';
import type { Conversation, MuteMode } from '../core/types.js';
import type { ConformanceFixture, ConformanceFixtureConversation } from './types.js';

let counter = 0;

/**
 * A valid `Conversation` with sensible defaults for every field `partial` leaves out: a direct chat titled by its
 * id, nothing unread, not muted, not pinned, in no group, no message (`lastActivityAt` is the last message's
 * `sentAt` when one is given, else 0). Without an `id`, a fresh `conversation-<n>` is used.
 *
 * @example
 * makeConversation({ id: 'C2Calice', unreadCount: 3, lastMessage: { preview: 'Hi', sentAt: 1_700_000_000_000 } })
 */
export function makeConversation(partial: Partial<Conversation> = {}): Conversation {
  const id = partial.id ?? `conversation-${++counter}`;
  return {
    kind: 'direct',
    title: id,
    unreadCount: 0,
    muteMode: 'none',
    lastActivityAt: partial.lastMessage?.sentAt ?? 0,
    mentions: [],
    isPinned: false,
    groupNames: [],
    ...partial,
    id,
  };
}

/**
 * Reads every page of an adapter, following cursors until `isFinished`. Throws when a page is finished but has a
 * cursor, is unfinished without one, or when there are more than `maxPages` pages (a cursor that never ends).
 */
export async function collectPages(
  adapter: Pick<ConversationAdapter, 'loadConversations'>,
  options: { count?: number; maxPages?: number } = {},
): Promise<{ conversations: Conversation[]; pages: number }> {
  const maxPages = options.maxPages ?? 10_000;
  const conversations: Conversation[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= maxPages; pages++) {
    const request: PageRequest = { cursor };
    if (options.count !== undefined) request.count = options.count;
    const page = await adapter.loadConversations(request);
    conversations.push(...page.conversations);
    if (page.isFinished) {
      if (page.cursor !== null) throw new InboxError('INVALID_ARGUMENT', `A finished page must have a null cursor, got ${JSON.stringify(page.cursor)}.`);
      return { conversations, pages };
    }
    if (typeof page.cursor !== 'string') throw new InboxError('INVALID_ARGUMENT', 'An unfinished page must carry a cursor string.');
    cursor = page.cursor;
  }
  throw new InboxError('INVALID_ARGUMENT', `loadConversations did not finish within ${maxPages} pages.`);
}

/** Options of `buildConformanceFixture`. */
export interface ConformanceFixtureOptions {
  /** Mute modes the backend can represent; others are never used. @default ['none', 'silent'] */
  muteModes?: readonly MuteMode[];
  /** @default 2025-03-14T12:00:00Z */
  now?: number;
  /**
   * Keys (titles, and the user or group ids a harness derives from them) for the first conversations, in place of
   * `conv01`, `conv02`, ... The adversarial part of the suite uses `Object.prototype` names here.
   */
  keys?: readonly string[];
}

const FIXTURE_GROUPS = ['Work', 'Friends', '家人'] as const;
const UNREAD = [0, 3, 0, 1, 12, 0, 5, 0, 2, 0, 120, 0, 7, 0, 0, 4, 0, 1, 0, 9, 0, 0, 6, 0, 2, 0, 0, 11, 0, 3];
const PINNED = new Set([4, 17, 29]);
const MUTED = [2, 6, 9, 14, 21, 24, 27];

/**
 * The fixture `describeAdapterConformance` seeds every harness with: 30 conversations keyed `conv01`..`conv30`
 * (a third of them group chats), three pinned (one of them the oldest), unread counts from 0 to 120, some muted with
 * the modes in `muteModes`, two conversations sharing a timestamp, and three groups with overlapping membership
 * (`Work`, `Friends`, `家人`). Times are whole seconds in ms. Deterministic.
 */
export function buildConformanceFixture(options: ConformanceFixtureOptions = {}): ConformanceFixture {
  const now = options.now ?? Date.UTC(2025, 2, 14, 12, 0, 0);
  const muted = (options.muteModes ?? ['none', 'silent']).filter((mode) => mode !== 'none');
  const membership: Record<(typeof FIXTURE_GROUPS)[number], (n: number) => boolean> = {
    Work: (n) => n >= 1 && n <= 10,
    Friends: (n) => n >= 8 && n <= 16,
    家人: (n) => (n >= 15 && n <= 20) || n === 1,
  };
  const conversations: ConformanceFixtureConversation[] = [];
  for (let i = 0; i < 30; i++) {
    const n = i + 1;
    const mutedIndex = MUTED.indexOf(i);
    // conv13 shares conv12's time, so ties must be broken by id.
    const step = n === 13 ? 12 : n;
    conversations.push({
      key: options.keys?.[i] ?? `conv${String(n).padStart(2, '0')}`,
      kind: i % 3 === 2 ? 'group' : 'direct',
      unreadCount: UNREAD[i]!,
      muteMode: mutedIndex >= 0 && muted.length > 0 ? muted[mutedIndex % muted.length]! : 'none',
      isPinned: PINNED.has(i),
      lastActivityAt: now - step * 37 * 60_000,
      groupNames: FIXTURE_GROUPS.filter((name) => membership[name](n)),
    });
  }
  return { conversations, groups: [...FIXTURE_GROUPS], now };
}
