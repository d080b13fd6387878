/**
 * Search quality on the example office, with real phrases. Pagefind segments Chinese with a
 * dictionary (jieba) when indexing and with the browser's ICU segmenter when searching; the two
 * can split a phrase differently (ICU: 不动|产). These cases check that readers still find
 * the notice they mean, in 简体 and 繁體, instead of assuming it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../build/helpers.ts';
import { resultTitles, searchSettled, useSite } from './harness.ts';
import { CASES, ORDER_CASES, titlesFirst } from './search-cases.ts';

const site = useSite(join(ROOT, 'content'));

describe('search quality with real phrases (example office)', () => {
  for (const [query, title, top] of CASES) {
    test(`“${query}” finds “${title}” in the first ${top}`, async () => {
      const context = await site.context();
      const page = await context.newPage();
      await page.goto(`${site.url}sousuo/?q=${encodeURIComponent(query)}`);
      await searchSettled(page);
      const titles = await resultTitles(page);
      assert.ok(titles.slice(0, top).includes(title), `got: ${titles.slice(0, 5).join(' | ')}`);
      assert.ok(titlesFirst(query, titles), `titles with “${query}” first; got: ${titles.join(' | ')}`);
      await context.close();
    });
  }
  for (const [query, earlier, later] of ORDER_CASES) {
    test(`“${query}” lists “${earlier}” before “${later}”`, async () => {
      const context = await site.context();
      const page = await context.newPage();
      await page.goto(`${site.url}sousuo/?q=${encodeURIComponent(query)}`);
      await searchSettled(page);
      const titles = await resultTitles(page);
      assert.ok(titles.includes(later), `got: ${titles.join(' | ')}`);
      assert.ok(titles.indexOf(earlier) < titles.indexOf(later), `got: ${titles.join(' | ')}`);
      await context.close();
    });
  }
});

describe('the 指南 in search (example office)', () => {
  test('“依申请” finds the 指南 first, ahead of the notices that mention it', async () => {
    const context = await site.context();
    const page = await context.newPage();
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('依申请')}`);
    await searchSettled(page);
    const titles = await resultTitles(page);
    assert.equal(titles[0], '政府信息公开指南', `got: ${titles.slice(0, 5).join(' | ')}`);
    assert.ok(titles.length > 1, 'the notices that mention it follow');
    assert.equal(await page.getAttribute('.search-result h2 a', 'href'), '/zhinan/');
    await context.close();
  });
});

describe('search paging (example office)', () => {
  test('more than ten results are paged, and the page is in the URL', async () => {
    const context = await site.context();
    const page = await context.newPage();
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('通知')}&px=date`);
    const status = await searchSettled(page);
    const total = Number(/共找到 (\d+) 条/.exec(status)?.[1]);
    assert.ok(total > 10, status);
    const first = await resultTitles(page);
    assert.equal(first.length, 10);
    await page.getByRole('link', { name: '下一页' }).click();
    await searchSettled(page);
    assert.match(page.url(), /[?&]p=2/);
    const second = await resultTitles(page);
    assert.equal(second.length, Math.min(10, total - 10));
    assert.deepEqual(
      first.filter((t) => second.includes(t)),
      [],
      'no result on both pages',
    );
    assert.equal(await page.getAttribute('#search-results', 'start'), '11');
    await context.close();
  });
});
