// Setup of the `storybook` Vitest project: lets the preview's loader skip a story test with a reason (a story that
// does not run on the backend of this run), through the running test's own `skip`. The reason also goes into the
// test's meta, which the JSON report keeps (its note does not), for `npm test` to list.
import { beforeEach } from 'vitest';
import { setSkipTest } from '../stories/support/backends.js';

beforeEach((context) => {
  setSkipTest((reason) => {
    Object.assign(context.task.meta, { skipReason: reason });
    return context.skip(reason);
  });
  return () => setSkipTest(undefined);
});
