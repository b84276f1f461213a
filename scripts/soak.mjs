// `npm run test:soak`: the hostile-backend property test for much longer than CI runs it, from a random seed
// (set INBOXKIT_PROPERTY_SEED to replay one, INBOXKIT_PROPERTY_RUNS to change the count). A failure prints the seed
// and the shrunk counterexample.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  INBOXKIT_PROPERTY_RUNS: process.env.INBOXKIT_PROPERTY_RUNS ?? '100000',
  INBOXKIT_PROPERTY_SEED: process.env.INBOXKIT_PROPERTY_SEED ?? 'random',
};
const result = spawnSync('npx', ['vitest', 'run', '--project', 'node', 'test/core/hostile/store.property.test.ts'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
