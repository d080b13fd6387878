import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkContent,
  emptyColumnProblems,
  parseSiteYaml,
  type ContentFolder,
} from '../../src/content/content-check.ts';
import { annualReportYear, columnsOf, defaultColumns, isAnnualReport } from '../../src/domain/catalogue/columns.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const SITE = '机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n网址: https://gk.test.example.gov.cn/\n';

function folder(site: string, notices: Record<string, string>): ContentFolder {
  return {
    siteYaml: utf8(site),
    guide: utf8('# 指南\n\n本指南每年更新一次。\n'),
    notices: Object.entries(notices).map(([path, text]) => ({ path, bytes: utf8(text) })),
    strayFiles: [],
    attachments: new Map(),
  };
}

function notice(fields: Record<string, string>): string {
  const all = {
    标题: '关于测试的通知',
    索引号: '"114400001234567890/2024-00001"',
    分类: '综合政务',
    发布日期: '"2024-03-01"',
    ...fields,
  };
  return `---\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n正文第一句。\n`;
}

const names = (kind?: Parameters<typeof defaultColumns>[0]) => defaultColumns(kind).map((c) => c.name);

describe('the columns an office starts with', () => {
  test('every organ has the fifteen items of Art. 20, then 制度, 解读 and 年报', () => {
    const all = names(undefined);
    assert.equal(all.length, 18);
    assert.equal(all[0], '规章和规范性文件');
    assert.equal(all[14], '其他主动公开信息');
    assert.deepEqual(all.slice(15), ['政府信息公开制度', '政策解读', '政府信息公开年报']);
  });

  test('a 乡镇 or 街道 adds the township topics of Art. 21', () => {
    for (const kind of ['乡镇', '街道'] as const) {
      const all = names(kind);
      for (const topic of ['农业农村政策', '农田水利', '土地承包经营权流转', '宅基地审核', '筹资筹劳', '社会救助']) {
        assert.ok(all.includes(topic), `${kind}: ${topic}`);
      }
      assert.ok(!all.includes('治安管理'));
    }
  });

  test('county and city governments and departments add the county topics of Art. 21', () => {
    const all = names('县级部门');
    for (const topic of ['市政建设', '公共服务', '公益事业', '治安管理', '社会救助'])
      assert.ok(all.includes(topic), topic);
    assert.ok(!all.includes('宅基地审核'));
  });

  test('codes are unique URL segments in every default list', () => {
    for (const kind of [undefined, '乡镇', '县级政府'] as const) {
      const codes = defaultColumns(kind).map((c) => c.code);
      assert.equal(new Set(codes).size, codes.length);
      for (const code of codes) assert.match(code, /^[a-z][a-z0-9-]*$/);
    }
  });
});

describe('site.yaml 机构类型 and 栏目', () => {
  test('机构类型 decides the defaults', () => {
    const parsed = parseSiteYaml(utf8(`${SITE}机构类型: 乡镇\n`));
    assert.ok(parsed.site?.columns.some((c) => c.name === '宅基地审核'));
  });

  test('栏目 replaces them: built-in columns by name, the office’s own with a code', () => {
    const parsed = parseSiteYaml(
      utf8(`${SITE}栏目:\n  - 社会救助\n  - 名称: 村务公开\n    代码: cunwu\n    说明: 村级事务\n`),
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.site?.columns.map((c) => [c.code, c.name, c.group]),
      [
        ['jiuzhu', '社会救助', 'art21'],
        ['cunwu', '村务公开', 'office'],
      ],
    );
  });

  test('an own column without a code, a bad code or a twin is refused with a fix', () => {
    const cases: [string, string][] = [
      ['栏目:\n  - 村务公开\n', 'column-without-code'],
      ['栏目:\n  - 名称: 村务公开\n    代码: 村务\n', 'bad-column-code'],
      ['栏目:\n  - 社会救助\n  - 社会救助\n', 'duplicate-column'],
      ['栏目:\n  - 社会救助\n  - 名称: 低保\n    代码: jiuzhu\n', 'duplicate-column'],
      ['机构类型: 村委会\n', 'invalid_value'],
    ];
    for (const [yaml, kind] of cases) {
      const parsed = parseSiteYaml(utf8(SITE + yaml));
      assert.equal(parsed.site, undefined, yaml);
      const problem = parsed.problems.find((p) => p.field === '栏目' || p.field === '机构类型');
      assert.ok(problem, `${yaml}: ${JSON.stringify(parsed.problems)}`);
      assert.match(problem.message, /[\u4e00-\u9fff]/);
      if (kind !== 'invalid_value') assert.equal(problem.kind, kind, yaml);
    }
  });
});

describe('a notice’s columns', () => {
  const columns = defaultColumns('乡镇');
  const base = { title: '关于发放低保金的公示', publishedOn: '2024-03-01', columns: [] as string[], normative: false };

  test('are those its 栏目 names, in the office’s order', () => {
    assert.deepEqual(columnsOf({ ...base, columns: ['社会救助', '民生政策'] }, columns), ['minsheng', 'jiuzhu']);
  });

  test('a 规范性文件, a 解读 and a 年度报告 are placed without being named', () => {
    assert.deepEqual(columnsOf({ ...base, normative: true }, columns), ['guifan']);
    assert.deepEqual(columnsOf({ ...base, interprets: '114400001234567890/2024-00001' }, columns), ['jiedu']);
    const report = { ...base, title: '示例镇人民政府2024年政府信息公开工作年度报告', publishedOn: '2025-01-20' };
    assert.deepEqual(columnsOf(report, columns), ['nianbao']);
  });

  test('a 年度报告 reports on the year its title names, else the year before publication', () => {
    assert.ok(isAnnualReport({ title: '示例镇2024年政府信息公开年度报告' }));
    assert.ok(!isAnnualReport({ title: '关于报送年度报告的通知' }));
    assert.equal(
      annualReportYear({ title: '示例镇人民政府2023年政府信息公开工作年度报告', publishedOn: '2024-01-30' }),
      2023,
    );
    assert.equal(
      annualReportYear({ title: '示例镇人民政府政府信息公开工作年度报告', publishedOn: '2024-01-30' }),
      2023,
    );
  });

  test('check refuses a 栏目 the office does not have, suggesting the nearest', () => {
    const report = checkContent(folder(`${SITE}机构类型: 乡镇\n`, { 'notices/a.md': notice({ 栏目: '[社会求助]' }) }));
    const problem = report.problems.find((p) => p.kind === 'unknown-column');
    assert.ok(problem, JSON.stringify(report.problems));
    assert.equal(problem.field, '栏目');
    assert.equal(problem.line, 6);
    assert.match(problem.message, /“社会求助”不是本站的栏目/);
    assert.match(problem.fix!, /是否应为“社会救助”/);
  });
});

describe('empty columns (空白栏目)', () => {
  test('one warning names every column without a notice', () => {
    const yaml = `${SITE}栏目:\n  - 社会救助\n  - 财政预决算\n  - 政策解读\n`;
    const report = checkContent(folder(yaml, { 'notices/a.md': notice({ 栏目: '社会救助' }) }));
    assert.deepEqual(report.problems, [], 'not a problem of any file: check prints it after them');
    const [warning, ...rest] = emptyColumnProblems(report.content!);
    assert.deepEqual(rest, []);
    assert.equal(warning?.severity, 'warning');
    assert.equal(warning?.file, 'site.yaml');
    assert.match(warning!.message, /2 个栏目没有任何信息.*“财政预决算”、“政策解读”/);
    assert.doesNotMatch(warning!.message, /社会救助/);
  });

  test('no warning when every column has a notice', () => {
    const report = checkContent(
      folder(`${SITE}栏目:\n  - 社会救助\n`, { 'notices/a.md': notice({ 栏目: '社会救助' }) }),
    );
    assert.deepEqual(emptyColumnProblems(report.content!), []);
  });
});
