/**
 * The site is made by `npm run build`, which checks the content first and hands it to Astro.
 * Astro's own commands, run by hand in the project, say so in Chinese instead of building a
 * site from unchecked content (or failing with a stack trace).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './helpers.ts';

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

for (const command of [['build'], ['dev', '--host', '127.0.0.1', '--port', '4398']]) {
  test(`astro ${command[0]} stops at once with a message naming npm run build and npm start`, () => {
    const out = join(tempDir('astro-direct'), 'site');
    const result = spawnSync(
      process.execPath,
      [ASTRO, ...command, ...(command[0] === 'build' ? ['--outDir', out] : [])],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      },
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /请用 npm run build 生成网站、用 npm start 在本机预览/);
    assert.doesNotMatch(result.stderr + result.stdout, /\bat .*\.(?:ts|js):\d+/, 'no stack trace');
    assert.equal(existsSync(out), false, 'nothing was built');
  });
}
