import { describe, expect, it } from 'vitest';
import { InboxError, type InboxErrorCode } from '../../../src/core/errors.js';
import type { InboxActions } from '../../../src/core/store.js';
import { connectedFixture, rejectionOf } from './harness.js';

// Every public command answers bad input with a typed InboxError and changes nothing: not the published state (the
// very same object), not the draft storage, not the backend (no call reached it, its data is as it was).

type Case = [name: string, code: InboxErrorCode, run: (actions: InboxActions) => unknown];

const BAD_IDS: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['an empty string', ''],
  ['an object', {}],
  ['an array', ['C2Calice']],
];
const a = (value: unknown) => value as never;
const MEGABYTE = 'x'.repeat(1 << 20);

const cases: Case[] = [
  ...BAD_IDS.map(([what, id]): Case => [`pin with ${what} as id`, 'INVALID_ARGUMENT', (x) => x.pin(a(id), true)]),
  ['pin an id that is not loaded', 'CONVERSATION_NOT_FOUND', (x) => x.pin('C2Cnobody', true)],
  ['pin a prototype name that is not loaded', 'CONVERSATION_NOT_FOUND', (x) => x.pin('__proto__', true)],
  ['pin with "yes"', 'INVALID_ARGUMENT', (x) => x.pin('C2Calice', a('yes'))],
  ['pin with 1', 'INVALID_ARGUMENT', (x) => x.pin('C2Calice', a(1))],
  ['pin with null', 'INVALID_ARGUMENT', (x) => x.pin('C2Calice', a(null))],
  ...BAD_IDS.map(([what, id]): Case => [`setMuteMode with ${what} as id`, 'INVALID_ARGUMENT', (x) => x.setMuteMode(a(id), 'silent')]),
  ['setMuteMode on toString (not loaded)', 'CONVERSATION_NOT_FOUND', (x) => x.setMuteMode('toString', 'silent')],
  ...['', 'loud', 'NONE', null, 1, {}].map((mode): Case => [`setMuteMode to ${JSON.stringify(mode)}`, 'INVALID_ARGUMENT', (x) => x.setMuteMode('C2Calice', a(mode))]),
  ...BAD_IDS.map(([what, id]): Case => [`markRead with ${what} as id`, 'INVALID_ARGUMENT', (x) => x.markRead(a(id))]),
  ['markRead on hasOwnProperty (not loaded)', 'CONVERSATION_NOT_FOUND', (x) => x.markRead('hasOwnProperty')],
  ...BAD_IDS.map(([what, id]): Case => [`setDraft with ${what} as id`, 'INVALID_ARGUMENT', (x) => x.setDraft(a(id), 'hi')]),
  ...[undefined, null, 5, {}, ['hi']].map((text): Case => [`setDraft with ${JSON.stringify(text)} as text`, 'INVALID_ARGUMENT', (x) => x.setDraft('C2Calice', a(text))]),
  ...['C2Calice', null, {}, 7].map((ids): Case => [`setMark with ${JSON.stringify(ids)} as ids`, 'INVALID_ARGUMENT', (x) => x.setMark(a(ids), 'star', true)]),
  ...[[1], [null], [''], ['C2Calice', {}]].map((ids): Case => [`setMark with ids ${JSON.stringify(ids)}`, 'INVALID_ARGUMENT', (x) => x.setMark(a(ids), 'star', true)]),
  ...['pinned', null, 'STAR', 3].map((mark): Case => [`setMark with mark ${JSON.stringify(mark)}`, 'INVALID_ARGUMENT', (x) => x.setMark(['C2Calice'], a(mark), true)]),
  ...['true', 1, null].map((enabled): Case => [`setMark with enabled ${JSON.stringify(enabled)}`, 'INVALID_ARGUMENT', (x) => x.setMark(['C2Calice'], 'star', a(enabled))]),
  ...BAD_IDS.map(([what, id]): Case => [`deleteConversation with ${what} as id`, 'INVALID_ARGUMENT', (x) => x.deleteConversation(a(id))]),
  ['deleteConversation on valueOf (not loaded)', 'CONVERSATION_NOT_FOUND', (x) => x.deleteConversation('valueOf')],
  ...[null, 'all', 5].map((options): Case => [`deleteConversation with options ${JSON.stringify(options)}`, 'INVALID_ARGUMENT', (x) => x.deleteConversation('C2Calice', a(options))]),
  ...[undefined, null, 'C2Cbob', { kind: 'channel', targetId: 'x' }, { kind: 'direct' }, { kind: 'direct', targetId: '' }, { kind: 'group', targetId: 5 }].map(
    (target): Case => [`openConversation with ${JSON.stringify(target)}`, 'INVALID_ARGUMENT', (x) => x.openConversation(a(target))],
  ),
  ...[undefined, null, 5, {}].map((name): Case => [`createGroup named ${JSON.stringify(name)}`, 'GROUP_NAME_INVALID', (x) => x.createGroup(a(name), ['C2Calice'])]),
  ['createGroup named ""', 'GROUP_NAME_INVALID', (x) => x.createGroup('', ['C2Calice'])],
  ['createGroup named with spaces only', 'GROUP_NAME_INVALID', (x) => x.createGroup('   ', ['C2Calice'])],
  ['createGroup named with a zero-width space only', 'GROUP_NAME_INVALID', (x) => x.createGroup('\u200B', ['C2Calice'])],
  ['createGroup named ZWJ + word joiner', 'GROUP_NAME_INVALID', (x) => x.createGroup('\u200D\u2060', ['C2Calice'])],
  ['createGroup named with a BOM and spaces', 'GROUP_NAME_INVALID', (x) => x.createGroup(' \uFEFF ', ['C2Calice'])],
  ['createGroup named with a lone high surrogate', 'GROUP_NAME_INVALID', (x) => x.createGroup('R&D\uD800', ['C2Calice'])],
  ['createGroup named with a lone low surrogate', 'GROUP_NAME_INVALID', (x) => x.createGroup('\uDC00R&D', ['C2Calice'])],
  ['createGroup named with a NUL', 'GROUP_NAME_INVALID', (x) => x.createGroup('a\u0000b', ['C2Calice'])],
  ['createGroup named with a newline', 'GROUP_NAME_INVALID', (x) => x.createGroup('a\nb', ['C2Calice'])],
  ['createGroup named 33 bytes', 'GROUP_NAME_INVALID', (x) => x.createGroup('x'.repeat(33), ['C2Calice'])],
  ['createGroup named 11 Chinese characters (33 bytes)', 'GROUP_NAME_INVALID', (x) => x.createGroup('中'.repeat(11), ['C2Calice'])],
  ['createGroup named 1 MB', 'GROUP_NAME_INVALID', (x) => x.createGroup(MEGABYTE, ['C2Calice'])],
  ['createGroup named like an existing group', 'GROUP_EXISTS', (x) => x.createGroup('Work', ['C2Calice'])],
  ['createGroup named like an existing group plus a space', 'GROUP_EXISTS', (x) => x.createGroup('Work ', ['C2Calice'])],
  ['createGroup named like an existing group in NFD', 'GROUP_EXISTS', (x) => x.createGroup('Cafe\u0301', ['C2Calice'])],
  ...['C2Calice', null, [1], [''], {}].map((ids): Case => [`createGroup with ids ${JSON.stringify(ids)}`, 'INVALID_ARGUMENT', (x) => x.createGroup('New', a(ids))]),
  ['renameGroup of a group that does not exist', 'GROUP_NOT_FOUND', (x) => x.renameGroup('Nope', 'Other')],
  ['renameGroup of __proto__', 'GROUP_NOT_FOUND', (x) => x.renameGroup('__proto__', 'Other')],
  ['renameGroup of a non-string', 'INVALID_ARGUMENT', (x) => x.renameGroup(a(5), 'Other')],
  ['renameGroup to an empty name', 'GROUP_NAME_INVALID', (x) => x.renameGroup('Work', '')],
  ['renameGroup to an invisible name', 'GROUP_NAME_INVALID', (x) => x.renameGroup('Work', '\u200B\u200B')],
  ['renameGroup to a lone surrogate', 'GROUP_NAME_INVALID', (x) => x.renameGroup('Work', 'W\uDBFF')],
  ['renameGroup to 1 MB', 'GROUP_NAME_INVALID', (x) => x.renameGroup('Work', MEGABYTE)],
  ['renameGroup to another group in NFD', 'GROUP_EXISTS', (x) => x.renameGroup('Work', 'Cafe\u0301')],
  ['renameGroup to another group with spaces', 'GROUP_EXISTS', (x) => x.renameGroup('Work', '  Café  ')],
  ['deleteGroup of a group that does not exist', 'GROUP_NOT_FOUND', (x) => x.deleteGroup('Nope')],
  ['deleteGroup of constructor', 'GROUP_NOT_FOUND', (x) => x.deleteGroup('constructor')],
  ['deleteGroup of null', 'INVALID_ARGUMENT', (x) => x.deleteGroup(a(null))],
  ['addToGroup of a group that does not exist', 'GROUP_NOT_FOUND', (x) => x.addToGroup('Nope', ['C2Calice'])],
  ['addToGroup with a string of ids', 'INVALID_ARGUMENT', (x) => x.addToGroup('Work', a('C2Calice'))],
  ['addToGroup with a null id', 'INVALID_ARGUMENT', (x) => x.addToGroup('Work', a([null]))],
  ['removeFromGroup of a group that does not exist', 'GROUP_NOT_FOUND', (x) => x.removeFromGroup('toString', ['C2Calice'])],
  ['removeFromGroup with ids undefined', 'INVALID_ARGUMENT', (x) => x.removeFromGroup('Work', a(undefined))],
  ...BAD_IDS.map(([what, id]): Case => [`dismissFailure with ${what} as id`, 'INVALID_ARGUMENT', (x) => x.dismissFailure(a(id))]),
];

describe('bad input to every command: a typed error and nothing changed', () => {
  it('has at least 80 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases)('%s → %s', async (_name, code, run) => {
    const fixture = await connectedFixture();
    const before = fixture.observe();
    const error = await rejectionOf(() => run(fixture.store.getState().actions));
    expect(error).toBeInstanceOf(InboxError);
    expect((error as InboxError).code).toBe(code);
    // A message quotes at most about 40 characters of what it was given, never a megabyte.
    expect((error as InboxError).message.length).toBeLessThan(200);
    await Promise.resolve();
    fixture.store.flush();
    const after = fixture.observe();
    expect(after.state).toBe(before.state);
    expect(after.drafts).toEqual(before.drafts);
    expect(after.backend).toBe(before.backend);
    expect(after.calls).toBe(0);
  });
});
