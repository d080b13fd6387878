import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { searchSettled, useSite, type Site } from './harness.ts';
import { ROOT } from '../build/helpers.ts';

const site = useSite('office');
/** The example office, whose columns, 规范性文件, 解读 and 年度报告 fill the lists. */
const example = useSite(join(ROOT, 'content'));

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

// The lists of 法定主动公开内容, 规范性文件, 政策解读 and 年度报告, on the example office.
const EXAMPLE_PAGES: [string, string][] = [
  ['法定主动公开内容', 'fading/'],
  ['a column of 法定主动公开内容', 'fading/jiuzhu/'],
  ['an empty column', 'fading/jigou/'],
  ['规范性文件', 'guifan/'],
  ['规范性文件 narrowed by 有效性', 'guifan/youxiaoxing/feizhi/'],
  ['政策解读', 'jiedu/'],
  ['年度报告 and their figures', 'nianbao/'],
];

/** axe's serious and critical findings on one page, one line each. */
async function seriousViolations(on: Site, path: string): Promise<string[]> {
  const context = await on.context();
  const page = await context.newPage();
  await page.goto(`${on.url}${path}`);
  if (path.startsWith('sousuo/')) await searchSettled(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  await context.close();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA rules)', () => {
  for (const [name, path] of PAGES) {
    test(`${name} has no serious or critical violation`, async () => {
      assert.deepEqual(await seriousViolations(site, path), []);
    });
  }
  for (const [name, path] of EXAMPLE_PAGES) {
    test(`${name} has no serious or critical violation`, async () => {
      assert.deepEqual(await seriousViolations(example, path), []);
    });
  }
});
