import { describe, expect, it } from 'vitest';
import { InboxError } from '../../../src/core/errors.js';
import { checkGroupName, normalizeGroupName } from '../../../src/core/validate.js';
import { connectedFixture, rejectionOf } from './harness.js';

// Found 2: a lone surrogate was accepted (and crashed the tabs), invisible-only names and look-alike duplicates were
// accepted, and error messages repeated a 1 MB name in full.

describe('group names match what users see', () => {
  it('are stored NFC-normalised and trimmed', async () => {
    const { store, memory } = await connectedFixture();
    await store.getState().actions.createGroup('  Rese\u0301arch  ', ['C2Calice']);
    expect(store.getState().groupNames).toEqual(['Work', 'Café', 'Res\u00e9arch']);
    expect(memory.getSnapshot().groups.map((g) => g.name)).toContain('Res\u00e9arch');
  });

  it('a rename to the same name in another form changes nothing', async () => {
    const { store, calls } = await connectedFixture();
    const before = store.getState();
    await store.getState().actions.renameGroup('Café', ' Cafe\u0301 ');
    expect(store.getState()).toBe(before);
    expect(calls).toEqual([]);
  });

  it('count bytes after normalising: 32 bytes with surrounding spaces is fine', () => {
    expect(checkGroupName(`  ${'x'.repeat(32)}  `)).toBeUndefined();
    expect(normalizeGroupName(`  ${'x'.repeat(32)}  `)).toHaveLength(32);
  });

  it.each([
    ['a lone surrogate', 'R&D\uD800', 'malformed'],
    ['a zero-width space', '\u200B', 'invisible'],
    ['ZWJ + word joiner', '\u200D\u2060', 'invisible'],
    ['a soft hyphen alone', '\u00AD', 'invisible'],
    ['a tab', 'a\tb', 'malformed'],
  ])('refuses %s', (_what, name, problem) => {
    expect(checkGroupName(name)).toBe(problem);
  });

  it('error messages quote at most about 40 characters of a 1 MB name', async () => {
    const { store } = await connectedFixture();
    const error = (await rejectionOf(() => store.getState().actions.createGroup(`${'名'.repeat(1 << 20)}`, ['C2Calice']))) as InboxError;
    expect(error.code).toBe('GROUP_NAME_INVALID');
    expect(error.message.length).toBeLessThan(160);
    expect(error.message).toContain('1048576 characters');
  });
});
