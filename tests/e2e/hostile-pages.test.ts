/**
 * The accepted hostile cases (tests/fixtures/hostile/cases.ts), all in one site, opened in
 * Chromium: no page opens a dialog, navigates away, carries an event handler or a script URL,
 * or logs an error. Served with no CSP header, as a bucket or GitHub Pages would, and a script
 * injected into a copy of a built page does not run: the page's own <meta> policy stops it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { tempDir } from '../build/helpers.ts';
import { HOSTILE_CASES, isAccepted, MARKER_DIR, materialiseAccepted } from '../fixtures/hostile/cases.ts';
import { searchSettled, useSite } from './harness.ts';

const content = materialiseAccepted();
const cache = tempDir('hostile-e2e');
const site = useSite(content, '/', {}, { GONGKAI_CACHE: cache });
after(() => {
  for (const folder of [dirname(content), cache, MARKER_DIR]) rmSync(folder, { recursive: true, force: true });
});

const PAGES = [
  ...HOSTILE_CASES.filter(isAccepted).flatMap((c) => (c.expect.page ? [{ id: c.id, path: c.expect.page }] : [])),
  { id: '指南', path: '/zhinan/' },
];

/** In the page: every attribute that is an event handler, every link, image or form that runs script. */
function unsafeInPage(): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith('on'))
        found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
    }
  }
  const urls: [string, string][] = [
    ['a[href], area[href]', 'href'],
    ['img[src]', 'src'],
    ['form[action]', 'action'],
    ['[formaction]', 'formaction'],
  ];
  for (const [selector, attribute] of urls) {
    for (const element of document.querySelectorAll(selector)) {
      const written = element.getAttribute(attribute) ?? '';
      // As the browser would follow it: URL parsing drops tabs, newlines and leading spaces.
      let protocol: string;
      try {
        protocol = new URL(written, location.href).protocol;
      } catch {
        protocol = written.trim().split(':')[0]!.toLowerCase() + ':';
      }
      if (/^(javascript|data|vbscript):$/i.test(protocol))
        found.push(`<${element.localName} ${attribute}="${written}">`);
    }
  }
  return found;
}

describe('accepted hostile content in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  before(async () => {
    context = await site.context();
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  for (const { id, path } of PAGES) {
    test(`${id}: ${path} opens no dialog, stays put, has no handler or script URL and logs no error`, async () => {
      const errorsBefore = site.consoleErrors.length;
      const url = new URL(path.slice(1), site.url).href;
      const response = await page.goto(url, { waitUntil: 'load' });
      assert.equal(response?.status(), 200);
      assert.equal(response?.headers()['content-security-policy'], undefined, 'served without a CSP header');
      await page.waitForTimeout(1000);
      assert.equal(page.url(), url, 'the page did not navigate away');
      assert.deepEqual(await page.evaluate(unsafeInPage), []);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(site.consoleErrors.slice(errorsBefore), []);
    });
  }
});

describe('HTML written inside code, in search results', () => {
  for (const [id, query] of [
    ['d2-code-shows-html', '恶意代码演示'],
    ['d2-code-shows-html-traditional', '程式码范例'],
  ] as const) {
    test(`${id}: the excerpt shows <img onerror> as text, never as an element`, async () => {
      const errorsBefore = site.consoleErrors.length;
      const context = await site.context();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
      await page.goto(`${site.url}sousuo/?q=${encodeURIComponent(query)}`);
      await searchSettled(page);
      const excerpts = await page.$$eval('.search-result__excerpt', (nodes) =>
        nodes.map((node) => ({
          text: node.textContent ?? '',
          elements: [...node.querySelectorAll('*')].map((e) => e.localName).filter((name) => name !== 'mark'),
        })),
      );
      const shown = excerpts.find((e) => e.text.includes('<img/src/onerror=alert(1)>'));
      assert.ok(shown, `an excerpt shows the code: ${JSON.stringify(excerpts)}`);
      assert.deepEqual(shown.elements, []);
      assert.deepEqual(await page.evaluate(unsafeInPage), []);
      await page.waitForTimeout(500);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(site.consoleErrors.slice(errorsBefore), []);
      await context.close();
    });
  }
});

describe('a script injected into a built page, served with no CSP header', () => {
  const target = PAGES.find((p) => p.id === 'd2-font')!.path;
  const folders: string[] = [];

  /** A copy of the built page at /<folder>/, with `injection` at the start of <main>. */
  function injectedCopy(folder: string, withMeta: boolean): string {
    const html = readFileSync(join(site.out, target, 'index.html'), 'utf8');
    const injection =
      '<script>window.injected = "inline script"</script><img src="/favicon.svg" alt="" onload="window.handler = true">';
    let injected = html.replace(/<main\b[^>]*>/, (main) => main + injection);
    assert.notEqual(injected, html, 'the page has a <main>');
    if (!withMeta) injected = injected.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    mkdirSync(join(site.out, folder));
    writeFileSync(join(site.out, folder, 'index.html'), injected);
    folders.push(join(site.out, folder));
    return new URL(`${folder}/`, site.url).href;
  }

  test('does not run: the page’s own <meta> Content-Security-Policy blocks it', async () => {
    const html = readFileSync(join(site.out, target, 'index.html'), 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy"/, 'the built page carries its own policy');
    // Its own context: the blocked script is expected to log a CSP violation.
    const context = await site.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await context.newPage();
    const ran = () =>
      page.evaluate(() => ({
        script: (window as { injected?: string }).injected,
        handler: (window as { handler?: boolean }).handler,
      }));
    try {
      // Control: without the meta, the same injection runs, so the check below can see it run.
      const control = await page.goto(injectedCopy('hostile-injected-control', false), { waitUntil: 'load' });
      assert.equal(control?.headers()['content-security-policy'], undefined);
      await page.waitForFunction(() => (window as { handler?: boolean }).handler === true);
      assert.deepEqual(await ran(), { script: 'inline script', handler: true });
      assert.notDeepEqual(await page.evaluate(unsafeInPage), [], 'the page scan sees the injected handler');

      const response = await page.goto(injectedCopy('hostile-injected', true), { waitUntil: 'load' });
      assert.equal(response?.headers()['content-security-policy'], undefined, 'served without a CSP header');
      await page.waitForTimeout(1000);
      assert.deepEqual(await ran(), { script: undefined, handler: undefined });
    } finally {
      await context.close();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    }
  });
});
