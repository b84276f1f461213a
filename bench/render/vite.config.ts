import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A production build of the benchmark page (React in production mode), run in headless Chromium by scripts/bench.mjs.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  logLevel: 'error',
  build: { outDir: fileURLToPath(new URL('../results/render-app', import.meta.url)), emptyOutDir: true, minify: true },
});
