import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyHtml, PAGE_IDS } from '../../src/site/render/body-html.ts';

const site = { base: '/gk/', siteUrl: 'https://gk.example.gov.cn/' };
const render = (body: string, file = 'notices/a.md') => bodyHtml({ file, body }, site);

describe('a body on its page', () => {
  test('links go under the base path and to other sites through the 外链提示 page', () => {
    const html = render('[附件](attachments/2024/a.pdf)、[公文](/xxgk/x/)、[政府网](https://www.gov.cn/)');
    assert.match(html, /href="\/gk\/attachments\/2024\/a\.pdf"/);
    assert.match(html, /href="\/gk\/xxgk\/x\/"/);
    assert.match(html, /<a href="\/gk\/waibu\/[^"]+\/" class="external-link" title="外部链接，将离开本站">政府网<\/a>/);
  });

  test('wide tables scroll in their own labelled region', () => {
    assert.match(
      render('| a | b |\n|---|---|\n| 1 | 2 |'),
      /<div class="table-scroll" role="region" tabindex="0" aria-label="表格（可左右滑动查看）"><table>/,
    );
  });

  test('headings get ids for in-page links, never one the page itself uses', () => {
    assert.match(render('## 一、工作要求'), /<h2 id="一工作要求">/);
    assert.match(render('## Main\n\n<p id="site-search">x</p>'), /<h2 id="main-1">Main<\/h2>\n<p id="site-search-1">/);
  });

  test('the page ids listed are every id the site’s own templates write', () => {
    const written = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.astro'))
          for (const m of readFileSync(path, 'utf8').matchAll(/\bid="([a-z0-9-]+)"/g)) written.add(m[1]!);
      }
    };
    walk(new URL('../../src', import.meta.url).pathname);
    assert.deepEqual(
      [...written].filter((id) => !(PAGE_IDS as readonly string[]).includes(id)),
      [],
    );
  });

  test('**加粗。** next to Chinese punctuation is bold, but not inside code', () => {
    assert.match(render('**注意。**后文'), /<strong>注意。<\/strong>后文/);
    assert.match(render('`**注意。**后文`'), /<code>\*\*注意。\*\*后文<\/code>/);
  });

  test('footnotes are labelled in Chinese', () => {
    assert.match(render('正文[^1]。\n\n[^1]: 说明。'), /<h2 class="sr-only" id="footnote-label">注释<\/h2>/);
  });
});
