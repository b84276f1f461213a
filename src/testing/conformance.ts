import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdapterEvent, AdapterListener, ConversationAdapter } from '../core/adapter.js';
import { checkEvent, checkGroups, checkOperationResult, checkPage } from '../core/boundary.js';
import { InboxError } from '../core/errors.js';
import { countsTowardUnread, createComparator } from '../core/order.js';
import { selectUnreadTotal } from '../core/selectors.js';
import { createInboxStore, type InboxStore } from '../core/store.js';
import type { Conversation, ConversationId, MuteMode } from '../core/types.js';
import { CONVERSATION_KINDS, CONVERSATION_MARKS, MUTE_MODES } from '../core/validate.js';
import { buildConformanceFixture, collectPages } from './helpers.js';
import type {
  ConformanceFixture,
  ConformanceFixtureConversation,
  ConformanceHarness,
  ConformanceOptions,
  CreateConformanceHarness,
} from './types.js';

/** Rejects unless `promise` rejects with an `InboxError`; resolves to that error. */
async function rejection(promise: Promise<unknown>): Promise<InboxError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    expect(error, 'every adapter method rejects with an InboxError').toBeInstanceOf(InboxError);
    return error as InboxError;
  }
  throw new Error(`Expected a rejection, but it resolved with ${JSON.stringify(result)}.`);
}

function sameSet(a: Iterable<string>, b: Iterable<string>): void {
  expect([...new Set(a)].sort()).toEqual([...new Set(b)].sort());
}

/** Wraps an adapter so that every event reaches its listeners twice, as a replayed or duplicated push would. */
function doublingEvents(adapter: ConversationAdapter): ConversationAdapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === 'subscribe') {
        return (listener: AdapterListener) =>
          target.subscribe((event) => {
            listener(event);
            listener(event);
          });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Registers a Vitest suite that checks an adapter against the contract of `ConversationAdapter`: paging, field
 * mapping, ordering and unread totals through a real store, group limits and errors, per-id results, events after
 * commands, messages from the server and idempotent events. `createHarness` is called before every test with the
 * same fixture (`buildConformanceFixture`) and must return an adapter over a fresh backend seeded with it.
 *
 * Call it at the top level of a test file (Vitest must be installed: it is an optional peer dependency).
 *
 * @example
 * describeAdapterConformance('my backend', async (fixture) => {
 *   const server = await startFakeServer(fixture); // your fake backend, seeded with the fixture (title = key)
 *   return {
 *     adapter: createMyAdapter({ client: server.client }),
 *     receiveMessage: (key, preview, at) => server.deliver(key, preview, at),
 *     settle: () => vi.advanceTimersByTimeAsync(1000), // when the SDK throttles its events
 *     dispose: () => server.close(),
 *   };
 * }, { muteModes: ['none', 'silent'] });
 */
export function describeAdapterConformance(name: string, createHarness: CreateConformanceHarness, options: ConformanceOptions = {}): void {
  const muteModes: readonly MuteMode[] = options.muteModes ?? ['none', 'silent'];
  const eventTimeoutMs = options.eventTimeoutMs ?? 3000;
  const testTimeout = eventTimeoutMs * 4 + 10_000;

  describe(`${name} adapter conformance`, () => {
    let fixture: ConformanceFixture;
    let harness: ConformanceHarness | undefined;
    let stores: InboxStore[] = [];
    let clock = 0;

    beforeEach(async () => {
      fixture = buildConformanceFixture({ muteModes });
      clock = fixture.now;
      harness = await createHarness(fixture);
    }, testTimeout);

    afterEach(async () => {
      for (const store of stores) store.disconnect();
      stores = [];
      const current = harness;
      harness = undefined;
      await current?.dispose?.();
    }, testTimeout);

    const h = (): ConformanceHarness => {
      if (!harness) throw new Error('No harness: createHarness did not run.');
      return harness;
    };
    const adapter = (): ConversationAdapter => h().adapter;
    const caps = () => adapter().capabilities;
    const fixtureByKey = (key: string): ConformanceFixtureConversation => {
      const found = fixture.conversations.find((c) => c.key === key);
      if (!found) throw new Error(`No fixture conversation ${key}.`);
      return found;
    };
    /** `it` with a timeout that leaves room for several waits on events. */
    const test = (title: string, fn: () => unknown): void => {
      it(title, fn, testTimeout);
    };

    /** A later time (whole minutes past the fixture's now) for each message, so every message is the newest. */
    const nextAt = (): number => (clock += 60_000);

    /** key -> conversation, read straight from the adapter. */
    async function byKey(): Promise<Map<string, Conversation>> {
      const { conversations } = await collectPages(adapter(), { count: 7 });
      const map = new Map<string, Conversation>();
      for (const conversation of conversations) map.set(conversation.title, conversation);
      return map;
    }

    async function idOf(key: string): Promise<ConversationId> {
      const conversation = (await byKey()).get(key);
      if (!conversation) throw new Error(`The adapter has no conversation titled ${key}.`);
      return conversation.id;
    }

    /** A connected store that has loaded every page. */
    async function connectedStore(over: ConversationAdapter = adapter()): Promise<InboxStore> {
      const store = createInboxStore({ adapter: over, draftStorage: null, pageSize: 8 });
      stores.push(store);
      await store.connect();
      for (let i = 0; i < 1000 && store.getState().hasMore; i++) await store.getState().actions.loadMore();
      const state = store.getState();
      expect(state.error, 'the store connected without error').toBeUndefined();
      expect(state.hasMore).toBe(false);
      return store;
    }

    /** Waits until `check` passes against the store, letting backend events arrive. */
    async function eventually(store: InboxStore, check: () => void): Promise<void> {
      await vi.waitFor(
        async () => {
          await h().settle?.();
          store.flush();
          check();
        },
        { timeout: eventTimeoutMs, interval: 20 },
      );
    }

    function storeConversation(store: InboxStore, id: ConversationId): Conversation {
      const conversation = store.getState().conversations.get(id);
      if (!conversation) throw new Error(`The store has no conversation ${id}.`);
      return conversation;
    }

    function ruleTotal(conversations: Iterable<Pick<Conversation, 'kind' | 'muteMode' | 'unreadCount'>>): number {
      let total = 0;
      for (const c of conversations) if (countsTowardUnread(c as Conversation, caps().unreadRule)) total += c.unreadCount;
      return total;
    }

    function unknownIdLike(id: ConversationId): ConversationId {
      return `${id}_missing`;
    }

    /** An unpinned direct conversation that counts toward unread, with the oldest activity. */
    function plainKey(): string {
      const candidates = fixture.conversations.filter((c) => !c.isPinned && c.kind === 'direct' && c.muteMode === 'none');
      return candidates.reduce((a, b) => (a.lastActivityAt <= b.lastActivityAt ? a : b)).key;
    }

    /** Receives a message and waits until the store shows it. */
    async function receive(store: InboxStore, key: string, id: ConversationId, preview: string): Promise<number> {
      const at = nextAt();
      await h().receiveMessage(key, preview, at);
      await eventually(store, () => {
        expect(storeConversation(store, id).lastMessage?.preview).toBe(preview);
      });
      return at;
    }

    // ---- reads ---------------------------------------------------------------------------------------

    describe('reads', () => {
      test('declares well-formed capabilities', () => {
        const c = caps();
        expect(typeof adapter().name).toBe('string');
        expect(adapter().name.length).toBeGreaterThan(0);
        expect(['native', 'emulated', 'none']).toContain(c.groups);
        expect(typeof c.paging).toBe('boolean');
        for (const limit of [c.maxGroups, c.groupNameMaxBytes, c.maxPinned, c.maxGroupedConversations]) {
          expect(limit === Infinity || (Number.isInteger(limit) && limit > 0), `limit ${limit}`).toBe(true);
        }
        expect(typeof c.serverDelete).toBe('boolean');
        expect(typeof c.draftsPersisted).toBe('boolean');
        expect(new Set(c.marks).size).toBe(c.marks.length);
        for (const mark of c.marks) expect(CONVERSATION_MARKS).toContain(mark);
        for (const mode of c.unreadRule.excludedMuteModes) expect(MUTE_MODES).toContain(mode);
        for (const kind of c.unreadRule.excludedKinds) expect(CONVERSATION_KINDS).toContain(kind);
        expect(['lastActivity', 'lastActivityOrDraft']).toContain(c.orderBy);
        // What a capability promises, the adapter has: the UI offers the command and the store calls it.
        for (const mode of c.globalReceiveModes ?? []) expect(MUTE_MODES).toContain(mode);
        if (c.globalReceiveModes?.length) {
          expect(typeof adapter().getGlobalReceiveOption, 'globalReceiveModes needs getGlobalReceiveOption').toBe('function');
          expect(typeof adapter().setGlobalReceiveOption, 'globalReceiveModes needs setGlobalReceiveOption').toBe('function');
        }
        if (c.clearAll) expect(typeof adapter().clearAllConversations, 'clearAll needs clearAllConversations').toBe('function');
        if (c.customDataMaxLength !== undefined) expect(Number.isInteger(c.customDataMaxLength) && c.customDataMaxLength >= 0).toBe(true);
        if ((c.customDataMaxLength ?? 0) > 0) expect(typeof adapter().setCustomData, 'customDataMaxLength needs setCustomData').toBe('function');
      });

      test('delivers every fixture conversation exactly once across all pages', async () => {
        const { conversations, pages } = await collectPages(adapter(), { count: 7 });
        const ids = conversations.map((c) => c.id);
        expect(new Set(ids).size, 'no id appears twice across pages').toBe(ids.length);
        const titles = conversations.map((c) => c.title);
        for (const { key } of fixture.conversations) {
          expect(titles.filter((title) => title === key), `conversation ${key}`).toHaveLength(1);
        }
        if (caps().paging) expect(pages, 'a paging adapter splits 30 conversations into pages of about 7').toBeGreaterThan(1);
        else expect(pages).toBe(1);
      });

      test('maps kind, pinned, mute mode, unread, groups and ms timestamps', async () => {
        const map = await byKey();
        const groups = caps().groups !== 'none';
        for (const expected of fixture.conversations) {
          const actual = map.get(expected.key)!;
          expect(actual, expected.key).toBeDefined();
          expect(typeof actual.id).toBe('string');
          expect(actual.kind, `${expected.key} kind`).toBe(expected.kind);
          expect(actual.isPinned, `${expected.key} isPinned`).toBe(expected.isPinned);
          expect(actual.muteMode, `${expected.key} muteMode`).toBe(expected.muteMode);
          expect(actual.unreadCount, `${expected.key} unreadCount`).toBe(expected.unreadCount);
          expect(actual.lastActivityAt, `${expected.key} lastActivityAt in ms`).toBe(expected.lastActivityAt);
          if (actual.lastMessage) expect(actual.lastMessage.sentAt, `${expected.key} lastMessage.sentAt in ms`).toBe(expected.lastActivityAt);
          expect(Array.isArray(actual.mentions)).toBe(true);
          if (groups) sameSet(actual.groupNames, expected.groupNames);
        }
      });

      test('loads every group with its exact membership', async () => {
        if (caps().groups === 'none') {
          expect(await adapter().loadGroups()).toEqual([]);
          return;
        }
        const map = await byKey();
        const groups = await adapter().loadGroups();
        sameSet(
          groups.map((g) => g.name),
          fixture.groups,
        );
        for (const name of fixture.groups) {
          const group = groups.find((g) => g.name === name)!;
          const expected = fixture.conversations.filter((c) => c.groupNames.includes(name)).map((c) => map.get(c.key)!.id);
          sameSet(group.conversationIds, expected);
        }
      });

      test('after group changes, a store that reconnects shows each group exactly as listed (groupNamesMatchGroups or not)', async () => {
        if (caps().groups === 'none') {
          expect(await adapter().loadGroups()).toEqual([]);
          return;
        }
        const map = await byKey();
        const outsider = fixture.conversations.find((c) => c.groupNames.length === 0 && c.kind === 'direct' && !c.isPinned)!.key;
        const member = fixture.conversations.find((c) => c.groupNames.includes('Work'))!.key;
        await adapter().addToGroup('Friends', [map.get(outsider)!.id]);
        await adapter().removeFromGroup('Work', [map.get(member)!.id]);
        await adapter().createGroup('Conformance', [map.get(outsider)!.id, map.get('conv02')!.id]);
        const groups = await adapter().loadGroups();
        const listed = new Set(groups.map((g) => g.name));
        if (caps().groupNamesMatchGroups) {
          // The promise the store relies on when it connects: each conversation names exactly the groups listing it.
          for (const conversation of (await byKey()).values()) {
            sameSet(
              conversation.groupNames.filter((name) => listed.has(name)),
              groups.filter((g) => g.conversationIds.includes(conversation.id)).map((g) => g.name),
            );
          }
        }
        const store = await connectedStore();
        for (const group of groups) sameSet(store.getState().lists.ids(group.name), group.conversationIds);
      });

      test('openConversation returns the existing conversation with a peer or group', async () => {
        const map = await byKey();
        let opened = 0;
        for (const conversation of map.values()) {
          const targetId = conversation.kind === 'direct' ? conversation.peerUserId : conversation.kind === 'group' ? conversation.groupId : undefined;
          if (targetId === undefined || (conversation.kind !== 'direct' && conversation.kind !== 'group')) continue;
          const result = await adapter().openConversation({ kind: conversation.kind, targetId });
          expect(result.id).toBe(conversation.id);
          expect(result.title).toBe(conversation.title);
          opened++;
        }
        expect(opened, 'conversations expose peerUserId / groupId').toBeGreaterThan(0);
      });
    });

    // ---- through a store -------------------------------------------------------------------------------

    describe('through a store', () => {
      test('orders every list: pinned first, then time descending, ties by id', async () => {
        const store = await connectedStore();
        const map = await byKey();
        const compare = createComparator(caps().orderBy);
        const state = store.getState();
        const lists = [undefined, ...(caps().groups === 'none' ? [] : fixture.groups)];
        for (const group of lists) {
          const ids = state.lists.ids(group);
          const sorted = ids.map((id) => storeConversation(store, id)).sort(compare).map((c) => c.id);
          expect(ids, `list ${group ?? '(all)'} is sorted`).toEqual(sorted);
          // The same order derived from the fixture alone: the adapter's data, not just the store's sorting.
          const members = fixture.conversations.filter((c) => group === undefined || c.groupNames.includes(group));
          const expected = members
            .map((c) => ({ ...c, id: map.get(c.key)!.id }))
            .sort((a, b) => (a.isPinned !== b.isPinned ? (a.isPinned ? -1 : 1) : b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
            .map((c) => c.id);
          expect(
            ids.filter((id) => expected.includes(id)),
            `fixture order of ${group ?? '(all)'}`,
          ).toEqual(expected);
          if (group !== undefined) expect(ids, `group ${group} holds exactly its members`).toHaveLength(expected.length);
        }
      });

      test("totals unread under the adapter's rule, overall and per group, matching the backend's own total", async () => {
        const store = await connectedStore();
        const expected = ruleTotal(fixture.conversations);
        const state = store.getState();
        expect(state.unreadTotal).toBe(ruleTotal(state.conversations.values()));
        expect(state.unreadTotal, 'the fixture total under the rule').toBe(expected);
        if (caps().groups !== 'none') {
          for (const name of fixture.groups) {
            const summary = state.groups.find((g) => g.name === name);
            expect(summary?.unreadCount, `unread of group ${name}`).toBe(ruleTotal(fixture.conversations.filter((c) => c.groupNames.includes(name))));
          }
        }
        if (adapter().getTotalUnread) expect(await adapter().getTotalUnread!()).toBe(expected);
      });
    });

    // ---- groups ------------------------------------------------------------------------------------------

    describe('groups', () => {
      test('limits group names in UTF-8 bytes: 11 CJK characters (33 bytes) fail, 32 bytes pass', async () => {
        const max = caps().groupNameMaxBytes;
        const id = await idOf(plainKey());
        if (caps().groups === 'none') {
          expect((await rejection(adapter().createGroup('Any', [id]))).code).toBe('NOT_SUPPORTED');
          return;
        }
        const cjkTooLong = '研'.repeat(Math.floor(max / 3) + 1);
        for (const bad of ['a'.repeat(max + 1), cjkTooLong, '']) {
          const error = await rejection(adapter().createGroup(bad, [id]));
          expect(error.code, `name ${JSON.stringify(bad)}`).toBe('GROUP_NAME_INVALID');
        }
        // Exactly the limit, mostly CJK: must be accepted.
        const atLimit = '研'.repeat(Math.floor(max / 3)) + 'a'.repeat(max % 3);
        await adapter().createGroup(atLimit, [id]);
        const names = (await adapter().loadGroups()).map((g) => g.name);
        expect(names).toContain(atLimit);
        expect(names).not.toContain(cjkTooLong);
      });

      test('rejects the group after the last allowed one with GROUP_LIMIT_EXCEEDED', async () => {
        const { maxGroups, groups } = caps();
        if (groups === 'none') {
          expect((await rejection(adapter().createGroup('Any', []))).code).toBe('NOT_SUPPORTED');
          return;
        }
        const id = await idOf(plainKey());
        if (!Number.isFinite(maxGroups) || maxGroups > 200) {
          // Too many to reach in a test: at least the adapter must not stop at Tencent's 20.
          for (let i = fixture.groups.length; i < 21; i++) await adapter().createGroup(`Extra ${i + 1}`, [id]);
          expect(await adapter().loadGroups()).toHaveLength(21);
          return;
        }
        for (let i = fixture.groups.length; i < maxGroups; i++) await adapter().createGroup(`Extra ${i + 1}`, [id]);
        const error = await rejection(adapter().createGroup(`Extra ${maxGroups + 1}`, [id]));
        expect(error.code).toBe('GROUP_LIMIT_EXCEEDED');
        expect(await adapter().loadGroups()).toHaveLength(maxGroups);
      });

      test('rejects deleting or renaming a missing group, and a duplicate name', async () => {
        if (caps().groups === 'none') {
          expect((await rejection(adapter().deleteGroup('Work'))).code).toBe('NOT_SUPPORTED');
          return;
        }
        expect((await rejection(adapter().deleteGroup('No such group'))).code).toBe('GROUP_NOT_FOUND');
        await rejection(adapter().renameGroup('No such group', 'Still none'));
        const duplicate = await rejection(adapter().createGroup('Work', [await idOf(plainKey())]));
        expect(['GROUP_EXISTS', 'ADAPTER_FAILED']).toContain(duplicate.code);
        const names = (await adapter().loadGroups()).map((g) => g.name);
        expect(names.filter((n) => n === 'Work')).toHaveLength(1);
        expect(names).not.toContain('Still none');
      });

      test('renames a group in place, keeping its members', async () => {
        if (caps().groups === 'none') {
          expect((await rejection(adapter().renameGroup('Work', 'Job'))).code).toBe('NOT_SUPPORTED');
          return;
        }
        const before = (await adapter().loadGroups()).find((g) => g.name === 'Work')!;
        await adapter().renameGroup('Work', 'Job');
        const after = await adapter().loadGroups();
        expect(after.map((g) => g.name)).not.toContain('Work');
        sameSet(after.find((g) => g.name === 'Job')!.conversationIds, before.conversationIds);
      });
    });

    // ---- batch commands ------------------------------------------------------------------------------------

    describe('batch commands', () => {
      test('addToGroup and removeFromGroup report an unknown id as failed and apply the others', async () => {
        const map = await byKey();
        const outside = fixture.conversations.filter((c) => !c.groupNames.includes('Work')).slice(0, 2).map((c) => map.get(c.key)!.id);
        const unknown = unknownIdLike(outside[0]!);
        if (caps().groups === 'none') {
          expect((await rejection(adapter().addToGroup('Work', outside))).code).toBe('NOT_SUPPORTED');
          return;
        }
        const added = await adapter().addToGroup('Work', [outside[0]!, unknown, outside[1]!]);
        sameSet(added.succeeded, outside);
        expect(added.failed.map((f) => f.id)).toEqual([unknown]);
        expect(typeof added.failed[0]!.code).toBe('string');
        let work = (await adapter().loadGroups()).find((g) => g.name === 'Work')!;
        for (const id of outside) expect(work.conversationIds).toContain(id);

        const removed = await adapter().removeFromGroup('Work', [unknown, outside[0]!]);
        expect(removed.succeeded).toEqual([outside[0]]);
        expect(removed.failed.map((f) => f.id)).toEqual([unknown]);
        work = (await adapter().loadGroups()).find((g) => g.name === 'Work')!;
        expect(work.conversationIds).not.toContain(outside[0]);
        expect(work.conversationIds).toContain(outside[1]);
      });

      test('deleteConversations reports per id, and a connected store drops the deleted one', async () => {
        const store = await connectedStore();
        const id = await idOf(plainKey());
        const unknown = unknownIdLike(id);
        const result = await adapter().deleteConversations([id, unknown], { clearHistory: true });
        expect(result.succeeded).toEqual([id]);
        expect(result.failed.map((f) => f.id)).toEqual([unknown]);
        await eventually(store, () => expect(store.getState().conversations.has(id)).toBe(false));
        expect(store.getState().lists.ids()).not.toContain(id);
        const remaining = await collectPages(adapter(), { count: 7 });
        expect(remaining.conversations.map((c) => c.id)).not.toContain(id);
      });

      test('marks: supported marks apply per id, unsupported ones reject with NOT_SUPPORTED', async () => {
        const id = await idOf(plainKey());
        const unknown = unknownIdLike(id);
        for (const mark of CONVERSATION_MARKS) {
          if (caps().marks.includes(mark)) {
            const result = await adapter().setMark([id, unknown], mark, true);
            expect(result.succeeded, `mark ${mark}`).toEqual([id]);
            expect(result.failed.map((f) => f.id)).toEqual([unknown]);
            const marked = (await collectPages(adapter())).conversations.find((c) => c.id === id)!;
            expect(marked.marks ?? []).toContain(mark);
          } else {
            expect((await rejection(adapter().setMark([id], mark, true))).code, `mark ${mark}`).toBe('NOT_SUPPORTED');
          }
        }
      });

      test('single commands on an unknown conversation reject with an InboxError', async () => {
        const unknown = unknownIdLike(await idOf(plainKey()));
        await rejection(adapter().pin(unknown, true));
        await rejection(adapter().markRead(unknown));
        await rejection(adapter().setMuteMode(unknown, 'none'));
      });
    });

    // ---- events after commands ------------------------------------------------------------------------------

    describe('events after commands', () => {
      test('pin reaches a connected store, and the backend really pinned it (it stays pinned after a message)', async () => {
        const store = await connectedStore();
        const key = plainKey();
        const id = await idOf(key);
        await adapter().pin(id, true);
        await eventually(store, () => expect(storeConversation(store, id).isPinned).toBe(true));
        await receive(store, key, id, 'after pin');
        expect(storeConversation(store, id).isPinned).toBe(true);
        expect(store.getState().lists.ids()[0], 'the newest pinned conversation comes first').toBe(id);
        await adapter().pin(id, false);
        await eventually(store, () => expect(storeConversation(store, id).isPinned).toBe(false));
      });

      test('markRead reaches a connected store, and the next message counts from zero', async () => {
        const store = await connectedStore();
        const key = fixture.conversations.find((c) => c.unreadCount > 0 && !c.isPinned && c.muteMode === 'none')!.key;
        const id = await idOf(key);
        const totalBefore = store.getState().unreadTotal;
        const unreadBefore = storeConversation(store, id).unreadCount;
        await adapter().markRead(id);
        await eventually(store, () => expect(storeConversation(store, id).unreadCount).toBe(0));
        expect(store.getState().unreadTotal).toBe(totalBefore - unreadBefore);
        await receive(store, key, id, 'after read');
        expect(storeConversation(store, id).unreadCount).toBe(1);
      });

      if (muteModes.some((mode) => mode !== 'none')) {
        test('setMuteMode reaches a connected store and the total follows the unread rule', async () => {
          const store = await connectedStore();
          const key = fixture.conversations.find((c) => c.unreadCount > 0 && c.muteMode === 'none' && c.kind === 'direct')!.key;
          const id = await idOf(key);
          const mode = muteModes.find((m) => m !== 'none')!;
          await adapter().setMuteMode(id, mode);
          await eventually(store, () => expect(storeConversation(store, id).muteMode).toBe(mode));
          const state = store.getState();
          expect(state.unreadTotal).toBe(ruleTotal(state.conversations.values()));
          await receive(store, key, id, 'while muted');
          expect(storeConversation(store, id).muteMode, 'the backend kept the mode').toBe(mode);
        });
      }

      test('createGroup reaches a connected store (name and members) and membership survives a message', async () => {
        const store = await connectedStore();
        if (caps().groups === 'none') {
          expect((await rejection(adapter().createGroup('New', []))).code).toBe('NOT_SUPPORTED');
          return;
        }
        const key = plainKey();
        const map = await byKey();
        const ids = [map.get(key)!.id, map.get('conv02')!.id];
        const result = await adapter().createGroup('Conformance', ids);
        sameSet(result.succeeded, ids);
        await eventually(store, () => {
          expect(store.getState().groupNames).toContain('Conformance');
          sameSet(store.getState().lists.ids('Conformance'), ids);
        });
        await receive(store, key, ids[0]!, 'in new group');
        sameSet(store.getState().lists.ids('Conformance'), ids);
        expect(storeConversation(store, ids[0]!).groupNames).toContain('Conformance');
      });

      test('addToGroup reaches a connected store and membership survives a message', async () => {
        const store = await connectedStore();
        const outsider = fixture.conversations.find((c) => c.groupNames.length === 0 && c.kind === 'direct' && !c.isPinned)!.key;
        const id = await idOf(outsider);
        if (caps().groups === 'none') {
          expect((await rejection(adapter().addToGroup('Work', [id]))).code).toBe('NOT_SUPPORTED');
          return;
        }
        await adapter().addToGroup('Friends', [id]);
        await eventually(store, () => expect(store.getState().lists.ids('Friends')).toContain(id));
        await receive(store, outsider, id, 'now a friend');
        const friends = store.getState().lists.ids('Friends');
        const pinned = friends.filter((x) => storeConversation(store, x).isPinned).length;
        expect(friends.indexOf(id), 'still a member, first among unpinned friends after the message').toBe(pinned);
        expect(storeConversation(store, id).groupNames).toContain('Friends');
      });

      test('setDraft reaches a connected store, and an empty text clears it', async () => {
        const store = await connectedStore();
        const id = await idOf(plainKey());
        await adapter().setDraft(id, 'half-written reply');
        await eventually(store, () => expect(storeConversation(store, id).draft?.text).toBe('half-written reply'));
        expect(typeof storeConversation(store, id).draft?.updatedAt).toBe('number');
        await adapter().setDraft(id, '');
        await eventually(store, () => expect(storeConversation(store, id).draft).toBeUndefined());
      });
    });

    // ---- messages from the server ------------------------------------------------------------------------------

    describe('messages from the server', () => {
      test('a message moves the conversation to the top of the unpinned block and raises unread by exactly 1', async () => {
        const store = await connectedStore();
        const key = plainKey();
        const id = await idOf(key);
        const before = storeConversation(store, id);
        const totalBefore = store.getState().unreadTotal;
        const at = await receive(store, key, id, 'hello there');
        await h().settle?.();
        store.flush();
        const after = storeConversation(store, id);
        expect(after.unreadCount).toBe(before.unreadCount + 1);
        expect(after.lastActivityAt).toBe(at);
        expect(store.getState().unreadTotal).toBe(totalBefore + 1);
        const all = store.getState().lists.ids();
        const pinned = all.filter((x) => storeConversation(store, x).isPinned).length;
        expect(all.indexOf(id), 'first after the pinned block').toBe(pinned);
        for (const group of after.groupNames) {
          const ids = store.getState().lists.ids(group);
          const groupPinned = ids.filter((x) => storeConversation(store, x).isPinned).length;
          expect(ids.indexOf(id), `first unpinned in group ${group}`).toBe(groupPinned);
        }
      });

      test('a message to a pinned conversation puts it first of all', async () => {
        const store = await connectedStore();
        const oldestPinned = fixture.conversations.filter((c) => c.isPinned).reduce((a, b) => (a.lastActivityAt <= b.lastActivityAt ? a : b));
        const id = await idOf(oldestPinned.key);
        await receive(store, oldestPinned.key, id, 'pinned news');
        expect(store.getState().lists.ids()[0]).toBe(id);
        expect(storeConversation(store, id).unreadCount).toBe(fixtureByKey(oldestPinned.key).unreadCount + 1);
      });

      test('events carry whole conversations (never deltas) and emitted objects are never mutated', async () => {
        const key = plainKey();
        const id = await idOf(key);
        const events: AdapterEvent[] = [];
        const unsubscribe = adapter().subscribe((event) => events.push(event));
        try {
          const store = await connectedStore();
          await receive(store, key, id, 'first');
          await receive(store, key, id, 'second');
        } finally {
          unsubscribe();
        }
        const emitted = events.flatMap((e) => (e.type === 'upserted' || e.type === 'replaced' ? e.conversations : [])).filter((c) => c.id === id);
        expect(emitted.length).toBeGreaterThan(0);
        const unread = fixtureByKey(key).unreadCount;
        const first = emitted.find((c) => c.lastMessage?.preview === 'first');
        const second = emitted.find((c) => c.lastMessage?.preview === 'second');
        expect(first?.title).toBe(key);
        expect(first?.unreadCount, 'the full unread count, not +1').toBe(unread + 1);
        expect(second?.unreadCount).toBe(unread + 2);
        expect(first?.lastMessage?.preview, 'the object emitted first was not changed later').toBe('first');
        for (const conversation of emitted) {
          expect(typeof conversation.title).toBe('string');
          expect(Array.isArray(conversation.groupNames) && Array.isArray(conversation.mentions)).toBe(true);
        }
      });

      test('a store that receives every event twice still counts one message once', async () => {
        const store = await connectedStore(doublingEvents(adapter()));
        const key = plainKey();
        const id = await idOf(key);
        const unread = storeConversation(store, id).unreadCount;
        const total = store.getState().unreadTotal;
        await receive(store, key, id, 'once');
        await h().settle?.();
        store.flush();
        expect(storeConversation(store, id).unreadCount).toBe(unread + 1);
        expect(store.getState().unreadTotal).toBe(total + 1);
        const all = store.getState().lists.ids();
        expect(new Set(all).size).toBe(all.length);
      });

      test('loading again after events leaves no duplicates in the store', async () => {
        const store = await connectedStore();
        const key = plainKey();
        const id = await idOf(key);
        await receive(store, key, id, 'before reload');
        const pinnedId = await idOf('conv03');
        await adapter().pin(pinnedId, true);
        await eventually(store, () => expect(storeConversation(store, pinnedId).isPinned).toBe(true));
        // Reconnecting loads every page again over the conversations the store already holds.
        store.disconnect();
        await store.connect();
        for (let i = 0; i < 1000 && store.getState().hasMore; i++) await store.getState().actions.loadMore();
        const state = store.getState();
        const ids = state.lists.ids();
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(state.conversations.size);
        expect(state.conversations.size).toBe((await collectPages(adapter())).conversations.length);
        expect(state.unreadTotal).toBe(ruleTotal(state.conversations.values()));
        expect(storeConversation(store, id).lastMessage?.preview).toBe('before reload');
        expect(storeConversation(store, pinnedId).isPinned).toBe(true);
      });
    });


    // ---- issue 16: every flow the components offer, on every backend that claims it ------------------------

    describe('flows', () => {
      /** A conversation of the fixture that counts toward unread, has some, and is neither pinned nor in a group. */
      function countedKey(): string {
        const found = fixture.conversations.find((c) => c.unreadCount > 0 && c.muteMode === 'none' && !c.isPinned && c.groupNames.length === 0);
        if (!found) throw new Error('The fixture has no plain unread conversation.');
        return found.key;
      }

      test('a hidden conversation leaves every list and count, the backend total included, and comes back when shown', async () => {
        if (!caps().marks.includes('hide')) return;
        const store = await connectedStore();
        const key = countedKey();
        const id = await idOf(key);
        const unread = fixtureByKey(key).unreadCount;
        const before = store.getState().unreadTotal;
        const result = await adapter().setMark([id], 'hide', true);
        expect(result.succeeded).toEqual([id]);
        await eventually(store, () => expect(store.getState().lists.ids()).not.toContain(id));
        expect(store.getState().unreadTotal).toBe(before - unread);
        if (adapter().getTotalUnread) {
          expect(await adapter().getTotalUnread!(), "the backend's total leaves it out as the store does").toBe(before - unread);
          await eventually(store, () => expect(store.getState().backendUnreadTotal).toBe(before - unread));
        }
        expect(storeConversation(store, id).marks, 'still readable by id').toContain('hide');
        await adapter().setMark([id], 'hide', false);
        await eventually(store, () => expect(store.getState().lists.ids()).toContain(id));
        expect(store.getState().unreadTotal).toBe(before);
        if (adapter().getTotalUnread) expect(await adapter().getTotalUnread!()).toBe(before);
      });

      test('a message to a hidden conversation: the store and the backend agree on the total, whether it stays hidden or comes back', async () => {
        if (!caps().marks.includes('hide')) return;
        const store = await connectedStore();
        const key = countedKey();
        const id = await idOf(key);
        await adapter().setMark([id], 'hide', true);
        await eventually(store, () => expect(store.getState().lists.ids()).not.toContain(id));
        await h().receiveMessage(key, 'to a hidden conversation', nextAt());
        await eventually(store, () => expect(storeConversation(store, id).lastMessage?.preview).toBe('to a hidden conversation'));
        const hidden = Boolean(storeConversation(store, id).marks?.includes('hide'));
        expect(store.getState().lists.ids().includes(id)).toBe(!hidden);
        if (adapter().getTotalUnread) {
          const backend = await adapter().getTotalUnread!();
          await eventually(store, () => expect(store.getState().unreadTotal).toBe(backend));
        }
      });

      test('while pages remain, the total the store shows is the backend total, hidden conversations left out', async () => {
        const hide = caps().marks.includes('hide');
        if (hide) await adapter().setMark([await idOf(countedKey())], 'hide', true);
        await h().settle?.();
        const store = createInboxStore({ adapter: adapter(), draftStorage: null, pageSize: 3 });
        stores.push(store);
        await store.connect();
        await h().settle?.();
        store.flush();
        const shown = selectUnreadTotal(store.getState());
        if (adapter().getTotalUnread) expect(shown).toBe(await adapter().getTotalUnread!());
        const expected = ruleTotal(fixture.conversations.filter((c) => !hide || c.key !== countedKey()));
        expect(shown, 'the fixture total under the rule').toBe(expected);
      });

      test("a group's backend unread count, where the adapter gives one, is its members' under the rule", async () => {
        if (caps().groups === 'none') return;
        const groups = await adapter().loadGroups();
        for (const group of groups) {
          if (group.unreadCount === undefined) continue;
          const members = fixture.conversations.filter((c) => c.groupNames.includes(group.name));
          expect(group.unreadCount, `unread of group ${group.name}`).toBe(ruleTotal(members));
        }
      });

      test('a backend that counts its groups tells each count as it moves (groupUnreadChanged)', async () => {
        if (caps().groups === 'none') return;
        const counted = new Map<string, number>();
        for (const group of await adapter().loadGroups()) if (group.unreadCount !== undefined) counted.set(group.name, group.unreadCount);
        const target = fixture.conversations.find((c) => c.muteMode === 'none' && c.groupNames.some((name) => counted.has(name)));
        if (!target) return;
        const events: AdapterEvent[] = [];
        const unsubscribe = adapter().subscribe((event) => events.push(event));
        try {
          await h().receiveMessage(target.key, 'counted in its groups', nextAt());
          await vi.waitFor(
            async () => {
              await h().settle?.();
              for (const name of target.groupNames.filter((n) => counted.has(n))) {
                const told = events.flatMap((e) => (e.type === 'groupUnreadChanged' && e.name === name ? [e.unreadCount] : []));
                expect(told.at(-1), `group ${name}`).toBe(counted.get(name)! + 1);
              }
            },
            { timeout: eventTimeoutMs, interval: 20 },
          );
        } finally {
          unsubscribe();
        }
      });

      test('createGroup with no conversations follows emptyGroups: an empty group, or INVALID_ARGUMENT and none', async () => {
        if (caps().groups === 'none') return;
        if (caps().emptyGroups === false) {
          expect((await rejection(adapter().createGroup('Nobody yet', []))).code).toBe('INVALID_ARGUMENT');
          expect((await adapter().loadGroups()).map((g) => g.name)).not.toContain('Nobody yet');
        } else {
          await adapter().createGroup('Nobody yet', []);
          expect((await adapter().loadGroups()).find((g) => g.name === 'Nobody yet')?.conversationIds).toEqual([]);
        }
      });

      test('setCustomData answers per id, reaches a connected store, reads back, and refuses data over the maximum', async () => {
        const max = caps().customDataMaxLength ?? 0;
        if (max <= 0 || !adapter().setCustomData) return;
        const store = await connectedStore();
        const id = await idOf(plainKey());
        const unknown = unknownIdLike(id);
        const result = await adapter().setCustomData!([id, unknown], 'kept by the app');
        checkOperationResult(result, [id, unknown], 'setCustomData');
        expect(result.succeeded).toEqual([id]);
        expect(result.failed.map((f) => f.id)).toEqual([unknown]);
        expect(typeof result.failed[0]!.code).toBe('string');
        await eventually(store, () => expect(storeConversation(store, id).customData).toBe('kept by the app'));
        expect((await byKey()).get(plainKey())?.customData).toBe('kept by the app');
        expect((await rejection(adapter().setCustomData!([id], 'x'.repeat(max + 1)))).code).toBe('INVALID_ARGUMENT');
        await adapter().setCustomData!([id], '');
        await eventually(store, () => expect(storeConversation(store, id).customData ?? '').toBe(''));
      });

      test('the account-wide receive option reads back every mode it offers', async () => {
        const modes = caps().globalReceiveModes ?? [];
        if (modes.length === 0) return;
        for (const mode of [...modes].reverse()) {
          await adapter().setGlobalReceiveOption!(mode);
          expect(await adapter().getGlobalReceiveOption!(), mode).toBe(mode);
        }
        const missing = MUTE_MODES.find((mode) => !modes.includes(mode));
        if (missing) expect((await rejection(adapter().setGlobalReceiveOption!(missing))).code).toBe('NOT_SUPPORTED');
      });

      test('clearAllConversations empties the list and the total; a new message brings a conversation back', async () => {
        if (!caps().clearAll) return;
        const store = await connectedStore();
        await adapter().clearAllConversations!();
        await eventually(store, () => expect(store.getState().lists.ids()).toEqual([]));
        expect((await collectPages(adapter())).conversations.filter((c) => !c.marks?.includes('hide'))).toEqual([]);
        if (adapter().getTotalUnread) expect(await adapter().getTotalUnread!()).toBe(0);
        const key = plainKey();
        await h().receiveMessage(key, 'back again', nextAt());
        await eventually(store, () => expect(store.getState().lists.ids()).toHaveLength(1));
      });
    });

    // ---- adversarial: what production sends sooner or later -------------------------------------------

    describe('adversarial', () => {
      const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

      test('conversations keyed by Object.prototype names are listed once each and take commands', async () => {
        await harness?.dispose?.();
        fixture = buildConformanceFixture({ muteModes, keys: PROTOTYPE_KEYS });
        harness = await createHarness(fixture);
        const { conversations } = await collectPages(adapter(), { count: 4 });
        const titles = conversations.map((c) => c.title);
        for (const key of PROTOTYPE_KEYS) expect(titles.filter((t) => t === key), `${key} is listed once`).toHaveLength(1);
        const store = await connectedStore();
        for (const key of PROTOTYPE_KEYS) {
          const id = await idOf(key);
          const conversation = storeConversation(store, id);
          expect(conversation.title).toBe(key);
          await store.getState().actions.pin(id, !conversation.isPinned);
          await store.getState().actions.setDraft(id, `draft for ${key}`);
          await store.getState().actions.markRead(id);
        }
        for (const key of PROTOTYPE_KEYS) {
          const id = await idOf(key);
          await eventually(store, () => expect(storeConversation(store, id).unreadCount).toBe(0));
        }
        expect(store.getState().failures.size).toBe(0);
      });

      test('everything it returns and emits passes the store boundary with nothing refused', async () => {
        const refused: string[] = [];
        const note = (what: string, errors: readonly { error: InboxError }[]) => {
          for (const { error } of errors) refused.push(`${what}: ${error.message}`);
        };
        const unsubscribe = adapter().subscribe((event) => {
          const checked = checkEvent(event);
          note(`event ${String((event as { type?: unknown }).type)}`, checked.refused);
        });
        try {
          let cursor: string | null = null;
          for (let pages = 0; pages < 1000; pages++) {
            const { page, refused: rows } = checkPage(await adapter().loadConversations({ cursor, count: 7 }));
            note('page', rows);
            if (page.isFinished) break;
            cursor = page.cursor;
          }
          note('groups', checkGroups(await adapter().loadGroups()).refused);
          const store = await connectedStore();
          const key = plainKey();
          const id = await idOf(key);
          await receive(store, key, id, 'checked at the boundary');
          await adapter().pin(id, true);
          if (caps().marks.length > 0) checkOperationResult(await adapter().setMark([id], caps().marks[0]!, true), [id], 'setMark');
          await h().settle?.();
        } finally {
          unsubscribe();
        }
        expect(refused).toEqual([]);
      });

      test('paging loses no row when rows of an earlier page are deleted or unpinned before the next page', async () => {
        if (!caps().paging) return;
        const first = await adapter().loadConversations({ count: 6 });
        expect(first.isFinished).toBe(false);
        const delivered = new Set(first.conversations.map((c) => c.id));
        const victims = first.conversations.filter((c) => !c.isPinned).slice(0, 3).map((c) => c.id);
        const result = await adapter().deleteConversations(victims, { clearHistory: false });
        expect(result.succeeded).toEqual(expect.arrayContaining(victims));
        const pinned = first.conversations.find((c) => c.isPinned);
        if (pinned) await adapter().pin(pinned.id, false);
        await h().settle?.();
        let cursor = first.cursor;
        for (let pages = 0; cursor !== null && pages < 1000; pages++) {
          const page = await adapter().loadConversations({ cursor, count: 6 });
          for (const c of page.conversations) delivered.add(c.id);
          cursor = page.isFinished ? null : page.cursor;
        }
        const now = (await collectPages(adapter())).conversations.map((c) => c.id);
        const missing = now.filter((id) => !delivered.has(id));
        expect(missing, 'rows paging skipped').toEqual([]);
      });

      test('group names are compared as users see them: a trimmed or NFC-equal name is the same group', async () => {
        if (caps().groups === 'none') return;
        const id = (await collectPages(adapter())).conversations[0]!.id;
        for (const lookalike of [' Work', 'Work\u0020', 'Work'.normalize('NFD')]) {
          expect((await rejection(adapter().createGroup(lookalike, [id]))).code, JSON.stringify(lookalike)).toBe('GROUP_EXISTS');
        }
        for (const bad of ['\u200B', 'R&D\uD800']) {
          expect((await rejection(adapter().createGroup(bad, [id]))).code, JSON.stringify(bad)).toBe('GROUP_NAME_INVALID');
        }
        await adapter().createGroup('  Caf\u0065\u0301 ', [id]);
        expect((await adapter().loadGroups()).map((g) => g.name)).toContain('Caf\u00e9');
      });

      test('reconnecting reconciles: a conversation deleted while the store was away leaves it', async () => {
        const store = await connectedStore();
        const id = await idOf(plainKey());
        store.disconnect();
        const result = await adapter().deleteConversations([id], { clearHistory: false });
        expect(result.succeeded).toEqual([id]);
        await h().settle?.();
        await store.connect();
        for (let i = 0; i < 1000 && store.getState().hasMore; i++) await store.getState().actions.loadMore();
        await eventually(store, () => expect(store.getState().conversations.has(id)).toBe(false));
        expect(store.getState().conversations.size).toBe((await collectPages(adapter())).conversations.length);
      });

      test('every command settles (with an InboxError) for ids it does not know: none hangs', async () => {
        const unknown = `${(await collectPages(adapter())).conversations[0]!.id}_missing`;
        const within = <T>(promise: Promise<T>) =>
          Promise.race([
            promise.then(
              () => 'settled',
              (error: unknown) => {
                expect(error).toBeInstanceOf(InboxError);
                return 'settled';
              },
            ),
            new Promise<string>((resolve) => setTimeout(() => resolve('hung'), eventTimeoutMs)),
          ]);
        const calls: [string, () => Promise<unknown>][] = [
          ['pin', () => adapter().pin(unknown, true)],
          ['setMuteMode', () => adapter().setMuteMode(unknown, 'silent')],
          ['markRead', () => adapter().markRead(unknown)],
          ['setDraft', () => adapter().setDraft(unknown, 'x')],
          ['deleteConversations', () => adapter().deleteConversations([unknown])],
          ['loadConversations with a forged cursor', () => adapter().loadConversations({ cursor: '{"forged":true}' })],
        ];
        for (const [name, call] of calls) expect(await within(call()), name).toBe('settled');
      });
    });
  });
}
