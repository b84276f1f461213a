import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('react', () => {
  throw new Error('inboxkit/core must not import react');
});
vi.mock('react-dom', () => {
  throw new Error('inboxkit/core must not import react-dom');
});

describe('inboxkit/core', () => {
  it('loads and works with react unavailable', async () => {
    const core = await import('../../src/core/index.js');
    expect(typeof core.createInboxStore).toBe('function');
    expect(typeof core.selectConversationIds).toBe('function');
  });

  it('has no import of react, a UI library or an SDK in any file', () => {
    const dir = path.resolve(import.meta.dirname, '../../src/core');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const specifier of imports) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^(\.\/|zustand\/vanilla$)/);
      }
    }
  });
});
