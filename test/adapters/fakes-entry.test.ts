/**
 * `inboxkit/testing/fakes` must load without Vitest: stories run in a browser without it, and apps or other test
 * runners import the fakes too. This test walks the runtime module graph of the entry's source, the way a bundler
 * does (type-only imports and exports are erased, so they do not count; static imports, `export … from` and dynamic
 * `import()` do), and fails if any module in it imports a test runner. A control walk from `inboxkit/testing`, which
 * does import Vitest on purpose, shows that the walk finds such an import when there is one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Graph {
  /** Source modules reached, relative to the repository root. */
  modules: string[];
  /** Every bare (package) specifier imported at runtime, with the module that imports it. */
  packages: { specifier: string; from: string }[];
}

/** The specifiers a module imports at runtime, in the order written. */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          // `import { type A, type B } from 'x'` is erased too (verbatimModuleSyntax would keep `import {} from 'x'`,
          // which this repository's build does not use), but `import 'x'` and a default or namespace import are not.
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) found.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `./x.js` written in a `.ts` source is `./x.ts` (or `./x.tsx`, or `./x/index.ts`) on disk. */
function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.(js|mjs|jsx)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, base, path.join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next form
    }
  }
  throw new Error(`cannot resolve ${specifier} from ${path.relative(root, from)}`);
}

function walk(entry: string): Graph {
  const seen = new Set<string>();
  const packages: Graph['packages'] = [];
  const queue = [path.join(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) queue.push(resolveRelative(file, specifier));
      else packages.push({ specifier, from: path.relative(root, file) });
    }
  }
  return { modules: [...seen].map((file) => path.relative(root, file)).sort(), packages };
}

const TEST_RUNNER = /^(vitest|@vitest\/|vite-node|jest|@jest\/|@testing-library\/|storybook\/test)/;

describe('inboxkit/testing/fakes', () => {
  it('imports no test runner anywhere in its runtime module graph', () => {
    const graph = walk('src/testing/fakes.ts');
    // The walk really reached the fakes and the helpers (so an empty result below is not a walk that went nowhere).
    expect(graph.modules).toEqual(
      expect.arrayContaining(['src/testing/fakes.ts', 'src/testing/fakeTencentChat.ts', 'src/testing/fakeOpenIMSdk.ts', 'src/testing/helpers.ts']),
    );
    expect(graph.modules).not.toContain('src/testing/conformance.ts');
    expect(graph.packages.filter(({ specifier }) => TEST_RUNNER.test(specifier))).toEqual([]);
  });

  it('loads no package at all at runtime, so a story, a demo or another runner needs nothing installed for it', () => {
    expect(walk('src/testing/fakes.ts').packages).toEqual([]);
  });

  it('control: the same walk finds the Vitest import of inboxkit/testing', () => {
    const graph = walk('src/testing/index.ts');
    expect(graph.packages).toContainEqual({ specifier: 'vitest', from: 'src/testing/conformance.ts' });
  });

  it('treats a type-only import as erased and a value import as kept', () => {
    const file = path.join(root, 'src/testing/fakeOpenIMSdk.ts');
    // fakeOpenIMSdk imports the OpenIM adapter's types only; at runtime it imports nothing.
    expect(readFileSync(file, 'utf8')).toMatch(/import type .* from '\.\.\/adapters\/openim\/sdk\.js'/);
    expect(runtimeSpecifiers(file)).not.toContain('../adapters/openim/sdk.js');
    expect(runtimeSpecifiers(path.join(root, 'src/testing/conformance.ts'))).toContain('vitest');
  });

  it('inboxkit/testing re-exports every value of inboxkit/testing/fakes', async () => {
    const fakes = await import('../../src/testing/fakes.js');
    const testing = await import('../../src/testing/index.js');
    for (const [name, value] of Object.entries(fakes)) expect(testing[name as keyof typeof testing], name).toBe(value);
    expect(typeof testing.describeAdapterConformance).toBe('function');
  });
});
