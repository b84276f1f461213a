import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../../src/adapters/memory/index.js';
import { DEFAULT_CAPABILITIES } from '../../../src/core/adapter.js';
import { createEmitter } from '../../../src/core/emitter.js';
import { InboxError } from '../../../src/core/errors.js';
import { createInboxStore } from '../../../src/core/store.js';
import { conv, createScriptedAdapter } from '../scriptedAdapter.js';
import { rejectionOf } from './harness.js';

// Found 11: TypeErrors instead of InboxError, and listener errors swallowed in one emitter and rethrown in another.

afterEach(() => {
  vi.restoreAllMocks();
});

describe('typed errors, never TypeErrors', () => {
  it.each([
    ['no options', undefined],
    ['null options', null],
    ['no adapter', {}],
    ['an adapter that is a string', { adapter: 'memory' }],
  ])('createInboxStore with %s', (_what, options) => {
    const error = (() => {
      try {
        createInboxStore(options as never);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InboxError);
    expect((error as InboxError).code).toBe('INVALID_ARGUMENT');
  });

  it.each([
    ['no capabilities', undefined],
    ['capabilities that are null', null],
    ['capabilities without marks', { groups: 'native', paging: false }],
    ['groupNamesMatchGroups that is not a boolean', { ...DEFAULT_CAPABILITIES, groupNamesMatchGroups: 'yes' }],
  ])('an adapter with %s', (_what, capabilities) => {
    const s = createScriptedAdapter();
    (s.adapter as { capabilities: unknown }).capabilities = capabilities;
    expect(() => createInboxStore({ adapter: s.adapter })).toThrow(InboxError);
  });

  it.each([
    ['undefined', undefined],
    ['a row with no id', { title: 'x' }],
  ])('openConversation when the adapter resolves %s rejects with ADAPTER_FAILED', async (_what, value) => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    s.adapter.openConversation = async () => value as never;
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    await store.connect();
    const before = store.getState();
    const error = (await rejectionOf(() => store.getState().actions.openConversation({ kind: 'direct', targetId: 'bob' }))) as InboxError;
    expect(error).toBeInstanceOf(InboxError);
    expect(error.code).toBe('ADAPTER_FAILED');
    expect(store.getState()).toBe(before);
  });
});

describe('one policy for every emitter: a throwing listener is reported, never swallowed, and the others still run', () => {
  it('the emitter reports through reportError where the platform has it', () => {
    const reported: unknown[] = [];
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error));
    const emitter = createEmitter<[number]>();
    const seen: number[] = [];
    emitter.on(() => {
      throw new Error('listener bug');
    });
    emitter.on((n) => seen.push(n));
    emitter.emit(1);
    expect(seen).toEqual([1]);
    expect(reported).toEqual([new Error('listener bug')]);
    vi.unstubAllGlobals();
  });

  it('else through console.error', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const emitter = createEmitter<[]>();
    emitter.on(() => {
      throw new Error('listener bug');
    });
    emitter.emit();
    expect(spy).toHaveBeenCalledWith(expect.stringContaining('listener threw'), new Error('listener bug'));
  });

  it('the store’s onError listeners and the memory adapter’s event listeners follow it', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const memory = createMemoryAdapter({ conversations: [conv('C2Ca')] });
    const store = createInboxStore({ adapter: memory, draftStorage: null });
    const seen: string[] = [];
    store.onError(() => {
      throw new Error('app bug in onError');
    });
    store.onError((error) => seen.push(error.code));
    memory.subscribe(() => {
      throw new Error('app bug in a listener');
    });
    await store.connect();
    memory.failNext('pin');
    await rejectionOf(() => store.getState().actions.pin('C2Ca', true));
    memory.simulate.message('C2Ca', { preview: 'hi' });
    store.flush();
    expect(seen).toEqual(['ADAPTER_FAILED']);
    expect(store.getState().conversations.get('C2Ca')?.lastMessage?.preview).toBe('hi');
    const reported = spy.mock.calls.map((call) => String(call[1]));
    expect(reported).toContain('Error: app bug in onError');
    expect(reported).toContain('Error: app bug in a listener');
  });
});
