import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fieldsToFillIn, planNotice, writePlannedNotice } from '../../src/cli/new-notice.ts';
import { todayInChina, type Draft } from '../../src/cli/new-options.ts';
import { loadContent } from '../../src/content/content-folder.ts';
import { parseSiteYaml, type ContentFolder } from '../../src/content/content-check.ts';
import { NOTICE_KEYS } from '../../src/domain/notice/notice-schema.ts';
import type { CalendarDate } from '../../src/domain/notice/calendar-date.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);
const CODE = '114400001234567890';
const SITE = `机关名称: 测试镇人民政府\n机构代码: "${CODE}"\n网址: https://gk.test.example.gov.cn/gk/\n`;

function folder(notices: Record<string, string>, siteYaml = SITE): ContentFolder {
  return {
    siteYaml: utf8(siteYaml),
    guide: utf8('# 指南\n\n本指南每年更新。\n'),
    notices: Object.entries(notices).map(([path, text]) => ({ path, bytes: utf8(text) })),
    strayFiles: [],
    attachments: new Map(),
  };
}
const notice = (index: string, date = '2026-01-05') =>
  `---\n标题: 已有的通知\n索引号: "${index}"\n分类: 综合政务\n发布日期: "${date}"\n---\n\n正文。\n`;
const draft = (extra: Partial<Draft> = {}): Draft => ({
  title: '关于做好冬季森林防火工作的通知',
  category: '农业、林业、水利',
  publishedOn: '2026-11-23' as CalendarDate,
  code: CODE,
  ...extra,
});
const siteOf = (f: ContentFolder) => parseSiteYaml(f.siteYaml!).site!;

describe('planNotice', () => {
  test('puts the notice in the folder of its 发布日期’s year, with the next 索引号 of that year', () => {
    const f = folder({
      'notices/2026/a.md': notice(`${CODE}/2026-00004`),
      'notices/2025/b.md': notice(`${CODE}/2025-00030`, '2025-03-01'),
    });
    const result = planNotice(f, siteOf(f), draft(), '/');
    assert.ok(result.ok);
    assert.equal(result.plan.file, 'notices/2026/20261123-tongzhi.md');
    assert.equal(result.plan.indexNumber, `${CODE}/2026-00005`);
    const early = planNotice(f, siteOf(f), draft({ publishedOn: '2025-12-30' as CalendarDate }), '/');
    assert.ok(early.ok);
    assert.equal(early.plan.file, 'notices/2025/20251230-tongzhi.md');
    assert.equal(early.plan.indexNumber, `${CODE}/2025-00031`);
  });
  test('a sub-unit’s code starts its own numbering', () => {
    const f = folder({ 'notices/2026/a.md': notice(`${CODE}/2026-00004`) });
    const result = planNotice(f, siteOf(f), draft({ code: '11441299MB2E00056Q' }), '/');
    assert.ok(result.ok);
    assert.equal(result.plan.indexNumber, '11441299MB2E00056Q/2026-00001');
  });
  test('the URL is site.yaml’s 网址 (the site’s root, sub-path included) plus /xxgk/<索引号>/', () => {
    const f = folder({});
    const result = planNotice(f, siteOf(f), draft(), '/gk/');
    assert.ok(result.ok);
    assert.equal(result.plan.url, `https://gk.test.example.gov.cn/gk/xxgk/${CODE}-2026-00001/`);
    assert.equal(result.plan.path, `/gk/xxgk/${CODE}-2026-00001/`);
  });
  test('without a 网址 there is only the path on the site, with the base', () => {
    const f = folder({}, `机关名称: 测试镇人民政府\n机构代码: "${CODE}"\n`);
    const result = planNotice(f, siteOf(f), draft(), '/gk/');
    assert.ok(result.ok);
    assert.equal(result.plan.url, undefined);
    assert.equal(result.plan.path, `/gk/xxgk/${CODE}-2026-00001/`);
  });
  test('does not reuse a file name in the year folder, as .md or .mdx, in any letter case', () => {
    const f = folder({
      'notices/2026/20261123-tongzhi.mdx': notice(`${CODE}/2026-00001`),
      'notices/2026/20261123-TONGZHI-2.md': notice(`${CODE}/2026-00002`),
    });
    const result = planNotice(f, siteOf(f), draft(), '/');
    assert.ok(result.ok);
    assert.equal(result.plan.file, 'notices/2026/20261123-tongzhi-3.md');
  });
  test('when the year’s serials are used up, says so instead of planning', () => {
    const f = folder({ 'notices/2026/a.md': notice(`${CODE}/2026-99999`) });
    const result = planNotice(f, siteOf(f), draft(), '/');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /99999/);
  });
});

describe('fieldsToFillIn', () => {
  test('is 摘要, 主题词, 成文日期 and 有效性 for a draft with none of them', () => {
    assert.deepEqual(fieldsToFillIn(draft()), ['摘要', '主题词', '成文日期', '有效性']);
  });
  test('leaves out what the draft gives', () => {
    const given = draft({ summary: '一句话。', keywords: ['森林防火'], writtenOn: '2026-11-20' as CalendarDate });
    assert.deepEqual(fieldsToFillIn(given), ['有效性']);
    assert.deepEqual(fieldsToFillIn(draft({ keywords: [] })), ['摘要', '主题词', '成文日期', '有效性']);
  });
});

describe('writePlannedNotice', () => {
  test('never overwrites: a file that appeared meanwhile is left alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-new-'));
    try {
      const plan = { file: 'notices/2026/x.md', text: '新的', indexNumber: `${CODE}/2026-00001` as never, path: '/' };
      assert.equal(await writePlannedNotice(dir, plan), true);
      assert.equal(await writePlannedNotice(dir, { ...plan, text: '覆盖' }), false);
      assert.equal(readFileSync(join(dir, plan.file), 'utf8'), '新的');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run new (the script, on a copy of the example office)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-new-'));
  const content = join(dir, 'content');
  cpSync(join(root, 'content'), content, { recursive: true });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) =>
    spawnSync(process.execPath, [join(root, 'src/cli/new.ts'), '--content', content, ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'], // not a terminal: nothing is asked
      input: '',
    });
  const noticesNow = () => readdirSync(join(content, 'notices'), { recursive: true }).map(String).sort();
  const args = [
    '--yes',
    '--标题',
    '示例镇人民政府关于做好2026年冬季森林防火工作的通知',
    '--分类',
    '农业、林业、水利',
    '--文号',
    '示镇府[2026]30号',
    '--发布日期',
    '2026-11-23',
  ];

  test('creates the file, prints its path, 索引号 and URL, and check passes', async () => {
    const result = run(args);
    assert.equal(result.status, 0, result.stderr);
    const file = join(content, 'notices/2026/20261123-tongzhi.md');
    assert.match(result.stdout, new RegExp(`已新建公文：${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(result.stdout, /索引号：11441299MB2E00012L\/2026-00008/);
    assert.match(result.stdout, /https:\/\/gk\.shilizhen\.example\.gov\.cn\/xxgk\/11441299MB2E00012L-2026-00008\//);
    assert.match(result.stdout, /npm run check/);
    assert.match(result.stdout, /已改为“示镇府〔2026〕30号”/);
    assert.match(result.stdout, /补上摘要、主题词、成文日期、有效性等字段，用不到的字段留空即可。/);

    const text = readFileSync(file, 'utf8');
    for (const key of NOTICE_KEYS) assert.match(text, new RegExp(`^${key}:`, 'm'), key);
    assert.match(text, /^标题: 示例镇人民政府关于做好2026年冬季森林防火工作的通知$/m);
    assert.match(text, /^索引号: "11441299MB2E00012L\/2026-00008"$/m);
    assert.match(text, /^文号: 示镇府〔2026〕30号$/m);
    assert.match(text, /^发布日期: "2026-11-23"$/m);

    const report = await loadContent(content);
    assert.deepEqual(
      report.problems.filter((p) => p.severity === 'error'),
      [],
    );
    assert.ok(report.content!.notices.some((n) => n.indexNumber === '11441299MB2E00012L/2026-00008'));
  });

  test('its advice names only the fields the flags left empty', () => {
    const result = run([...args, '--摘要', '部署冬季森林防火工作。', '--主题词', '森林防火 通知']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /\n {5}补上成文日期、有效性等字段，用不到的字段留空即可。\n/);
    rmSync(/已新建公文：(\S+)/.exec(result.stdout)![1]!);
  });

  test('a second run gets the next serial and a new file name', async () => {
    const result = run(args);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /notices\/2026\/20261123-tongzhi-2\.md/);
    assert.match(result.stdout, /索引号：11441299MB2E00012L\/2026-00009/);
    assert.match(
      readFileSync(join(content, 'notices/2026/20261123-tongzhi.md'), 'utf8'),
      /2026-00008/,
      'the first file is untouched',
    );
    const report = await loadContent(content);
    assert.ok(report.content, report.problems.map((p) => p.message).join('\n'));
  });

  test('without 发布日期, the notice is dated today (Beijing) and filed under this year', async () => {
    const before = todayInChina();
    const result = run(['--标题', '关于开展冬季消防安全检查的通知', '--分类', '市场监管、安全生产监管']);
    const after = todayInChina();
    assert.equal(result.status, 0, result.stderr);
    const index = /索引号：(\S+)/.exec(result.stdout)![1]!;
    const file = /已新建公文：(\S+)/.exec(result.stdout)![1]!;
    const published = /^发布日期: "(\d{4}-\d{2}-\d{2})"$/m.exec(readFileSync(file, 'utf8'))![1]!;
    assert.ok(published === before || published === after, published);
    assert.ok(file.includes(`/notices/${published.slice(0, 4)}/${published.replace(/-/g, '')}-tongzhi`), file);
    assert.ok(index.startsWith(`11441299MB2E00012L/${published.slice(0, 4)}-`), index);
    assert.ok((await loadContent(content)).content);
  });

  test('a run missing 分类, outside a terminal, exits 1, says what is missing and writes nothing', () => {
    const before = noticesNow();
    const result = run([
      '--标题',
      '关于开展冬季消防安全检查的通知',
      '--文号',
      '示镇府〔26〕1号',
      '--发布日期',
      '2031-01-02',
    ]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /缺少分类/);
    assert.match(result.stderr, /年份“26”应写全4位/, 'every problem at once');
    assert.match(result.stderr, /分类表：综合政务；/);
    assert.deepEqual(noticesNow(), before, 'not even the 2031 folder');
  });

  test('an unknown flag exits 1 and writes nothing', () => {
    const before = noticesNow();
    const result = run(['--yes', '--标提', '关于防汛的通知', '--分类', '国防']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /不认识的选项 --标提/);
    assert.deepEqual(noticesNow(), before);
  });
});
