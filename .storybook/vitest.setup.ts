// Setup of the `storybook` Vitest project: lets the preview's loader skip a story test with a reason (a story that
// does not run on the backend of this run), through the running test's own `skip`.
import { beforeEach } from 'vitest';
import { setSkipTest } from '../stories/support/backends.js';

beforeEach((context) => {
  setSkipTest((reason) => context.skip(reason));
  return () => setSkipTest(undefined);
});
