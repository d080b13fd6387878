/**
 * 依申请公开 in the browser: both pages pass axe with no violation at all, and the 申请表 prints
 * on exactly one A4 sheet, in every text size a reader may have chosen, without the site's chrome.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { useSite } from './harness.ts';

const site = useSite('office');

/** Pages in a PDF Chromium wrote: its page objects (`/Type /Pages` is the tree above them). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** 字号 and 适老化 as the reading tools store them. */
const TEXT_SIZES = {
  normal: {},
  大: { 'gongkai.fontSize': 'l' },
  '适老化 + 大': { 'gongkai.fontSize': 'l', 'gongkai.elder': '1' },
} as const;

describe('依申请公开 pages in Chromium', () => {
  for (const path of ['yishenqing/', 'yishenqing/shenqingbiao/']) {
    test(`${path} has no axe violation (WCAG 2.1 AA and best practice)`, async () => {
      const context = await site.context();
      const page = await context.newPage();
      await page.goto(`${site.url}${path}`);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      const violations = results.violations.map(
        (v) => `${v.impact}: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      assert.deepEqual(violations, []);
      await context.close();
    });
  }

  for (const [size, stored] of Object.entries(TEXT_SIZES)) {
    test(`the 申请表 prints on exactly one A4 page (${size} text)`, async () => {
      const context = await site.context();
      await context.addInitScript((values: Record<string, string>) => {
        for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
      }, stored);
      const page = await context.newPage();
      await page.goto(`${site.url}yishenqing/shenqingbiao/`);
      await page.emulateMedia({ media: 'print' });
      const hidden = await page.evaluate(() =>
        ['.site-header', '.reading-tools', '.breadcrumb', '.site-footer', '.application-form__hint'].filter((s) => {
          const el = document.querySelector(s);
          return !el || getComputedStyle(el).display === 'none';
        }),
      );
      assert.deepEqual(hidden, [
        '.site-header',
        '.reading-tools',
        '.breadcrumb',
        '.site-footer',
        '.application-form__hint',
      ]);
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdfPages(pdf), 1);
      await context.close();
    });
  }

  test('on a 320 px phone the table scrolls inside its own focusable region, not the page', async () => {
    const context = await site.context();
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${site.url}yishenqing/shenqingbiao/`);
    await page.evaluate(() => document.fonts.ready);
    const sizes = await page.evaluate(() => {
      const region = document.querySelector<HTMLElement>('.application-form__scroll')!;
      return {
        page: document.documentElement.scrollWidth,
        region: region.scrollWidth > region.clientWidth,
        label: region.getAttribute('aria-label'),
      };
    });
    assert.equal(sizes.page, 320);
    assert.ok(sizes.region, 'the table is wider than its region');
    assert.equal(sizes.label, '申请表（可左右滑动）');
    await page.focus('.application-form__scroll');
    await page.keyboard.press('ArrowRight');
    // Keyboard scrolling may be animated: wait for it rather than read the position at once.
    await page.waitForFunction(() => document.querySelector('.application-form__scroll')!.scrollLeft > 0, null, {
      timeout: 5000,
    });
    await context.close();
  });
});
