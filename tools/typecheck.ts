/**
 * npm run typecheck: `astro check` (TypeScript over .astro and .ts files, on the example
 * content), then `tsc` over the service worker, which has its own (WebWorker) types.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (path: string) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

for (const args of [
  [bin('astro/bin/astro.mjs'), 'check'],
  [bin('typescript/bin/tsc'), '-p', 'src/site/browser/service-worker'],
]) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
