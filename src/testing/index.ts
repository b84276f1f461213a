/**
 * `inboxkit/testing`: the adapter conformance suite and helpers for test authors. Importing this entry imports
 * Vitest (an optional peer dependency); the fakes and helpers alone are `inboxkit/testing/fakes` (`./fakes.js`),
 * which does not.
 */
export { describeAdapterConformance } from './conformance.js';
export * from './fakes.js';
export type {
  ConformanceHarness,
  ConformanceOptions,
  CreateConformanceHarness,
} from './types.js';
