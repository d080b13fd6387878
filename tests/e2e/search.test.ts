import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { holdRequests, resultTitles, searchSettled, useSite } from './harness.ts';

const site = useSite('office');
const FANTI = '關於加強政務公開工作的通知';
const BANFA = '测试镇农村宅基地管理办法';

async function search(query: string, extra = '') {
  const context = await site.context();
  const page = await context.newPage();
  await page.goto(`${site.url}sousuo/?q=${encodeURIComponent(query)}${extra}`);
  const status = await searchSettled(page);
  return { page, context, status, titles: await resultTitles(page) };
}

describe('search over IPv6 loopback', () => {
  test('a 简体 query finds a 繁體 notice, shown as written', async () => {
    const { titles, page, context } = await search('政务公开');
    assert.ok(titles.includes(FANTI), titles.join(' | '));
    const excerpt = await page
      .locator('.search-result', { hasText: FANTI })
      .locator('.search-result__excerpt')
      .innerHTML();
    assert.match(excerpt, /<mark>政務公開<\/mark>/, 'the excerpt stays in 繁體 with the match marked');
    assert.doesNotMatch(excerpt, /政务/);
    await context.close();
  });

  test('a 繁體 query finds 简体 notices', async () => {
    const { titles, context } = await search('宅基地管理辦法');
    assert.ok(titles.includes(BANFA), titles.join(' | '));
    await context.close();
  });

  test('资讯 (简体) finds the notice that writes 資訊', async () => {
    const { titles, context } = await search('资讯');
    assert.deepEqual(titles, [FANTI]);
    await context.close();
  });

  test('a 文号 typed with square brackets puts its notice first', async () => {
    const { titles, page, context } = await search('测镇府[2023]8号');
    assert.equal(titles[0], BANFA);
    assert.match((await page.locator('.search-result').first().textContent()) ?? '', /完全匹配/);
    await context.close();
  });

  test('a 文号 typed without brackets puts its notice first', async () => {
    const { titles, context } = await search('测镇府20243号');
    assert.equal(titles[0], '关于做好2024年春耕生产工作的通知');
    await context.close();
  });

  test('an 索引号 puts its notice first', async () => {
    const { titles, context } = await search('114400001234567890/2023-00002');
    assert.equal(titles[0], '《测试镇农村宅基地管理办法》政策解读');
    await context.close();
  });

  test('依申请 finds the 指南 and the 依申请公开 page first, ahead of notices that mention it', async () => {
    const { page, context, titles } = await search('依申请');
    assert.deepEqual(titles.slice(0, 2).sort(), ['依申请公开', '政府信息公开指南'].sort(), titles.join(' | '));
    const hrefs = await page.$$eval('.search-result h2 a', (links) =>
      links.slice(0, 2).map((a) => a.getAttribute('href')),
    );
    assert.deepEqual(hrefs.sort(), ['/yishenqing/', '/zhinan/']);
    await context.close();
  });

  test('the 制度 and 机构信息 pages are found for what they hold', async () => {
    const rules = await search('保密审查');
    assert.ok(rules.titles.slice(0, 3).includes('政府信息公开制度'), rules.titles.join(' | '));
    await rules.context.close();
    const organ = await search('内设机构');
    assert.equal(organ.titles[0], '机构信息', organ.titles.join(' | '));
    await organ.context.close();
  });

  test('site pages are left out of facets and of the date order', async () => {
    const all = await search('公开');
    const pages = ['政府信息公开指南', '依申请公开', '政府信息公开制度', '机构信息'].filter((p) =>
      all.titles.includes(p),
    );
    assert.ok(pages.includes('政府信息公开指南'), all.titles.join(' | '));
    const total = Number(/共找到 (\d+) 条/.exec(all.status)?.[1]);
    const categories = (await all.page.locator('fieldset', { hasText: '分类' }).textContent()) ?? '';
    const counted = [...categories.matchAll(/（(\d+)）/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    assert.equal(counted, total - pages.length, 'the 分类 counts are the notices’: site pages have none');
    await all.context.close();

    const byDate = await search('公开', '&px=date');
    for (const p of pages) assert.ok(!byDate.titles.includes(p), `${p}: no 发布日期, no place in the date order`);
    await byDate.context.close();
    const narrowed = await search('公开', '&fl=' + encodeURIComponent('综合政务'));
    assert.ok(narrowed.titles.length > 0 && !narrowed.titles.some((t) => pages.includes(t)));
    await narrowed.context.close();
  });

  test('nothing found says so and suggests the 目录', async () => {
    const { status, page, context } = await search('xyzzy');
    assert.match(status, /没有找到与“xyzzy”相关的信息/);
    assert.ok(await page.locator('#search-empty').isVisible());
    assert.ok(await page.locator('#search-empty a[href$="/mulu/"]').count());
    await context.close();
  });

  test('results show before the filter files load, then the counts per facet', async () => {
    // Without the offline service worker: the filter files must wait for the route below.
    const context = await site.context({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const release = await holdRequests(page, /\/pagefind\/filter\//);
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('防汛')}`);
    await page.waitForSelector('.search-result');
    // One shard: these are all the results, so the count is final.
    assert.deepEqual(await resultTitles(page), ['关于做好2024年防汛工作的通知']);
    assert.equal(await page.textContent('#search-status'), '“防汛”共找到 1 条结果');
    assert.equal(await page.getAttribute('#search-facets', 'aria-busy'), 'true', 'the counts are still to come');
    release();
    await searchSettled(page);
    assert.match((await page.locator('fieldset', { hasText: '年份' }).textContent()) ?? '', /2024（1）/);
    assert.deepEqual(await resultTitles(page), ['关于做好2024年防汛工作的通知']);
    await context.close();
  });

  test('facets narrow the results, with the right counts', async () => {
    const { page, context } = await search('', '&fl=' + encodeURIComponent('国土资源、能源'));
    assert.equal((await resultTitles(page)).length, 3);
    const category = page.locator('fieldset', { hasText: '分类' });
    assert.match((await category.textContent()) ?? '', /国土资源、能源（3）/);
    assert.match((await category.textContent()) ?? '', /农业、林业、水利（2）/, 'other values keep their counts');
    const years = page.locator('fieldset', { hasText: '年份' });
    assert.match((await years.textContent()) ?? '', /2023（2）/);
    assert.match((await years.textContent()) ?? '', /2021（1）/);
    await page.getByLabel('2021（1）').check();
    await searchSettled(page);
    assert.deepEqual(await resultTitles(page), ['测试镇农村宅基地管理暂行办法']);
    assert.match(page.url(), /nf=2021/);
    await context.close();
  });

  test('体裁 narrows beside 分类 (组配分类), from the URL and from its choices', async () => {
    const { page, context } = await search('', '&tc=' + encodeURIComponent('办法'));
    assert.deepEqual((await resultTitles(page)).sort(), [BANFA, '测试镇农村宅基地管理暂行办法'].sort());
    const genres = (await page.locator('fieldset', { hasText: '体裁' }).textContent()) ?? '';
    assert.match(genres, /办法（2）/);
    assert.match(genres, /解读（1）/, 'other values keep their counts');
    await page.getByLabel('解读（1）').check();
    await searchSettled(page);
    assert.deepEqual(await resultTitles(page), ['《测试镇农村宅基地管理办法》政策解读']);
    assert.match(page.url(), new RegExp(`tc=${encodeURIComponent('解读')}`));
    await context.close();
  });

  test('sorting by date lists newest first', async () => {
    const { page, context } = await search('测试镇', '&px=date');
    const dates = await page.$$eval('.search-result__meta', (els) =>
      els.map((e) => /发布日期：(\S+)/.exec(e.textContent ?? '')?.[1] ?? ''),
    );
    assert.ok(dates.length > 2);
    assert.deepEqual(dates, [...dates].sort().reverse());
    await context.close();
  });

  test('the URL carries the search, and back and forward restore it', async () => {
    const context = await site.context();
    const page = await context.newPage();
    // The home's own search box (the header's is left out there), as a reader starts.
    await page.goto(`${site.url}`);
    await page.fill('#home-search', '防汛');
    await page.press('#home-search', 'Enter');
    await searchSettled(page);
    assert.match(decodeURIComponent(page.url()), /\/sousuo\/\?q=防汛/);
    assert.deepEqual(await resultTitles(page), ['关于做好2024年防汛工作的通知']);
    await page.fill('#search-q', '办法');
    await page.press('#search-q', 'Enter');
    await searchSettled(page);
    assert.match(decodeURIComponent(page.url()), /q=办法/);
    await page.goBack();
    await searchSettled(page);
    assert.equal(await page.inputValue('#search-q'), '防汛');
    assert.deepEqual(await resultTitles(page), ['关于做好2024年防汛工作的通知']);
    await page.goForward();
    await searchSettled(page);
    assert.equal(await page.inputValue('#search-q'), '办法');
    await context.close();
  });

  test('the site also answers on IPv4 loopback', async () => {
    const v4 = site.urls.find((u) => u.includes('127.0.0.1'));
    assert.ok(v4);
    const context = await site.context();
    const page = await context.newPage();
    await page.goto(`${v4}sousuo/?q=${encodeURIComponent('春耕')}`);
    await searchSettled(page);
    assert.ok((await resultTitles(page)).includes('关于做好2024年春耕生产工作的通知'));
    await context.close();
  });

  test('without JavaScript the page says so and links to the 目录', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}sousuo/?q=x`);
    assert.match((await page.textContent('.search-noscript')) ?? '', /需要浏览器开启 JavaScript/);
    assert.ok(await page.locator('.search-noscript a[href$="/mulu/"]').count());
    await context.close();
  });

  test('no request goes to another host, and the console stays clean', () => {
    const hosts = new Set(site.requests.map((u) => new URL(u).host));
    const own = new Set(site.urls.map((u) => new URL(u).host));
    assert.deepEqual(
      [...hosts].filter((h) => !own.has(h)),
      [],
    );
    assert.deepEqual(site.consoleErrors, []);
  });
});
