/**
 * Every page kind of the example office, at every width from a small phone to a wide desktop, in
 * normal, 大 and 适老化 + 大 text, in 简体 and 繁體: the rules a reader's screen holds the site to.
 * Screenshots of each page at 375 and 1280 px go to test-results/layout/ (not committed).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { searchSettled, useSite } from './harness.ts';
import { ROOT } from '../build/helpers.ts';

const site = useSite(join(ROOT, 'content'));
const SCREENSHOTS = join(ROOT, 'test-results', 'layout');

/** Widths with the height of a typical screen of that width. */
const SCREENS = [
  { width: 320, height: 640 },
  { width: 375, height: 812 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
/**
 * A phone shows a list's first entry on its first screen. Not asked of 320 × 640 in 适老化 + 大
 * (23 px text): there the header, reading tools, heading and 筛选 line fill that screen by
 * themselves; the entry follows them directly.
 */
const firstEntryOnFirstScreen = (screen: (typeof SCREENS)[number], size: TextSize) =>
  screen.width < 480 && !(screen.width === 320 && size === '适老化 + 大');

/** 字号 and 适老化 as the reading tools store them. */
const TEXT_SIZES = {
  normal: {},
  大: { 'gongkai.fontSize': 'l' },
  '适老化 + 大': { 'gongkai.fontSize': 'l', 'gongkai.elder': '1' },
} as const;
const SCRIPTS = { 简体: {}, 繁體: { 'gongkai.script': 't' } } as const;

type TextSize = keyof typeof TEXT_SIZES;
type Script = keyof typeof SCRIPTS;

interface PageKind {
  name: string;
  path: () => string;
  /** The first entry of a list, which a phone must show on its first screen. */
  firstEntry?: string;
}

/** The first sub-folder of a 目录 slice in the built site, e.g. `mulu/fenlei/01/`. */
const firstSlice = (kind: string) => `mulu/${kind}/${readdirSync(join(site.out, 'mulu', kind)).sort()[0]}/`;

const PAGES: PageKind[] = [
  { name: 'home', path: () => '' },
  { name: 'catalogue', path: () => 'mulu/', firstEntry: '.catalogue tbody tr:first-child .catalogue__title a' },
  {
    name: 'catalogue-category',
    path: () => firstSlice('fenlei'),
    firstEntry: '.catalogue tbody tr:first-child .catalogue__title a',
  },
  { name: 'catalogue-year', path: () => 'mulu/nianfen/2024/', firstEntry: '.catalogue tbody tr:first-child a' },
  { name: 'catalogue-publisher', path: () => firstSlice('jigou'), firstEntry: '.catalogue tbody tr:first-child a' },
  {
    name: 'catalogue-validity',
    path: () => firstSlice('youxiaoxing'),
    firstEntry: '.catalogue tbody tr:first-child a',
  },
  // A long notice whose table is 20 columns wide.
  { name: 'notice-wide-table', path: () => 'xxgk/11441299MB2E00012L-2025-00009/' },
  { name: 'interpretation', path: () => 'xxgk/11441299MB2E00012L-2024-00005/' },
  { name: 'annual-report', path: () => 'xxgk/11441299MB2E00012L-2025-00001/' },
  { name: 'guide', path: () => 'zhinan/' },
  // 政府信息公开制度 (zhidu.md) and 机构信息 (jigou.yaml: two tables that become entries on a phone).
  { name: 'zhidu', path: () => 'zhidu/' },
  { name: 'jigou', path: () => 'jigou/' },
  { name: 'search', path: () => `sousuo/?q=${encodeURIComponent('宅基地')}`, firstEntry: '.search-result h2 a' },
  // Many results: every facet, with the longest category names.
  { name: 'search-broad', path: () => `sousuo/?q=${encodeURIComponent('工作')}`, firstEntry: '.search-result h2 a' },
  { name: 'annual-figures', path: () => 'nianbao/', firstEntry: '.report-list li:first-child a' },
  { name: 'offline', path: () => 'lixian/' },
  { name: 'external-link', path: () => `waibu/${readdirSync(join(site.out, 'waibu'))[0]}/` },
  { name: 'not-found', path: () => 'no-such-page/' },
  // 依申请公开 and its 申请表, whose table scrolls in its own region on a phone.
  { name: 'apply', path: () => 'yishenqing/' },
  { name: 'application-form', path: () => 'yishenqing/shenqingbiao/' },
  // The lists of 法定主动公开内容, 规范性文件 and 政策解读.
  { name: 'columns', path: () => 'fading/', firstEntry: '.column-entry:first-child h3 a' },
  { name: 'column', path: () => 'fading/jiuzhu/', firstEntry: '.catalogue tbody tr:first-child .catalogue__title a' },
  { name: 'column-empty', path: () => 'fading/jigou/' },
  { name: 'normative', path: () => 'guifan/', firstEntry: '.catalogue tbody tr:first-child .catalogue__title a' },
  {
    name: 'normative-repealed',
    path: () => 'guifan/youxiaoxing/feizhi/',
    firstEntry: '.catalogue tbody tr:first-child .catalogue__title a',
  },
  { name: 'interpretations', path: () => 'jiedu/', firstEntry: '.pairs tbody tr:first-child a' },
];

/** One browser context per text size and script, its choices stored as the reading tools store them. */
const contexts = new Map<string, BrowserContext>();
const contextFor = (size: TextSize, script: Script) => contexts.get(`${size}|${script}`)!;

/** Opens `kind` and waits until its scripts have done what changes the layout. */
async function open(page: Page, kind: PageKind, script: Script): Promise<void> {
  await page.setViewportSize(SCREENS[1]);
  await page.goto(`${site.url}${kind.path()}`);
  if (kind.path().startsWith('sousuo/')) await searchSettled(page);
  if (script === '繁體') await page.waitForFunction(() => document.documentElement.dataset.converted === 't');
  await page.evaluate(() => document.fonts.ready);
}

/** What is wrong with the page as laid out now; empty when it holds every rule. */
function layoutProblems({ firstEntry, phone }: { firstEntry?: string; phone: boolean }): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  const label = (el: Element) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
    return `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}>${text}`;
  };
  // Drawn for the reader: not display:none, not in a folded <details>, not clipped to 1 px
  // (visually hidden for screen readers only).
  const shown = (el: Element) => {
    if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
    for (let box: Element | null = el; box && box !== document.body; box = box.parentElement) {
      const rect = box.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) return false;
    }
    return true;
  };

  if (root.scrollWidth > root.clientWidth) {
    const wide = [...document.body.querySelectorAll('*')].find(
      (el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest('.table-scroll'),
    );
    problems.push(`page is ${root.scrollWidth} px wide in ${root.clientWidth}${wide ? `: ${label(wide)}` : ''}`);
  }

  // Text that has to wrap gets at least two characters a line (a one-line "1" may be narrow).
  for (const el of document.querySelectorAll('th, td, p, li, dt, dd, h1, h2, h3, legend, summary, label')) {
    if (!(el.textContent ?? '').trim() || !shown(el)) continue;
    const style = getComputedStyle(el);
    const fontSize = parseFloat(style.fontSize);
    const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const lineHeight = parseFloat(style.lineHeight) || 1.75 * fontSize;
    // The text's own height: a table cell is as tall as its row.
    const text = document.createRange();
    text.selectNodeContents(el);
    if (inner < 2 * fontSize && text.getBoundingClientRect().height > 1.5 * lineHeight)
      problems.push(`${Math.round(inner)} px wide: ${label(el)}`);
  }

  // A cell's text stays in its cell, and cells side by side do not overlap.
  for (const row of document.querySelectorAll('tr')) {
    const cells = [...row.children].filter(shown);
    for (const cell of cells) {
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`text spills out of its cell: ${label(cell)}`);
    }
    for (let i = 1; i < cells.length; i++) {
      const a = cells[i - 1]!.getBoundingClientRect();
      const b = cells[i]!.getBoundingClientRect();
      const sameLine = Math.abs(a.top - b.top) < 2;
      if (sameLine && a.right > b.left + 1)
        problems.push(`cells overlap by ${Math.round(a.right - b.left)} px: ${label(cells[i - 1]!)}`);
    }
  }

  // Keyboard order is reading order: the next control is never back up the same column.
  const focusable = [
    ...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]'),
  ].filter(shown);
  for (let i = 1; i < focusable.length; i++) {
    const a = focusable[i - 1]!.getBoundingClientRect();
    const b = focusable[i]!.getBoundingClientRect();
    if (b.bottom < a.top - 1 && b.left < a.right - 1 && a.left < b.right - 1)
      problems.push(
        `keyboard goes up from ${label(focusable[i - 1]!)} (y ${Math.round(a.top)}) to ${label(focusable[i]!)} (y ${Math.round(b.top)})`,
      );
  }

  if (phone && firstEntry) {
    const entry = document.querySelector(firstEntry);
    const line = entry?.getClientRects()[0];
    if (!entry || !line) problems.push(`no first entry (${firstEntry})`);
    else if (line.bottom > innerHeight)
      problems.push(`first entry starts at y ${Math.round(line.top)}, below the first screen`);
  }
  return problems;
}

/** Tabs through the page; returns the focused elements that show no focus ring. */
async function invisibleFocus(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  const missing: string[] = [];
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
      const inView = rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
      const path = [...document.querySelectorAll('*')].indexOf(el);
      return {
        key: `${el.tagName}#${path}`,
        ok: ring && inView,
        name: `${el.tagName.toLowerCase()} ${(el.textContent ?? '').trim().slice(0, 20)}`,
      };
    });
    if (!focus || seen.has(focus.key)) break;
    seen.add(focus.key);
    if (!focus.ok) missing.push(focus.name);
  }
  assert.ok(seen.size > 3, `Tab reached ${seen.size} elements`);
  return missing;
}

describe('every page kind at every width, text size and script', () => {
  // Inside the suite: the site (useSite's hooks) is built and served by then.
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const size of Object.keys(TEXT_SIZES) as TextSize[]) {
      for (const script of Object.keys(SCRIPTS) as Script[]) {
        const context = await site.context({ serviceWorkers: 'block' });
        await context.addInitScript(
          (stored: Record<string, string>) => {
            for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
          },
          { ...TEXT_SIZES[size], ...SCRIPTS[script] },
        );
        contexts.set(`${size}|${script}`, context);
      }
    }
  });
  after(async () => {
    for (const context of contexts.values()) await context.close();
  });

  for (const kind of PAGES) {
    test(kind.name, { timeout: 180_000 }, async () => {
      const problems: string[] = [];
      // The six text size and script combinations side by side: each in its own context.
      const combinations = (Object.keys(TEXT_SIZES) as TextSize[]).flatMap((size) =>
        (Object.keys(SCRIPTS) as Script[]).map((script) => ({ size, script })),
      );
      const pages = await Promise.all(
        combinations.map(async ({ size, script }) => {
          const page = await contextFor(size, script).newPage();
          await open(page, kind, script);
          return page;
        }),
      );
      await Promise.all(
        combinations.map(async ({ size, script }, i) => {
          const page = pages[i]!;
          for (const screen of SCREENS) {
            await page.setViewportSize(screen);
            // No waiting for a frame (pages in the background get none): measuring forces the layout.
            await page.evaluate(() => window.scrollTo(0, 0));
            const found = await page.evaluate(layoutProblems, {
              firstEntry: kind.firstEntry,
              phone: firstEntryOnFirstScreen(screen, size),
            });
            problems.push(...found.map((p) => `${screen.width} px, ${size}, ${script}: ${p}`));
          }
        }),
      );
      // Screenshots and the keyboard walk, one page at a time (focus belongs to one page).
      const page = pages[0]!; // normal text, 简体
      for (const screen of SCREENS.filter((s) => s.width === 375 || s.width === 1280)) {
        await page.setViewportSize(screen);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SCREENSHOTS, `${kind.name}-${screen.width}.png`) });
        const unfocused = await invisibleFocus(page);
        problems.push(...unfocused.map((name) => `${screen.width} px: no visible focus on ${name}`));
      }
      await Promise.all(pages.map((p) => p.close()));
      assert.deepEqual(problems, []);
    });
  }
});
