// `process` as bundlers see it. Declared here rather than through @types/node, so the library build needs no Node types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Whether development-only checks and warnings run.
 *
 * `process.env.NODE_ENV` is what every bundler rewrites in a published package: Vite (dev server, its dependency
 * optimizer and builds), webpack, Rollup/rolldown with their replace plugins, esbuild's `define`, Next.js and Parcel
 * all turn it into a string literal, so a production build reduces this to `false` and drops the checks. The
 * alternative, `import.meta.env.DEV`, is a Vite convention that webpack and others leave undefined. Where nothing
 * rewrites it and there is no `process` (native ESM straight from a CDN), reading it throws and this is `false`:
 * quiet rather than broken. Node (SSR, tests) reads the real variable.
 */
export const isDevelopment: boolean = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
})();
