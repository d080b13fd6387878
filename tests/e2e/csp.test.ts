/**
 * The site works under its Content-Security-Policy, sent as a header (deploy/nginx.conf) or only
 * carried by the pages' own <meta> (hosts that send no headers): search (WebAssembly in a
 * worker), reading tools, 繁體, offline saving — with no violation; and under the meta policy
 * alone, script injected into a page does not run.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { BrowserContext, Page } from 'playwright-core';
import {
  CONTENT_SECURITY_POLICY,
  editorCspDirectives,
  META_CONTENT_SECURITY_POLICY,
  metaPolicy,
} from '../../src/domain/site/security-headers.ts';
import { listenOnLoopback } from '../../src/cli/static-server.ts';
import { tempDir } from '../build/helpers.ts';
import { resultTitles, searchSettled, useSite } from './harness.ts';

const site = useSite('office', '/', { 'content-security-policy': CONTENT_SECURITY_POLICY });
const NOTICE = 'xxgk/114400001234567890-2024-00001/';

/** Records the CSP violations Chromium reports in the console of a context's pages. */
function violationsOf(context: BrowserContext): string[] {
  const violations: string[] = [];
  context.on('page', (page) =>
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    }),
  );
  return violations;
}

/** What a visitor does with every script of the site: search, reading tools, 繁體, offline saving. */
async function useEveryScript(page: Page, url: string): Promise<void> {
  await page.goto(`${url}sousuo/?q=${encodeURIComponent('办法')}`);
  await searchSettled(page);
  assert.ok((await resultTitles(page)).length > 0);
  await page.goto(`${url}${NOTICE}`);
  await page.locator('[data-reading-tools]:not([hidden])').waitFor();
  await page.click('[data-script]');
  await page.waitForFunction(() => document.documentElement.dataset.converted === 't');
  await page.getByRole('button', { name: '字号大' }).click();
  await page.goto(`${url}zhinan/`);
  await page.locator('[data-save-offline] [data-start]:not([disabled])').waitFor();
  await page.click('[data-save-offline] [data-start]');
  await page.waitForFunction(() =>
    document.querySelector('[data-save-offline] [data-status]')?.textContent?.startsWith('已全部保存'),
  );
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
}

describe('Content-Security-Policy header', () => {
  test('search, reading tools, 繁體 and offline saving run without a violation', async () => {
    const context = await site.context();
    const violations = violationsOf(context);
    const page = await context.newPage();
    await useEveryScript(page, site.url);
    const alignedCell = await page.goto(`${site.url}${NOTICE}`);
    assert.equal(alignedCell?.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.deepEqual(violations, []);
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });
});

describe('Content-Security-Policy <meta> in every page', () => {
  let copy = '';
  let url = '';
  let close: () => Promise<void> = async () => {};

  before(async () => {
    // A copy of the built site served with no headers at all, as GitHub Pages or a bucket would.
    copy = join(tempDir('csp-meta'), 'dist');
    cpSync(site.out, copy, { recursive: true });
    const server = await listenOnLoopback(copy, '/', 0);
    url = server.urls.find((u) => u.includes('[::1]')) ?? server.urls[0]!;
    close = server.close;
  });
  after(() => close());

  test('every built page carries the policy without frame-ancestors, first after <meta charset>', () => {
    const files = htmlFiles(site.out);
    assert.ok(files.length > 10);
    for (const file of files) {
      const head = parse(readFileSync(join(site.out, file), 'utf8')).querySelector('head')!;
      const [charset, policy] = head.children;
      assert.equal(charset?.getAttribute('charset'), 'utf-8', file);
      assert.equal(policy?.getAttribute('http-equiv'), 'Content-Security-Policy', file);
      // The editor at /guanli/ has its own policy (docs/guanli.md); the fixture office names no git host.
      const expected = file.startsWith('guanli/') ? metaPolicy(editorCspDirectives([])) : META_CONTENT_SECURITY_POLICY;
      assert.equal(policy?.getAttribute('content'), expected, file);
    }
  });

  test('search, reading tools, 繁體 and offline saving run without a violation under the meta alone', async () => {
    const context = await site.context();
    const violations = violationsOf(context);
    const page = await context.newPage();
    const response = await page.goto(url);
    assert.equal(response?.headers()['content-security-policy'], undefined, 'the server sends no CSP header');
    await useEveryScript(page, url);
    assert.deepEqual(violations, []);
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });

  test('an injected inline script, event handler, javascript: link and style attribute do nothing under the meta alone', async () => {
    const notice = readFileSync(join(copy, NOTICE, 'index.html'), 'utf8');
    const ran = (what: string) => `(window.ran ||= []).push('${what}')`;
    const injection = [
      `<script>${ran('inline script')}</script>`,
      `<img src="/favicon.svg" alt="" onload="${ran('event handler')}">`,
      `<a id="injected-link" href="javascript:${ran('javascript: link')}">链接</a>`,
      '<p id="injected-style" style="color: rgb(255, 0, 0)">样式</p>',
    ].join('');
    const injected = notice.replace('<main id="main" tabindex="-1">', (main) => main + injection);
    const withoutMeta = injected.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.ok(injected !== notice && withoutMeta !== injected);
    for (const [folder, html] of [
      ['injected', injected],
      ['injected-no-csp', withoutMeta],
    ] as const) {
      mkdirSync(join(copy, folder));
      writeFileSync(join(copy, folder, 'index.html'), html);
    }
    const context = await site.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    const violations = violationsOf(context);
    const page = await context.newPage();
    const effects = () =>
      page.evaluate(() => ({
        ran: ((window as { ran?: string[] }).ran ?? []).toSorted(),
        red: getComputedStyle(document.getElementById('injected-style')!).color === 'rgb(255, 0, 0)',
      }));

    // Control: without the meta the same page runs all of it, so the test does see an injection run.
    await page.goto(`${url}injected-no-csp/`, { waitUntil: 'load' });
    await page.click('#injected-link');
    await page.waitForFunction(() => (window as { ran?: string[] }).ran?.length === 3);
    assert.deepEqual(await effects(), { ran: ['event handler', 'inline script', 'javascript: link'], red: true });
    assert.deepEqual(violations, []);

    await page.goto(`${url}injected/`, { waitUntil: 'load' });
    await page.click('#injected-link');
    const blocked = [/inline script/, /inline event handler/, /JavaScript URL/, /inline style/];
    for (let waited = 0; !blocked.every((b) => violations.some((v) => b.test(v))) && waited < 5000; waited += 50)
      await page.waitForTimeout(50);
    assert.ok(
      blocked.every((b) => violations.some((v) => b.test(v))),
      violations.join('\n'),
    );
    assert.deepEqual(await effects(), { ran: [], red: false });
    await context.close();
  });
});
