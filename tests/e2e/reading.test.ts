import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { useSite } from './harness.ts';

const site = useSite('office');
const NOTICE = 'xxgk/114400001234567890-2024-00001/';

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await site.context();
  await context.addInitScript(() => {
    // Each test starts with default preferences.
    if (!sessionStorage.getItem('started')) {
      localStorage.clear();
      sessionStorage.setItem('started', '1');
    }
  });
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${site.url}${path}`);
  await page.locator('[data-reading-tools]:not([hidden])').waitFor();
  return page;
}

describe('reading tools', () => {
  test('简→繁 converts the page text and back, and is remembered on the next page', async () => {
    const page = await open(NOTICE);
    await page.click('[data-script]');
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.converted === 't' &&
        !document.querySelector('[data-tools-status]')?.textContent,
    );
    assert.equal(await page.textContent('h1'), '關於做好2024年春耕生產工作的通知');
    assert.match((await page.textContent('.notice-meta')) ?? '', /發佈機構/);
    assert.match(await page.title(), /關於做好/);
    assert.match(page.url(), /\/xxgk\/114400001234567890-2024-00001\/$/, 'the URL is not converted');
    assert.equal(await page.textContent('[data-script]'), '简体');

    await page.goto(`${site.url}mulu/`);
    await page.waitForFunction(() => document.documentElement.dataset.converted === 't');
    assert.match((await page.textContent('h1')) ?? '', /政府信息公開目錄/);

    await page.click('[data-script]');
    await page.waitForFunction(() => !document.documentElement.dataset.converted);
    assert.equal(await page.textContent('h1'), '政府信息公开目录');
    await page.context().close();
  });

  test('字号 大 and 适老化 persist across pages', async () => {
    const page = await open(NOTICE);
    const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.getByRole('button', { name: '字号大' }).click();
    await page.getByRole('button', { name: '适老化' }).click();
    assert.equal(await page.getAttribute('[data-font-size="l"]', 'aria-pressed'), 'true');
    await page.goto(`${site.url}zhinan/`);
    assert.deepEqual(await page.evaluate(() => [...document.documentElement.classList].sort()), ['elder', 'font-l']);
    const now = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(now > base * 1.3, `${now} vs ${base}`);
    assert.equal(await page.getAttribute('[data-elder]', 'aria-pressed'), 'true');
    await page.context().close();
  });

  test('print hides navigation and keeps the metadata, title, body and 附件', async () => {
    const page = await open('xxgk/MB0000001-2022-00001/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.breadcrumb', '.reading-tools', '.site-footer']) {
      assert.equal(await page.locator(selector).isVisible(), false, selector);
    }
    for (const selector of ['table.notice-meta', 'h1', '.prose', '.notice__attachments', '.print-url']) {
      assert.equal(await page.locator(selector).isVisible(), true, selector);
    }
    assert.ok(await page.locator('[data-print]').count(), 'notice pages offer 打印');
    await page.context().close();
  });

  test('the QR code decodes to the page’s public URL', async () => {
    const page = await open(NOTICE);
    const shot = await page.locator('.notice__qr-code svg').screenshot();
    const png = PNG.sync.read(shot);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.equal(decoded?.data, `https://test.example.gov.cn/${NOTICE}`);
    await page.context().close();
  });
});

describe('small screens and zoom', () => {
  const PAGES = ['', 'mulu/', NOTICE, 'zhinan/', `sousuo/?q=${encodeURIComponent('办法')}`];
  for (const [label, width, elder] of [
    ['320 px phone', 320, false],
    ['320 px phone, 适老化 and 大', 320, true],
    ['200% zoom of a 1280 px window, 适老化 and 大', 640, true],
  ] as const) {
    test(`${label}: no page scrolls sideways`, async () => {
      const page = await open('', { width, height: 800 });
      if (elder) {
        await page.getByRole('button', { name: '字号大' }).click();
        await page.getByRole('button', { name: '适老化' }).click();
      }
      for (const path of PAGES) {
        await page.goto(`${site.url}${path}`);
        await page.waitForTimeout(100);
        const [scroll, client] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
        ]);
        assert.ok(scroll <= client, `${path || '/'}: ${scroll} > ${client}`);
      }
      await page.context().close();
    });
  }

  test('a wide table scrolls inside its own region on a phone', async () => {
    const page = await open(NOTICE, { width: 320, height: 800 });
    const region = page.locator('.prose .table-scroll');
    assert.equal(await region.getAttribute('role'), 'region');
    const [scroll, client] = await region.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(scroll > client, 'the table is wider than the phone and scrolls');
    await page.context().close();
  });
});

describe('accessibility in 适老化 mode', () => {
  for (const path of ['', 'mulu/', NOTICE, 'zhinan/']) {
    test(`${path || 'home'} has no serious or critical violation with 适老化 and 大`, async () => {
      const page = await open(path);
      await page.getByRole('button', { name: '字号大' }).click();
      await page.getByRole('button', { name: '适老化' }).click();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(serious, []);
      await page.context().close();
    });
  }
});
