import type { ConversationAdapter } from '../core/adapter.js';
import type { MuteMode } from '../core/types.js';

/** One conversation of the conformance fixture, in backend-neutral terms. */
export interface ConformanceFixtureConversation {
  /** Unique; the backend must show it as the conversation's title. */
  key: string;
  kind: 'direct' | 'group';
  unreadCount: number;
  /** Only modes listed in `ConformanceOptions.muteModes` are used. */
  muteMode: MuteMode;
  isPinned: boolean;
  /** Milliseconds, always a whole second (Tencent counts seconds). */
  lastActivityAt: number;
  groupNames: readonly string[];
}

export interface ConformanceFixture {
  conversations: readonly ConformanceFixtureConversation[];
  /** Group names in order. Every name used by a conversation is listed. */
  groups: readonly string[];
  /** "Now" for the fixture, in ms. */
  now: number;
}

/** What an adapter author gives the suite: an adapter over a backend (usually a fake) seeded with the fixture. */
export interface ConformanceHarness {
  adapter: ConversationAdapter;
  /** Makes the backend deliver a new message into the conversation whose key is `key`, sent at `at` (ms). */
  receiveMessage(key: string, preview: string, at: number): void | Promise<void>;
  /** Lets pending backend events arrive (flush throttles, advance fake time). Called before event assertions. */
  settle?(): Promise<void>;
  dispose?(): void | Promise<void>;
}

export interface ConformanceOptions {
  /** Mute modes the backend can represent. @default ['none', 'silent'] */
  muteModes?: readonly MuteMode[];
  /** How long to wait for an event after a command, in ms. @default 3000 */
  eventTimeoutMs?: number;
}

export type CreateConformanceHarness = (fixture: ConformanceFixture) => ConformanceHarness | Promise<ConformanceHarness>;
