import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CACHE_CONTROL_RULES,
  DEFAULT_CACHE_CONTROL,
  UPLOAD_STAGES,
  cacheControlFor,
  contentTypeFor,
  uploadStageOf,
} from '../../src/deploy/http-policy.ts';
import { ROOT } from '../build/helpers.ts';

/** The `map $uri $gongkai_cache_control { … }` lines of deploy/nginx.conf, comments left out. */
function nginxCacheMap(): { rules: { pattern: string; value: string }[]; fallback: string | undefined } {
  const conf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const block = /map \$uri \$gongkai_cache_control \{\n([\s\S]*?)\n\}/.exec(conf);
  assert.ok(block, 'deploy/nginx.conf has the map $uri $gongkai_cache_control block');
  const rules: { pattern: string; value: string }[] = [];
  let fallback: string | undefined;
  for (const raw of block[1]!.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const rule = /^~(\S+)\s+"([^"]*)";$/.exec(line);
    const other = /^default\s+"([^"]*)";$/.exec(line);
    if (rule) rules.push({ pattern: rule[1]!, value: rule[2]! });
    else if (other) fallback = other[1];
    else assert.fail(`a map line this test cannot read: ${line}`);
  }
  return { rules, fallback };
}

describe('Cache-Control on object storage', () => {
  test('is deploy/nginx.conf’s map, line for line and in the same order', () => {
    const { rules, fallback } = nginxCacheMap();
    assert.deepEqual(
      CACHE_CONTROL_RULES.map((r) => ({ ...r })),
      rules,
    );
    assert.equal(DEFAULT_CACHE_CONTROL, fallback);
  });

  test('gives each kind of file the policy nginx gives it', () => {
    const year = 'public, max-age=31536000, immutable';
    const day = 'public, max-age=86400';
    const cases: [string, string][] = [
      ['index.html', 'no-cache'],
      ['xxgk/114400001234567890-2024-00001/index.html', 'no-cache'],
      ['_assets/index.Bc1d2e3f.css', year],
      ['pagefind/index/zh-cn_b24a54f.pf_index', year],
      ['pagefind/2/fragment/zh-cn_f21c037.pf_fragment', year],
      ['pagefind/filter/zh-cn_da20a2e.pf_filter', year],
      ['pagefind/pagefind.js', 'no-cache'],
      ['pagefind/pagefind-entry.json', 'no-cache'],
      ['pagefind/1/pagefind-entry.json', 'no-cache'],
      ['sw.js', 'no-cache'],
      ['offline-manifest.json', 'no-cache'],
      ['attachments/2022/yusuan.pdf', day],
      ['data/catalogue.json', 'no-cache'],
      // With a prefix (a site under gk/ in the bucket), as nginx sees /gk/… with --base /gk/.
      ['gk/_assets/a.js', year],
      ['gk/attachments/a.pdf', day],
      ['gk/sw.js', 'no-cache'],
    ];
    for (const [path, value] of cases) assert.equal(cacheControlFor(path), value, path);
  });
});

describe('Content-Type on object storage', () => {
  test('text types carry charset=utf-8, others none', () => {
    for (const [path, type] of [
      ['index.html', 'text/html; charset=utf-8'],
      ['_assets/a.css', 'text/css; charset=utf-8'],
      ['sw.js', 'text/javascript; charset=utf-8'],
      ['offline-manifest.json', 'application/json; charset=utf-8'],
      ['sitemap.xml', 'application/xml; charset=utf-8'],
      ['data/catalogue.csv', 'text/csv; charset=utf-8'],
      ['favicon.svg', 'image/svg+xml; charset=utf-8'],
      ['attachments/说明.TXT', 'text/plain; charset=utf-8'],
      ['attachments/2022/yusuan.pdf', 'application/pdf'],
      ['attachments/a.ofd', 'application/ofd'],
      ['pagefind/index/zh-cn_1.pf_index', 'application/octet-stream'],
      ['pagefind/wasm.unknown.pagefind', 'application/octet-stream'],
      ['LICENSE', 'application/octet-stream'],
    ])
      assert.equal(contentTypeFor(path!), type, path);
  });
});

describe('upload order', () => {
  test('hashed files, then files, search entry, pages, lists, offline files', () => {
    const order = (path: string) => UPLOAD_STAGES.indexOf(uploadStageOf(path));
    const sequence = [
      '_assets/a.css',
      'pagefind/index/zh-cn_1.pf_index',
      'attachments/a.pdf',
      'favicon.svg',
      'pagefind/pagefind-entry.json',
      'pagefind/1/pagefind.zh-cn_1.pf_meta',
      'xxgk/a/index.html',
      'index.html',
      'rss.xml',
      'data/catalogue.json',
      'offline-manifest.json',
      'sw.js',
    ];
    for (let i = 1; i < sequence.length; i++)
      assert.ok(order(sequence[i - 1]!) <= order(sequence[i]!), `${sequence[i - 1]} before ${sequence[i]}`);
    assert.ok(order('_assets/a.css') < order('index.html'));
    assert.ok(order('pagefind/pagefind-entry.json') < order('sousuo/index.html'));
    assert.ok(order('index.html') < order('sw.js'));
  });
});
