// The options alone (src/adapters/memory/options.ts): checked once, defaults filled in, capabilities derived.
import { describe, expect, it } from 'vitest';
import { OPENIM_UNREAD_RULE, TENCENT_UNREAD_RULE } from '../../src/core/adapter.js';
import type { ConversationMark } from '../../src/core/types.js';
import { readOptions, type MemoryAdapterOptions } from '../../src/adapters/memory/options.js';

function codeOf(options: unknown): string | undefined {
  try {
    readOptions(options as MemoryAdapterOptions);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return undefined;
}

describe('readOptions', () => {
  it("fills in the defaults: Tencent's rule, order and limits, every mark, drafts persisted, no storage", () => {
    const settings = readOptions({});
    expect(settings).toMatchObject({
      name: 'memory',
      account: undefined,
      latencyMs: 0,
      pageSize: 100,
      orderBy: 'lastActivity',
      persistDrafts: true,
      storage: null,
      storageKey: 'inboxkit:memory-adapter',
    });
    expect(settings.now).toBe(Date.now);
    expect(settings.capabilities).toMatchObject({
      maxGroups: 20,
      groupNameMaxBytes: 32,
      maxPinned: 50,
      maxGroupedConversations: 1000,
      draftsPersisted: true,
    });
    expect(settings.capabilities.unreadRule).toBe(TENCENT_UNREAD_RULE);
    expect(settings.capabilities.marks).toEqual(['star', 'unread', 'fold', 'hide']);
    expect(Object.isFrozen(settings.capabilities) && Object.isFrozen(settings.capabilities.marks)).toBe(true);
  });

  it('derives the capabilities from the options', () => {
    const { capabilities } = readOptions({
      unreadRule: OPENIM_UNREAD_RULE,
      orderBy: 'lastActivityOrDraft',
      marks: ['star', 'star'],
      persistDrafts: false,
    });
    expect(capabilities).toMatchObject({ orderBy: 'lastActivityOrDraft', marks: ['star'], draftsPersisted: false });
    expect(capabilities.unreadRule).toBe(OPENIM_UNREAD_RULE);
  });

  it('keeps an account only when it is a non-empty string', () => {
    expect(readOptions({ account: 'alice' }).account).toBe('alice');
    expect(readOptions({ account: '' }).account).toBeUndefined();
  });

  it('refuses each bad option with INVALID_ARGUMENT', () => {
    for (const bad of [
      null,
      'options',
      { latencyMs: -1 },
      { latencyMs: Number.NaN },
      { now: 5 },
      { pageSize: 0 },
      { pageSize: 2.5 },
      { orderBy: 'title' },
      { marks: ['pinned' as ConversationMark] },
    ]) {
      expect(codeOf(bad), JSON.stringify(bad)).toBe('INVALID_ARGUMENT');
    }
  });
});
