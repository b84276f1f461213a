import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const entries = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'adapters/memory/index': 'src/adapters/memory/index.ts',
  'adapters/tencent/index': 'src/adapters/tencent/index.ts',
  'adapters/openim/index': 'src/adapters/openim/index.ts',
  'testing/index': 'src/testing/index.ts',
  'testing/fakes': 'src/testing/fakes.ts',
  'locales/zh-CN': 'src/locales/zh-CN.ts',
  'locales/ja': 'src/locales/ja.ts',
  'locales/ar': 'src/locales/ar.ts',
};

/**
 * Ships the optional theme as `inboxkit/styles.css`: every src/styles/*.css, tokens first, concatenated as is
 * (each file keeps its rules inside `@layer inboxkit`).
 */
function bundleStyles(): Plugin {
  return {
    name: 'inboxkit-styles',
    closeBundle() {
      const files = readdirSync('src/styles')
        .filter((file) => file.endsWith('.css'))
        .sort((a, b) => (a === 'tokens.css' ? -1 : b === 'tokens.css' ? 1 : a.localeCompare(b)));
      const css = files.map((file) => `/* ${file} */\n${readFileSync(`src/styles/${file}`, 'utf8').trim()}\n`).join('\n');
      mkdirSync('dist', { recursive: true });
      writeFileSync('dist/styles.css', `@layer inboxkit;\n${css}`);
    },
  };
}

const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^zustand($|\/)/,
  /^@tanstack\/react-virtual($|\/)/,
  /^@tencentcloud\/chat($|\/)/,
  /^@openim\/wasm-client-sdk($|\/)/,
  /^vitest($|\/)/,
];

export default defineConfig({
  plugins: [react(), bundleStyles()],
  build: {
    lib: { entry: entries, formats: ['es'] },
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    rolldownOptions: {
      external,
      checks: { bundlerTimings: false },
      output: {
        // One output module per source module, so bundlers drop whole unused modules ("sideEffects").
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
