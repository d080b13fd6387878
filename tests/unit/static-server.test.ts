import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listenOnLoopback } from '../../src/cli/static-server.ts';
import { SECURITY_HEADERS } from '../../src/domain/site/security-headers.ts';
import { tempDir } from '../build/helpers.ts';

describe('the preview server (npm start, e2e tests)', () => {
  const dir = tempDir('static-server');
  const root = join(dir, 'dist');
  let url = '';
  let close: () => Promise<void> = async () => {};

  before(async () => {
    mkdirSync(join(root, 'xxgk/a'), { recursive: true });
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'attachments'));
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(root, 'index.html'), '<p>home</p>');
    writeFileSync(join(root, '404.html'), '<p>not found page</p>');
    writeFileSync(join(root, 'xxgk/a/index.html'), '<p>notice</p>');
    writeFileSync(join(root, '.env'), 'SECRET=1');
    writeFileSync(join(root, '.git/config'), '[core]');
    writeFileSync(join(root, 'attachments/.secret'), 'secret');
    writeFileSync(join(dir, 'outside/secret.txt'), 'outside secret');
    symlinkSync(join(dir, 'outside/secret.txt'), join(root, 'leak.txt'));
    symlinkSync(join(dir, 'outside'), join(root, 'etc'));
    symlinkSync(join(root, 'xxgk/a/index.html'), join(root, 'inside.html'));
    const server = await listenOnLoopback(root, '/', 0, SECURITY_HEADERS);
    url = server.urls[0]!;
    close = server.close;
  });
  after(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(new URL(path, url), { redirect: 'manual' });

  test('serves a page with the security headers it was given', async () => {
    const response = await get('xxgk/a/');
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<p>notice</p>');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(response.headers.get(name), value, name);
  });

  test('answers 404 with the 404 page, and the headers, when a symlink leads out of the site', async () => {
    for (const path of ['leak.txt', 'etc/secret.txt']) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.equal(await response.text(), '<p>not found page</p>');
      assert.equal(response.headers.get('content-security-policy'), SECURITY_HEADERS['Content-Security-Policy']);
    }
  });

  test('serves a symlink that stays inside the site', async () => {
    const response = await get('inside.html');
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<p>notice</p>');
  });

  test('answers 404 for dot files and dot folders, however the dot is written', async () => {
    for (const path of ['.env', '.git/config', 'attachments/.secret', '%2egit/config', 'attachments/%2Esecret']) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.equal(await response.text(), '<p>not found page</p>', path);
    }
  });

  test('sends no headers of its own when given none (tests choose theirs)', async () => {
    const bare = await listenOnLoopback(root, '/', 0);
    try {
      const response = await fetch(bare.urls[0]!);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-security-policy'), null);
    } finally {
      await bare.close();
    }
  });
});
