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

const site = useSite(join(ROOT, 'content'));

/** [query, a title expected among the first `top` results, top]. */
const CASES: [string, string, number][] = [
  ['不动产登记', '示例镇农村宅基地审批管理办法', 3],
  ['宅基地审批', '示例镇农村宅基地审批管理办法', 3],
  ['宅基地審批', '示例镇农村宅基地审批管理办法', 3],
  // No phrase-proximity boost in Pagefind: the other 燃气安全 notice may rank first.
  ['燃气安全隐患', '示例镇人民政府办公室关于开展燃气安全隐患排查整治“回头看”的通知', 2],
  ['最低生活保障', '示例镇人民政府关于做好最低生活保障和临时救助工作的通知', 3],
  ['临时救助', '示例镇人民政府关于做好最低生活保障和临时救助工作的通知', 3],
  ['森林防火', '示例镇人民政府关于进一步加强森林防火工作的通告', 1],
  ['征兵', '示例镇2026年上半年征兵工作通告', 3],
  ['防汛', '示例鎮人民政府辦公室關於做好2025年防汛工作的通知', 3],
  ['政务公开工作要点', '示例鎮人民政府辦公室關於印發示例鎮2023年政務公開工作要點的通知', 1],
  ['政務公開工作要點', '示例鎮人民政府辦公室關於印發示例鎮2023年政務公開工作要點的通知', 1],
];

describe('search quality with real phrases (example office)', () => {
  for (const [query, title, top] of CASES) {
    test(`“${query}” finds “${title}” in the first ${top}`, async () => {
      const context = await site.context();
      const page = await context.newPage();
      await page.goto(`${site.url}sousuo/?q=${encodeURIComponent(query)}`);
      await searchSettled(page);
      const titles = await resultTitles(page);
      assert.ok(titles.slice(0, top).includes(title), `got: ${titles.slice(0, 5).join(' | ')}`);
      await context.close();
    });
  }
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
    assert.deepEqual(first.filter((t) => second.includes(t)), [], 'no result on both pages');
    assert.equal(await page.getAttribute('#search-results', 'start'), '11');
    await context.close();
  });
});
