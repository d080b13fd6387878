/**
 * The site works under the Content-Security-Policy the README and deploy/nginx.conf give:
 * search (WebAssembly in a worker), reading tools, 繁體, offline saving — with no violation.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/security-headers.ts';
import { ROOT } from '../build/helpers.ts';
import { resultTitles, searchSettled, useSite } from './harness.ts';

const site = useSite('office', '/', { 'content-security-policy': CONTENT_SECURITY_POLICY });

describe('Content-Security-Policy', () => {
  test('deploy/nginx.conf and the README carry the tested policy', () => {
    assert.ok(readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8').includes(`"${CONTENT_SECURITY_POLICY}"`));
    assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes(CONTENT_SECURITY_POLICY));
  });

  test('search, reading tools, 繁體 and offline saving run without a violation', async () => {
    const context = await site.context();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${site.url}sousuo/?q=${encodeURIComponent('办法')}`);
    await searchSettled(page);
    assert.ok((await resultTitles(page)).length > 0);
    await page.goto(`${site.url}xxgk/114400001234567890-2024-00001/`);
    await page.locator('[data-reading-tools]:not([hidden])').waitFor();
    await page.click('[data-script]');
    await page.waitForFunction(() => document.documentElement.dataset.converted === 't');
    await page.getByRole('button', { name: '字号大' }).click();
    await page.goto(`${site.url}zhinan/`);
    await page.locator('[data-save-offline] [data-start]:not([disabled])').waitFor();
    await page.click('[data-save-offline] [data-start]');
    await page.waitForFunction(() => document.querySelector('[data-save-offline] [data-status]')?.textContent?.startsWith('已全部保存'));
    const alignedCell = await page.goto(`${site.url}xxgk/114400001234567890-2024-00001/`);
    assert.equal(alignedCell?.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.deepEqual(violations, []);
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });
});
