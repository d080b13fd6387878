/** npm run typecheck: `astro check` (TypeScript over .astro and .ts files) on the example content. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url)), 'check'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GONGKAI_CONTENT: process.env.GONGKAI_CONTENT ?? 'content' },
});
process.exit(result.status ?? 1);
