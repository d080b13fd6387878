/**
 * The build writes the editor at OUT/guanli/ (src/build/editor-files.ts) unless site.yaml says
 * 在线编辑: 否: its page loads only this site's files, its configuration is the generated one, and
 * nothing in it loads from a CDN.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fixture, page, ROOT, runScript, temporary } from './helpers.ts';
import { TOKEN_SIGN_IN_LABELS } from '../../src/cms/editor-page.ts';
import { foreignAssets } from '../../src/domain/site/asset-policy.ts';
import { foreignLoads, repositoryPlace } from '../../src/build/editor-files.ts';
import { cmsConfig } from '../../src/cms/cms-config.ts';
import { SiteConfigSchema } from '../../src/domain/site/site-config.ts';

function build(siteYamlExtra = ''): { out: string; content: string; stdout: string } {
  const dir = temporary('gongkai-guanli-build-');
  const content = join(dir, 'content');
  cpSync(fixture('office'), content, { recursive: true });
  if (siteYamlExtra) appendFileSync(join(content, 'site.yaml'), siteYamlExtra);
  const out = join(dir, 'dist');
  const built = runScript('build', ['--content', content, '--out', out]);
  assert.equal(built.status, 0, built.stderr);
  return { out, content, stdout: built.stdout };
}

describe('OUT/guanli/', () => {
  const site = build();
  const dir = join(site.out, 'guanli');

  test('a page that loads the editor’s script from this site, under the editor’s policy', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const doc = page(site.out, 'guanli/index.html');
    assert.deepEqual(
      doc.querySelectorAll('script').map((s) => s.getAttribute('src')),
      ['main.js'],
    );
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'zh-CN');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    assert.match(csp, /script-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.deepEqual(foreignAssets(html), []);
    assert.ok(existsSync(join(dir, 'main.js')));
  });

  test('without a git host the page is marked local-only, with the explanation shown elsewhere', () => {
    const doc = page(site.out, 'guanli/index.html');
    assert.ok(doc.querySelector('html')?.hasAttribute('data-local-only'));
    const note = doc.querySelector('main#local-only');
    assert.ok(note?.hasAttribute('hidden'));
    assert.match(note?.textContent ?? '', /npm start[\s\S]*http:\/\/127\.0\.0\.1:4321\/guanli\//);
  });

  test('the token sign-in hidden in local-only mode is named as Sveltia names it', () => {
    for (const [locale, label] of [
      ['zh-CN', TOKEN_SIGN_IN_LABELS[0]],
      ['zh-TW', TOKEN_SIGN_IN_LABELS[1]],
    ]) {
      const strings = readFileSync(join(ROOT, `node_modules/@sveltia/cms/locales/${locale}.json`), 'utf8');
      assert.ok(strings.includes(`"sign_in_using_access_token":"${label}"`), `${locale}: ${label}`);
    }
  });

  test('config.json is the configuration generated for this office', () => {
    const siteConfig = SiteConfigSchema.parse(parse(readFileSync(join(site.content, 'site.yaml'), 'utf8')));
    const written = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    assert.deepEqual(written, JSON.parse(JSON.stringify(cmsConfig(siteConfig, repositoryPlace(site.content)))));
    // Not in a git repository: the clerk opens the folder holding the content folder.
    assert.equal(written.collections[0].folder, 'content/notices');
  });

  test('nothing in it loads from a CDN; fonts and the 简体 locale are its own files', () => {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const file of files.filter((f) => /\.(js|html|json)$/.test(f.name))) {
      const path = join(file.parentPath, file.name);
      assert.deepEqual(foreignLoads(readFileSync(path, 'utf8')), [], path);
    }
    const names = files.map((f) => f.name);
    assert.ok(names.includes('material-symbols-outlined-latin-wght-normal.woff2'));
    assert.ok(names.some((n) => /^zh-CN-\w+\.js$/.test(n)));
    assert.ok(!names.some((n) => /^ja-\w+\.js$/.test(n)), 'other locales are left out');
    assert.ok(names.includes('LICENSES.txt'));
  });

  test('the build reports its size; the site’s asset scan passed', () => {
    const line = site.stdout.split('\n').find((l) => l.startsWith('在线编辑 /guanli/'));
    assert.ok(line, site.stdout);
    const total = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
    console.log(line, `(${total} bytes)`);
    assert.ok(total < 8 * 1024 * 1024, `${total} bytes`);
  });

  test('is not in the offline shell (readers never download it)', () => {
    const manifest = readFileSync(join(site.out, 'offline-manifest.json'), 'utf8');
    assert.doesNotMatch(manifest, /guanli/);
  });
});

describe('在线编辑: 否', () => {
  test('builds no /guanli/', () => {
    const site = build('在线编辑: 否\n');
    assert.ok(!existsSync(join(site.out, 'guanli')));
    assert.ok(!site.stdout.includes('在线编辑 /guanli/'));
  });
});
