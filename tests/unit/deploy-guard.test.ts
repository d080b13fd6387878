/**
 * Nothing is uploaded unless OUT is a complete site the build made and no build is running into
 * it or was cut off in it. Sites here are made by hand: the marker through the build's own
 * writeSiteMarker, the lock and swap journal as an interrupted build leaves them.
 */
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockPath } from '../../src/build/out/out-lock.ts';
import { writeSiteMarker } from '../../src/build/out/out-site.ts';
import { guardOut } from '../../src/deploy/out-guard.ts';
import { listSiteFiles } from '../../src/deploy/site-files.ts';
import { tempDir } from '../build/helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder shaped like a built site: `dist` inside a fresh temp folder. */
async function site(options: { marker?: boolean; pages?: string[]; base?: string } = {}): Promise<string> {
  const dir = tempDir('deploy-guard');
  dirs.push(dir);
  const out = join(dir, 'dist');
  mkdirSync(join(out, 'xxgk/a'), { recursive: true });
  for (const page of options.pages ?? ['index.html', '404.html', 'xxgk/a/index.html'])
    writeFileSync(join(out, page), `<p>${page}</p>`);
  const base = options.base ?? '/';
  writeFileSync(join(out, 'offline-manifest.json'), JSON.stringify({ version: 'x', shell: [base, `${base}404.html`] }));
  if (options.marker !== false) await writeSiteMarker(out, '20261202121305-abc123');
  return out;
}

describe('the deploy guard', () => {
  test('accepts a complete site, holding its build lock until released', async () => {
    const out = await site();
    const guard = await guardOut(out);
    assert.ok(guard.ok, guard.ok ? '' : guard.error);
    assert.equal(guard.build, '20261202121305-abc123');
    assert.equal(guard.base, '/');
    assert.ok(existsSync(lockPath(out)), 'a build cannot swap OUT while the deploy reads it');
    guard.release();
    assert.ok(!existsSync(lockPath(out)));
  });

  test('refuses a missing OUT, a file, a folder without the marker, a site without 404.html', async () => {
    const out = await site();
    const missing = await guardOut(join(out, 'nope'));
    assert.ok(!missing.ok);
    assert.match(missing.error, /不存在.*npm run build/);

    const file = await guardOut(join(out, 'index.html'));
    assert.ok(!file.ok);
    assert.match(file.error, /是一个文件/);

    const unmarked = await site({ marker: false });
    const noMarker = await guardOut(unmarked);
    assert.ok(!noMarker.ok);
    assert.match(noMarker.error, /\.gongkai-site\.json/);
    assert.ok(!existsSync(lockPath(unmarked)), 'refused before the lock is taken');

    const no404 = await guardOut(await site({ pages: ['index.html'] }));
    assert.ok(!no404.ok);
    assert.match(no404.error, /缺少 404\.html/);
  });

  test('reads the base the site was built for from its offline manifest', async () => {
    const guard = await guardOut(await site({ base: '/gk/zw/' }));
    assert.ok(guard.ok, guard.ok ? '' : guard.error);
    assert.equal(guard.base, '/gk/zw/');
    guard.release();

    const out = await site();
    rmSync(join(out, 'offline-manifest.json'));
    const noManifest = await guardOut(out);
    assert.ok(!noManifest.ok);
    assert.match(noManifest.error, /offline-manifest\.json 缺失或无法读取/);
    assert.ok(!existsSync(lockPath(out)), 'OUT’s lock is given back');
  });

  test('refuses while a build runs into OUT', async () => {
    const out = await site();
    // The lock of a live process on this computer: the test runner that started this test.
    const owner = { pid: process.ppid, host: hostname(), startedAt: new Date().toISOString(), token: 'build' };
    writeFileSync(lockPath(out), JSON.stringify(owner));
    const guard = await guardOut(out);
    assert.ok(!guard.ok);
    assert.match(guard.error, /正在输出到/);
    assert.equal(JSON.parse(readFileSync(lockPath(out), 'utf8')).token, 'build', 'the build keeps its lock');
  });

  test('refuses after a build was killed, and asks for a new build', async () => {
    const out = await site();
    const dead = { pid: 2 ** 22 + 17, host: hostname(), startedAt: new Date().toISOString(), token: 'dead' };
    writeFileSync(lockPath(out), JSON.stringify(dead));
    const guard = await guardOut(out);
    assert.ok(!guard.ok);
    assert.match(guard.error, /已不在运行[\s\S]*请重新运行 npm run build/);
    assert.ok(!existsSync(lockPath(out)));
  });

  test('refuses when a swap was cut off, after the build’s own recovery', async () => {
    const out = await site();
    const journal = { build: 'other-build', staging: '.dist.building-999999', setAside: null };
    writeFileSync(join(out, '..', '.dist.swap.json'), JSON.stringify(journal));
    const guard = await guardOut(out);
    assert.ok(!guard.ok);
    assert.match(guard.error, /中断[\s\S]*请重新运行 npm run build/);
    assert.ok(!existsSync(join(out, '..', '.dist.swap.json')), 'the journal was dealt with');
    const again = await guardOut(out);
    assert.ok(again.ok, 'the next deploy of the repaired OUT goes ahead');
    again.release();
  });
});

describe('the files uploaded', () => {
  test('are every regular file, never hidden ones or links', async () => {
    const out = await site();
    mkdirSync(join(out, '.git'));
    writeFileSync(join(out, '.git/config'), 'secret');
    writeFileSync(join(out, 'xxgk/.env'), 'secret');
    symlinkSync('/etc/passwd', join(out, 'passwd'));
    const { files, skipped } = await listSiteFiles(out);
    assert.deepEqual(
      files.map((f) => f.path),
      ['404.html', 'index.html', 'offline-manifest.json', 'xxgk/a/index.html'],
    );
    assert.deepEqual(skipped, ['passwd']);
  });
});
