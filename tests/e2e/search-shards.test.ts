/**
 * A county site's search index is split into shards of consecutive dates (src/domain/search/search-shards.ts)
 * that the browser merges. The example office (about 47 notices, 6–10 a year) is built here twice:
 * with two shards (2024–2026 and 2021–2023, the shard size being the count of the first), where the same phrases must find
 * the same notices as unsharded; and with shards of at most 8 — six shards or more, a year cut in two —
 * where date order must hold across shards and across the cut year, and counts add up. (Relevance
 * is not compared on the second: Pagefind weighs words within each shard, and eight notices are
 * too few to weigh by.)
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build/helpers.ts';
import { holdRequests, resultTitles, searchSettled, useSite } from './harness.ts';
import { CASES, ORDER_CASES, titlesFirst } from './search-cases.ts';
import { loadContent } from '../../src/content/content-folder.ts';
import { noticeSearchShards } from '../../src/domain/search/search-shards.ts';
import { searchYear } from '../../src/domain/search/search-facets.ts';
import type { Page } from 'playwright-core';

const CONTENT = join(ROOT, 'content');
const notices = (await loadContent(CONTENT)).content!.notices;
/** 2024–2026 fill one shard exactly, 2021–2023 the other. */
const SHARD_SIZE = notices.filter((n) => n.publishedOn >= '2024').length;
const site = useSite(CONTENT, '/', {}, { GONGKAI_SEARCH_SHARD_SIZE: String(SHARD_SIZE) });
const SMALL_SHARD_SIZE = 8;
const smallShards = useSite(CONTENT, '/', {}, { GONGKAI_SEARCH_SHARD_SIZE: String(SMALL_SHARD_SIZE) });
const PUBLISHER = '示例镇人民政府';

async function open(query: string, on = smallShards): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await on.context();
  const page = await context.newPage();
  await page.goto(`${on.url}sousuo/?${query}`);
  await searchSettled(page);
  return { page, close: () => context.close() };
}

const shownDates = (page: Page) =>
  page.$$eval('.search-result__meta', (metas) =>
    metas.map((m) => /发布日期：(\d{4}-\d{2}-\d{2})/.exec(m.textContent ?? '')?.[1] ?? ''),
  );

describe('search over shards (the example office, two shards and 8 notices per shard)', () => {
  test('the build writes one index per shard, sharing one script', () => {
    const shards = noticeSearchShards(notices, { GONGKAI_SEARCH_SHARD_SIZE: String(SMALL_SHARD_SIZE) });
    assert.equal(noticeSearchShards(notices, { GONGKAI_SEARCH_SHARD_SIZE: String(SHARD_SIZE) }).length, 2);
    assert.ok(shards.length > 2);
    assert.ok(
      shards.some((shard, k) => k > 0 && shard.years.some((year) => shards[k - 1]!.years.includes(year))),
      'a year is cut across shards',
    );
    for (const [k, shard] of shards.entries()) {
      assert.ok(existsSync(join(smallShards.out, shard.dir, 'pagefind-entry.json')), shard.dir);
      if (k > 0) {
        const own = readdirSync(join(smallShards.out, shard.dir)).filter((f) =>
          /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(f),
        );
        assert.deepEqual(own, [], `${shard.dir} has no copy of the script or the WebAssembly`);
      }
    }
  });

  for (const [query, title, top] of CASES) {
    test(`“${query}” finds “${title}” in the first ${top}`, async () => {
      const { page, close } = await open(`q=${encodeURIComponent(query)}`, site);
      const titles = await resultTitles(page);
      assert.ok(titles.slice(0, top).includes(title), `got: ${titles.slice(0, 5).join(' | ')}`);
      assert.ok(titlesFirst(query, titles), `titles with “${query}” first; got: ${titles.join(' | ')}`);
      await close();
    });
  }
  for (const [query, earlier, later] of ORDER_CASES) {
    test(`“${query}” lists “${earlier}” before “${later}”`, async () => {
      const { page, close } = await open(`q=${encodeURIComponent(query)}`, site);
      const titles = await resultTitles(page);
      assert.ok(titles.includes(later), `got: ${titles.join(' | ')}`);
      assert.ok(titles.indexOf(earlier) < titles.indexOf(later), `got: ${titles.join(' | ')}`);
      await close();
    });
  }

  test('browsing by 发布机构 lists every notice, newest first across shards, page after page', async () => {
    const expected = notices
      .filter((n) => n.publisher === PUBLISHER)
      .map((n) => n.publishedOn)
      .sort()
      .reverse();
    assert.ok(expected.length > 20, 'the case spans several pages and every shard');
    const { page, close } = await open(`jg=${encodeURIComponent(PUBLISHER)}`);
    assert.match((await page.textContent('#search-status')) ?? '', new RegExp(`找到 ${expected.length} 条结果`));
    const dates: string[] = [];
    for (let p = 1; p <= Math.ceil(expected.length / 10); p++) {
      if (p > 1) {
        await page.getByRole('link', { name: '下一页' }).click();
        await searchSettled(page);
      }
      dates.push(...(await shownDates(page)));
    }
    assert.deepEqual(dates, expected);
    await close();
  });

  test('a query sorted by date is newest first across shards', async () => {
    const { page, close } = await open(`q=${encodeURIComponent('通知')}&px=date`);
    const dates = await shownDates(page);
    assert.equal(dates.length, 10);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const newest = notices
      .filter((n) => n.title.includes('通知'))
      .map((n) => n.publishedOn)
      .sort()
      .reverse()[0];
    assert.equal(dates[0], newest);
    await close();
  });

  test('年份 counts add up over shards', async () => {
    const { page, close } = await open(`jg=${encodeURIComponent(PUBLISHER)}`);
    const years = (await page.locator('fieldset', { hasText: '年份' }).textContent()) ?? '';
    for (const year of new Set(notices.map(searchYear))) {
      const count = notices.filter((n) => searchYear(n) === year && n.publisher === PUBLISHER).length;
      assert.match(years, new RegExp(`${year}（${count}）`));
    }
    await close();
  });

  test('the first search shows the newest shard’s results while the older shards are still loading', async () => {
    const shards = noticeSearchShards(notices, { GONGKAI_SEARCH_SHARD_SIZE: String(SMALL_SHARD_SIZE) });
    const expected = notices
      .filter((n) => n.publisher === PUBLISHER)
      .map((n) => n.publishedOn)
      .sort()
      .reverse();
    // Without the offline service worker: shard 1's files must wait for the route below.
    const context = await smallShards.context({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const release = await holdRequests(page, /\/pagefind\/1\//);
    await page.goto(`${smallShards.url}sousuo/?jg=${encodeURIComponent(PUBLISHER)}`);
    await page.waitForSelector('.search-result');
    assert.match(
      (await page.textContent('#search-status')) ?? '',
      /^最近几年的信息中找到 \d+ 条，正在搜索更早的信息……$/,
    );
    const firstLook = await shownDates(page);
    assert.ok(firstLook.length > 0);
    // Browsing is newest first: the first look is the start of the full list, all from shard 0.
    assert.deepEqual(firstLook, expected.slice(0, firstLook.length));
    const inNewestShard = new Set(shards[0]!.items.filter((n) => n.publisher === PUBLISHER).map((n) => n.publishedOn));
    assert.equal(
      firstLook.length,
      Math.min(10, inNewestShard.size === 0 ? 0 : shards[0]!.items.filter((n) => n.publisher === PUBLISHER).length),
    );
    assert.ok(firstLook.every((date) => inNewestShard.has(date)));
    assert.equal(await page.locator('#search-pager a').count(), 0, 'no pager before the count is known');
    release();
    assert.match(await searchSettled(page), new RegExp(`找到 ${expected.length} 条结果`));
    assert.deepEqual(await shownDates(page), expected.slice(0, 10));
    await context.close();
  });
});
