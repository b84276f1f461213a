/** What the Tencent and OpenIM seed converters share. */
import type { Conversation, ConversationId } from '../../src/index.js';
import type { MemoryGroupSeed } from '../../src/adapters/memory/index.js';
import { STORY_BACKEND_TITLES, type StoryBackend } from './backends.js';

/**
 * Where a backend has no such state, the seed takes its nearest one (OpenIM's "silent" for "silent except
 * @-mentions") or leaves out what the SDK would not report (Tencent has no read-only flag). Each approximation is
 * counted, and Storybook shows them above the story; a play that depends on one fails rather than passes.
 */
export class Approximations {
  private readonly counts = new Map<string, number>();

  note(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  /** One line per approximation, with how many conversations it concerns. */
  list(): string[] {
    return [...this.counts].map(([what, count]) => `${what} (${count} conversation${count === 1 ? '' : 's'})`);
  }
}

/** A story's data holds something a backend cannot take in any form: the story must list the backends it runs on. */
export class SeedError extends Error {
  constructor(backend: StoryBackend, id: ConversationId, what: string) {
    super(
      `Conversation "${id}" cannot be seeded on ${STORY_BACKEND_TITLES[backend]}: ${what}. ` +
        'Change the story\'s data, or list the backends it runs on in parameters.inbox.backends.',
    );
    this.name = 'SeedError';
  }
}

/**
 * Group names in order and each conversation's groups, from the seed groups and the conversations' `groupNames`
 * together, as the memory adapter reads them: the seed's groups first, then names only conversations mention.
 */
export function groupMembership(
  conversations: readonly Conversation[],
  groups: readonly MemoryGroupSeed[],
): { names: string[]; of(id: ConversationId): readonly string[] } {
  const names: string[] = [];
  const members = new Map<ConversationId, string[]>();
  const join = (id: ConversationId, name: string) => {
    if (!names.includes(name)) names.push(name);
    const list = members.get(id) ?? [];
    if (!list.includes(name)) list.push(name);
    members.set(id, list);
  };
  for (const group of groups) {
    if (!names.includes(group.name)) names.push(group.name);
    for (const id of group.conversationIds) join(id, group.name);
  }
  for (const conversation of conversations) for (const name of conversation.groupNames) join(conversation.id, name);
  return { names, of: (id) => members.get(id) ?? [] };
}

/** Seconds of an `m:ss` detail (how rows show a voice or video length), or 0 when it is not one. */
export function durationSeconds(detail: string): number {
  const match = /^(\d+):([0-5]\d)$/.exec(detail);
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}
