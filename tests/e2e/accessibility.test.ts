import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { searchSettled, useSite } from './harness.ts';

const site = useSite('office');

const PAGES: [string, string][] = [
  ['home', ''],
  ['目录', 'mulu/'],
  ['目录 narrowed by 分类', 'mulu/fenlei/04/'],
  ['notice with table and attachments', 'xxgk/114400001234567890-2024-00001/'],
  ['repealed notice', 'xxgk/114400001234567890-2021-00001/'],
  ['指南', 'zhinan/'],
  // The office's own pages, with zhidu.md and jigou.yaml (tables of 内设机构 and 负责人).
  ['政府信息公开制度', 'zhidu/'],
  ['机构信息', 'jigou/'],
  ['search with results', `sousuo/?q=${encodeURIComponent('办法')}`],
  ['offline page', 'lixian/'],
  ['404', 'no-such-page/'],
];

describe('accessibility (axe-core, WCAG 2.1 AA rules)', () => {
  for (const [name, path] of PAGES) {
    test(`${name} has no serious or critical violation`, async () => {
      const context = await site.context();
      const page = await context.newPage();
      await page.goto(`${site.url}${path}`);
      if (path.startsWith('sousuo/')) await searchSettled(page);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(serious, []);
      await context.close();
    });
  }
});
