import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../../src/adapters/memory/index.js';
import { selectConversation, selectDraft, selectFailure, selectIsPending } from '../../../src/core/selectors.js';
import { createInboxStore } from '../../../src/core/store.js';
import { rejectionOf } from './harness.js';
import { PROTOTYPE_IDS, row } from './harness.js';

// Found 1: ids that are Object.prototype names read inherited values from plain-object tables
// (selectFailure(state, 'constructor') returned the Object function) and `set('__proto__', …)` wrote nothing.

describe.each(PROTOTYPE_IDS)('a conversation with id %s', (id) => {
  async function setup() {
    const memory = createMemoryAdapter({ conversations: [row(id, { unreadCount: 3, groupNames: ['G'] }), row('C2Cother', { lastActivityAt: 1 })] });
    const store = createInboxStore({ adapter: memory, draftStorage: null });
    await store.connect();
    return { memory, store };
  }

  it('reads as nothing where nothing is recorded', async () => {
    const { store } = await setup();
    const state = store.getState();
    expect(selectFailure(state, id)).toBeUndefined();
    expect(selectIsPending(state, id)).toBe(false);
    expect(selectDraft(state, id)).toBeUndefined();
    expect(selectFailure(state, 'C2Cother')).toBeUndefined();
  });

  it('goes through pin, draft, failure and group commands like any id', async () => {
    const { memory, store } = await setup();
    const { actions } = store.getState();
    await actions.pin(id, true);
    expect(selectConversation(store.getState(), id)?.isPinned).toBe(true);
    expect(store.getState().lists.ids()[0]).toBe(id);
    await actions.setDraft(id, 'hello');
    expect(selectDraft(store.getState(), id)?.text).toBe('hello');
    memory.failNext('setMuteMode');
    await rejectionOf(() => actions.setMuteMode(id, 'silent'));
    expect(selectFailure(store.getState(), id)?.operation).toBe('setMuteMode');
    actions.dismissFailure(id);
    expect(selectFailure(store.getState(), id)).toBeUndefined();
    await actions.markRead(id);
    expect(store.getState().unreadTotal).toBe(0);
    await actions.removeFromGroup('G', [id]);
    expect(store.getState().lists.ids('G')).toEqual([]);
    await actions.deleteConversation(id);
    expect(selectConversation(store.getState(), id)).toBeUndefined();
    expect(store.getState().lists.ids()).toEqual(['C2Cother']);
  });

  it('can be a group name too', async () => {
    const { store } = await setup();
    await store.getState().actions.createGroup(id, ['C2Cother']);
    expect(store.getState().groupNames).toContain(id);
    expect(store.getState().lists.ids(id)).toEqual(['C2Cother']);
  });
});
