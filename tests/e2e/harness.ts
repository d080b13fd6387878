/**
 * End-to-end harness: build a fixture site, serve it on loopback (IPv6 and IPv4), drive
 * Debian's Chromium with playwright-core. Never downloads a browser.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { fixture, runScript, tempDir } from '../build/helpers.ts';
import { listenOnLoopback, type ResponseHeaders } from '../../src/cli/static-server.ts';
import { searchSettledInPage } from '../../tools/lib/search-settled.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Site {
  /** `http://[::1]:port/base/` — IPv6 first: the site must work on IPv6-only networks. */
  url: string;
  urls: string[];
  out: string;
  browser: Browser;
  /**
   * A fresh context whose pages record requests and console errors. Service workers run unless
   * `serviceWorkers: 'block'`: a test that holds requests with page.route needs that, as
   * requests the offline service worker answers or makes bypass page.route.
   */
  context: (options?: Pick<BrowserContextOptions, 'serviceWorkers'>) => Promise<BrowserContext>;
  /** Console errors and requests of every page opened so far. */
  consoleErrors: string[];
  requests: string[];
}

/**
 * Builds a content folder (a fixture name, or an absolute path) under `base` before the tests
 * of the calling file, and cleans up after. `env` is added to the build's environment.
 */
export function useSite(
  fixtureName = 'office',
  base = '/',
  headers: ResponseHeaders = {},
  env: Record<string, string> = {},
): Site {
  const site = { consoleErrors: [], requests: [] } as unknown as Site;
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    site.out = join(tempDir('e2e'), 'dist');
    const content = fixtureName.startsWith('/') ? fixtureName : fixture(fixtureName);
    const built = runScript('build', ['--content', content, '--out', site.out, '--base', base], env);
    assert.equal(built.status, 0, built.stderr);
    const server = await listenOnLoopback(site.out, base, 0, headers);
    close = server.close;
    site.urls = server.urls;
    site.url = server.urls.find((u) => u.includes('[::1]')) ?? server.urls[0]!;
    site.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    site.context = async (options = {}) => {
      const context = await site.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'allow', ...options });
      context.on('page', (page) => watch(page, site));
      context.on('request', (request) => site.requests.push(request.url()));
      return context;
    };
  });
  after(async () => {
    await site.browser?.close();
    await close?.();
  });
  return site;
}

function watch(page: Page, site: Site): void {
  page.on('console', (message) => {
    if (message.type() === 'error') site.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => site.consoleErrors.push(`${page.url()}: ${error.message}`));
}

/**
 * Holds the page's requests for URLs matching `pattern` until the returned function is called.
 * Use a context with `serviceWorkers: 'block'`: requests of the offline service worker bypass it.
 */
export async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits until the search page has finished (search-settled.ts); returns its status. */
export async function searchSettled(page: Page): Promise<string> {
  await page.waitForFunction(searchSettledInPage);
  return (await page.textContent('#search-status')) ?? '';
}

export async function resultTitles(page: Page): Promise<string[]> {
  return page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent ?? ''));
}
