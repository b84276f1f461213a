// @vitest-environment node
// The English strings are split by component (src/components/internal/messages): an app bundles the strings of the
// components it imports and no others. Checked by bundling the kit's source as an app's bundler would (Vite's
// production build, tree-shaking on) and reading which message ids the bundle holds.
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const kitEntry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

/** The bundle of an app that imports `names` from the kit (peers left out, as the app has them). */
async function appBundle(names: string): Promise<string> {
  const app: Plugin = {
    name: 'app-entry',
    enforce: 'pre',
    // The library entry reaches the plugin resolved against the root: matched by its end.
    resolveId: (id) => (id.endsWith('app-entry') ? '\0app-entry' : undefined),
    load: (id) => (id === '\0app-entry' ? `export { ${names} } from ${JSON.stringify(kitEntry)};` : undefined),
  };
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [app],
    build: {
      write: false,
      minify: false,
      lib: { entry: 'app-entry', formats: ['es'], fileName: 'app' },
      rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/, /^zustand($|\/)/, /^@tanstack\//] },
    },
  })) as Rollup.RollupOutput[];
  return output[0]!.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
}

/** A message id's first part: the component area its string belongs to. */
const AREAS = ['item', 'list', 'folded', 'groupTabs', 'pinButton', 'muteToggle', 'draftEditor', 'controls', 'actions', 'settings', 'inbox', 'jump', 'batch', 'undo'];

/** The areas whose English strings a bundle holds: ids written as keys of a table (`"list.empty": ...`). */
function areasIn(code: string): string[] {
  const tableKey = new RegExp(`["'](${AREAS.join('|')})\\.[\\w.]+["']\\s*:`, 'g');
  return [...new Set(Array.from(code.matchAll(tableKey), ([, area]) => area!))].sort();
}

describe('the English strings an app carries', () => {
  it('a list-only app carries the rows’ and the list’s strings, not those of the tabs, menus, settings or undo', async () => {
    const areas = areasIn(await appBundle('InboxProvider, ConversationList'));
    expect(areas).toEqual(expect.arrayContaining(['item', 'list', 'folded', 'controls']));
    for (const absent of ['groupTabs', 'actions', 'settings', 'undo', 'inbox', 'jump']) expect(areas).not.toContain(absent);
  }, 60_000);

  it('a tabs-only app carries the tabs’ strings, not the list’s, the settings’ or the undo toast’s', async () => {
    const areas = areasIn(await appBundle('InboxProvider, GroupTabs'));
    expect(areas).toContain('groupTabs');
    for (const absent of ['list', 'folded', 'settings', 'undo', 'batch', 'jump']) expect(areas).not.toContain(absent);
  }, 60_000);

  it('an app that imports enMessages gets every string', async () => {
    const areas = areasIn(await appBundle('enMessages'));
    expect(areas).toEqual(['actions', 'batch', 'controls', 'draftEditor', 'folded', 'groupTabs', 'inbox', 'item', 'jump', 'list', 'muteToggle', 'pinButton', 'settings', 'undo']);
  }, 60_000);
});
