import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { resultTitles, searchSettled, useSite } from './harness.ts';
import { fixture, runScript, tempDir } from '../build/helpers.ts';

const site = useSite('office', '/gk/');
const NOTICES = [
  '114400001234567890-2021-00001',
  'MB0000001-2022-00001',
  '114400001234567890-2022-00002',
  '114400001234567890-2023-00001',
  '114400001234567890-2023-00002',
  '114400001234567890-2024-00001',
  '114400001234567890-2024-00002',
  '114400001234567890-2024-00003',
];

/** Opens the home page and waits until the service worker controls it. */
/** The build the 指南 names (`data-build`): pages that need it carry it, the others leave it out. */
async function buildOnServer(page: Page): Promise<string | null> {
  await page.goto(`${site.url}zhinan/`);
  return page.getAttribute('html', 'data-build');
}

async function controlledPage(): Promise<Page> {
  const context = await site.context();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  return page;
}

describe('offline reading under a base path', () => {
  test('visited pages and searches over fetched search files work with no network', async () => {
    const page = await controlledPage();
    await page.goto(`${site.url}xxgk/${NOTICES[5]}/`);
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('政务公开')}`);
    await searchSettled(page);
    // The 机构信息 page, in the index too, names 政务公开 among an office's duties.
    const found = ['關於加強政務公開工作的通知', '机构信息'];
    assert.deepEqual(await resultTitles(page), found);

    await page.context().setOffline(true);
    await page.goto(`${site.url}xxgk/${NOTICES[5]}/`);
    assert.equal(await page.textContent('h1'), '关于做好2024年春耕生产工作的通知');
    await page.goto(`${site.url}mulu/`);
    assert.equal(await page.locator('table.catalogue tbody tr').count(), 8, 'the 目录 is part of the shell');
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('政務公開')}`);
    await searchSettled(page);
    assert.deepEqual(await resultTitles(page), found, 'a new search runs offline');

    await page.goto(`${site.url}xxgk/${NOTICES[0]}/`);
    assert.equal(await page.textContent('h1'), '离线阅读', 'an unvisited page falls back to the offline page');
    assert.ok(await page.locator('#offline-hint').isVisible());
    await page.locator('#offline-list:not([aria-busy])').waitFor({ state: 'attached' });
    const listed = await page.$$eval('#offline-list a', (links) => links.map((a) => a.textContent));
    assert.deepEqual(listed, ['关于做好2024年春耕生产工作的通知']);
    await page.context().close();
  });

  test('离线保存 shows the size, then makes every notice and every search work offline', async () => {
    const page = await controlledPage();
    await page.goto(`${site.url}zhinan/`);
    const panel = page.locator('[data-save-offline]');
    await panel.locator('[data-start]:not([disabled])').waitFor();
    assert.match((await panel.locator('[data-summary]').textContent()) ?? '', /共 8 篇信息及搜索索引，约 \d+ KB。/);
    await panel.locator('[data-start]').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-save-offline] [data-status]')?.textContent?.startsWith('已全部保存'),
    );
    assert.equal(
      await panel.locator('progress').getAttribute('max'),
      String(await panel.locator('progress').evaluate((p: HTMLProgressElement) => p.value)),
    );

    await page.context().setOffline(true);
    for (const slug of NOTICES) {
      await page.goto(`${site.url}xxgk/${slug}/`);
      assert.notEqual(await page.textContent('h1'), '离线阅读', slug);
      assert.ok(await page.locator('table.notice-meta').count(), slug);
    }
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('征兵')}`);
    await searchSettled(page);
    assert.deepEqual(await resultTitles(page), ['测试镇2024年征兵工作通告']);
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('企鹅')}`);
    assert.equal(await searchSettled(page), '没有找到与“企鹅”相关的信息。', 'saved: nothing found means nothing found');
    assert.ok(await page.locator('#search-offline').isHidden());
    await page.goto(`${site.url}lixian/`);
    await page.waitForFunction(() => document.querySelectorAll('#offline-list a').length > 0);
    assert.equal(await page.locator('#offline-list a').count(), 8);
    await page.context().close();
  });

  test('offline, a search whose files were never saved says so instead of "nothing found"', async () => {
    const page = await controlledPage();
    await page.goto(`${site.url}xxgk/${NOTICES[5]}/`);
    await page.context().setOffline(true);
    // The search page and Pagefind's start-up files are in the shell; the index chunks are not.
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('春耕')}`);
    const status = await searchSettled(page);
    assert.equal(status, '离线状态下无法搜索“春耕”：本设备上没有保存所需的搜索文件。');
    const hint = page.locator('#search-offline');
    assert.ok(await hint.isVisible());
    assert.match((await hint.locator('a').getAttribute('href')) ?? '', /\/gk\/lixian\/$/);
    assert.ok(await page.locator('#search-empty').isHidden(), 'no advice about typing errors');
    await page.context().close();
  });

  test('the service worker caches only this build, under the base path', async () => {
    const page = await controlledPage();
    const { names, scope } = await page.evaluate(async () => ({
      names: await caches.keys(),
      scope: (await navigator.serviceWorker.ready).scope,
    }));
    const version = await buildOnServer(page);
    assert.ok(version && version !== 'dev');
    assert.ok(names.length > 0 && names.every((n) => n.startsWith(`gongkai-${version}-`)), names.join());
    assert.match(scope, /\/gk\/$/);
    await page.context().close();
  });

  test('Pagefind’s cache-busting query does not defeat the cache', async () => {
    const page = await controlledPage();
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('春耕')}`);
    await searchSettled(page);
    const version = await page.getAttribute('html', 'data-build');
    const entryRequests = site.requests.filter((u) => u.includes('pagefind-entry.json'));
    assert.ok(entryRequests.length > 0);
    assert.ok(
      entryRequests.some((u) => u.endsWith(`?ts=${version}`)),
      'the page asks for it tagged with the build',
    );
    for (const url of entryRequests)
      assert.ok(!url.includes('?') || url.endsWith(`?ts=${version}`), `tagged with the build, not the clock: ${url}`);
    await page.context().close();
  });

  test('a new build replaces the previous build’s caches', async () => {
    const page = await controlledPage();
    const before = await buildOnServer(page);
    await page.goto(`${site.url}xxgk/${NOTICES[1]}/`);
    // The build id is a digest of the content and code: the same site rebuilt keeps it (and
    // readers their caches); a changed title makes a new build.
    const same = runScript('build', ['--content', fixture('office'), '--out', site.out, '--base', '/gk/']);
    assert.equal(same.status, 0, same.stderr);
    assert.equal(await buildOnServer(page), before);
    const content = join(tempDir('offline-rebuild'), 'content');
    cpSync(fixture('office'), content, { recursive: true });
    const notice = join(content, 'notices/2024/chungeng.md');
    writeFileSync(notice, readFileSync(notice, 'utf8').replace(/^标题: (.*)$/m, '标题: $1（修订）'));
    const rebuilt = runScript('build', ['--content', content, '--out', site.out, '--base', '/gk/']);
    assert.equal(rebuilt.status, 0, rebuilt.stderr);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    // The new worker installs, activates and deletes the old build's caches.
    const deadline = Date.now() + 15000;
    let names: string[];
    do {
      await page.waitForTimeout(200);
      names = await page.evaluate(() => caches.keys());
    } while ((names.length === 0 || names.some((n) => n.includes(before!))) && Date.now() < deadline);
    const after = await buildOnServer(page);
    assert.notEqual(after, before);
    names = await page.evaluate(() => caches.keys());
    assert.ok(names.length > 0 && names.every((n) => n.startsWith(`gongkai-${after}-`)), names.join());
    await page.context().close();
  });

  test('no console errors', () => {
    assert.deepEqual(
      site.consoleErrors.filter(
        (e) =>
          !e.includes('net::ERR_INTERNET_DISCONNECTED') &&
          // Pagefind's own report of the chunk the offline search above could not fetch.
          !/Failed to load the index chunk .*Failed to fetch/s.test(e),
      ),
      [],
    );
  });
});
