import { copyFileSync, mkdirSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const entries = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'adapters/memory/index': 'src/adapters/memory/index.ts',
  'adapters/tencent/index': 'src/adapters/tencent/index.ts',
  'adapters/openim/index': 'src/adapters/openim/index.ts',
  'testing/index': 'src/testing/index.ts',
};

/** Ships the optional theme as `inboxkit/styles.css`, unprocessed (it is plain CSS in one @layer). */
function copyStyles(): Plugin {
  return {
    name: 'inboxkit-copy-styles',
    closeBundle() {
      mkdirSync('dist', { recursive: true });
      copyFileSync('src/styles/inboxkit.css', 'dist/styles.css');
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
  plugins: [react(), copyStyles()],
  build: {
    lib: { entry: entries, formats: ['es'] },
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    rolldownOptions: {
      external,
      checks: { bundlerTimings: false },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // React entry files start with 'use client'; bundling drops module directives, so the root entry gets it back.
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
      },
    },
  },
});
