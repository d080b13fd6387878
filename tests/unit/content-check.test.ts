import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkContent, type ContentFolder } from '../../src/content/content-check.ts';
import { loadContent } from '../../src/content/content-folder.ts';
import { formatProblem, type Problem } from '../../src/domain/problems.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url).pathname;
const utf8 = (text: string) => new TextEncoder().encode(text);

const SITE = '机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n网址: https://gk.test.example.gov.cn/\n';
const GUIDE = '# 指南\n\n本指南每年更新一次。\n';

/** A content folder in memory: site.yaml, guide.md and the given notices. */
function folder(notices: Record<string, string>, extra: Partial<ContentFolder> = {}): ContentFolder {
  return {
    siteYaml: utf8(SITE),
    guide: utf8(GUIDE),
    notices: Object.entries(notices).map(([path, text]) => ({ path, bytes: utf8(text) })),
    strayFiles: [],
    attachments: new Map(),
    ...extra,
  };
}

function notice(fields: Record<string, string>, body = '正文第一句。'): string {
  const base = {
    标题: '关于测试的通知',
    索引号: '"114400001234567890/2024-00001"',
    分类: '综合政务',
    发布日期: '"2024-03-01"',
  };
  const lines = Object.entries({ ...base, ...fields })
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

const kinds = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.kind}`);

describe('checkContent on the broken fixture', async () => {
  test('reports every expected problem with its file, field and line, and nothing else', async () => {
    const expected: { file: string; field: string; kind: string; line: number; severity: string }[] = JSON.parse(
      readFileSync(`${fixture('broken')}expected.json`, 'utf8'),
    );
    const report = await loadContent(fixture('broken'));
    const found = report.problems.map((p) => ({
      file: p.file,
      field: p.field,
      kind: p.kind,
      line: p.line,
      severity: p.severity,
    }));
    const key = (p: { file: string; kind: string }) => `${p.file} ${p.kind}`;
    assert.deepEqual(found.map(key).sort(), expected.map(key).sort());
    for (const want of expected) {
      const got = found.find((p) => key(p) === key(want))!;
      assert.deepEqual(got, want, `${want.file}: ${JSON.stringify(got)}`);
    }
    assert.equal(report.content, undefined, 'no content is handed to the build when there is an error');
  });

  test('every message is Chinese, names the file and says how to fix it', async () => {
    const report = await loadContent(fixture('broken'));
    for (const problem of report.problems) {
      const line = formatProblem(problem);
      assert.match(line, new RegExp(`^(错误|警告) ${problem.file.replace(/\./g, '\\.')}:\\d+ `), line);
      assert.match(problem.message, /[\u4e00-\u9fff]/, line);
      assert.ok(problem.fix && /[\u4e00-\u9fff]/.test(problem.fix), `no fix: ${line}`);
    }
  });

  test('duplicate 索引号 names the other file in each report', async () => {
    const report = await loadContent(fixture('broken'));
    const a = report.problems.find((p) => p.file === 'notices/duplicate-a.md')!;
    assert.match(a.message, /notices\/duplicate-b\.md/);
  });
});

describe('checkContent on the valid office fixture', async () => {
  test('finds no problem and hands over every notice', async () => {
    const report = await loadContent(fixture('office'));
    assert.deepEqual(report.problems, []);
    assert.equal(report.content?.notices.length, 8);
    assert.equal(report.content?.site.name, '测试镇人民政府');
  });
  test('uses the 摘要 as the 内容概述, or the body’s first sentence when there is none', async () => {
    const { content } = await loadContent(fixture('office'));
    const byTitle = new Map(content!.notices.map((n) => [n.title, n]));
    assert.equal(byTitle.get('关于做好2024年春耕生产工作的通知')!.lead, '部署2024年春耕生产工作。');
    assert.equal(
      byTitle.get('关于做好2024年防汛工作的通知')!.lead,
      '为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下。',
    );
  });
  test('defaults the 发布机构 to the 机关名称 and keeps a notice’s own', async () => {
    const { content } = await loadContent(fixture('office'));
    const publishers = new Set(content!.notices.map((n) => n.publisher));
    assert.deepEqual([...publishers].sort(), ['测试镇人民政府', '测试镇财政所'].sort());
  });
});

describe('checkContent rules', async () => {
  test('accepts a notice saved with a BOM and CRLF line ends', async () => {
    const text = `\uFEFF${notice({}).replace(/\n/g, '\r\n')}`;
    assert.deepEqual(checkContent(folder({ 'notices/a.md': text })).problems, []);
  });
  test('treats blank optional fields as absent (templates list every key)', async () => {
    const report = checkContent(
      folder({ 'notices/a.md': notice({ 文号: '""', 摘要: '""', 主题词: '[]', 有效性: '""' }) }),
    );
    assert.deepEqual(report.problems, []);
  });
  test('rejects unknown frontmatter keys instead of dropping them', async () => {
    const report = checkContent(folder({ 'notices/a.md': notice({ 发布时间: '"2024-03-01"' }) }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:6 发布时间 unknown-field']);
  });
  test('accepts 主题词 written on one line', async () => {
    const report = checkContent(folder({ 'notices/a.md': notice({ 主题词: '春耕 农业、通知' }) }));
    assert.deepEqual(report.content?.notices[0]!.keywords, ['春耕', '农业', '通知']);
  });
  test('uses site.yaml’s own 分类 list instead of the default taxonomy', async () => {
    const site = `${SITE}分类:\n  - 财政预决算\n  - 社会救助\n`;
    const report = checkContent(folder({ 'notices/a.md': notice({ 分类: '综合政务' }) }, { siteYaml: utf8(site) }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:4 分类 unknown-category']);
    assert.match(report.problems[0]!.fix!, /财政预决算|社会救助/);
  });
  test('a 解读 may not point at itself', async () => {
    const report = checkContent(folder({ 'notices/a.md': notice({ 解读: '"114400001234567890/2024-00001"' }) }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:6 解读 dangling-interpretation']);
  });
  test('a 替代文件 must name a notice on the site', async () => {
    const report = checkContent(folder({ 'notices/a.md': notice({ 替代文件: '"114400001234567890/2024-00009"' }) }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:6 替代文件 dangling-replacement']);
    assert.match(report.problems[0]!.message, /找不到索引号为 114400001234567890\/2024-00009 的新文件/);
  });
  test('an attachment path may not leave the attachments folder', async () => {
    const text = notice({ 附件: '\n  - 名称: 密码\n    文件: ../site.yaml' });
    const report = checkContent(folder({ 'notices/a.md': text }, { attachments: new Map([['../site.yaml', 1]]) }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:6 附件 missing-attachment']);
  });
  test('finds an existing attachment', async () => {
    const text = notice({ 附件: '\n  - 名称: 申报表\n    文件: 2024/b.docx' });
    const report = checkContent(folder({ 'notices/a.md': text }, { attachments: new Map([['2024/b.docx', 10]]) }));
    assert.deepEqual(report.problems, []);
  });
  test('warns about files in notices/ that are not notices', async () => {
    const report = checkContent(folder({ 'notices/a.md': notice({}) }, { strayFiles: ['notices/表格.xlsx'] }));
    assert.deepEqual(kinds(report.problems), ['notices/表格.xlsx:undefined 文件 stray-file']);
    assert.equal(report.problems[0]!.severity, 'warning');
    assert.ok(report.content, 'a warning does not stop the build');
  });
  test('reports a missing site.yaml, guide.md and an empty notices folder', async () => {
    const report = checkContent({ notices: [], strayFiles: [], attachments: new Map() });
    assert.deepEqual(report.problems.map((p) => p.kind).sort(), ['missing-guide', 'missing-site', 'no-notices']);
  });
  test('reports site.yaml problems with their line', async () => {
    const report = checkContent(
      folder(
        { 'notices/a.md': notice({}) },
        { siteYaml: utf8('机关名称: 测试镇\n机构代码: 12345\n电子邮箱: 不是邮箱\n') },
      ),
    );
    assert.deepEqual(kinds(report.problems), [
      'site.yaml:2 机构代码 bad-organ-code',
      'site.yaml:3 电子邮箱 invalid-value',
    ]);
  });
  test('reports a file without frontmatter', async () => {
    const report = checkContent(folder({ 'notices/a.md': '关于测试的通知\n\n正文。\n' }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:1 文件 no-frontmatter']);
  });
  test('reports a YAML error at the line of an unclosed quote', async () => {
    const report = checkContent(folder({ 'notices/a.md': notice({ 标题: '"未闭合的引号' }) }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:2 文件 yaml-syntax']);
  });
  test('reports a field written twice', async () => {
    const text = notice({}).replace('分类: 综合政务', '分类: 综合政务\n分类: 其他');
    assert.deepEqual(kinds(checkContent(folder({ 'notices/a.md': text })).problems), [
      'notices/a.md:5 文件 duplicate-key',
    ]);
  });
  test('reports an MDX syntax error at its line in the file', async () => {
    const text = notice({}, '第一段。\n\n价格 {未闭合\n');
    const report = checkContent(folder({ 'notices/a.mdx': text }));
    assert.deepEqual(kinds(report.problems), ['notices/a.mdx:10 正文 mdx-syntax']);
    assert.match(report.problems[0]!.fix!, /\.md/);
  });
  test('the same text is fine in a Markdown notice', async () => {
    assert.deepEqual(checkContent(folder({ 'notices/a.md': notice({}, '第一段。\n\n价格 {未闭合\n') })).problems, []);
  });
  test('rejects an image loaded from another site, naming its line', () => {
    const report = checkContent(
      folder({ 'notices/a.md': notice({}, '正文。\n\n![图](https://cdn.example.com/a.png)') }),
    );
    assert.deepEqual(kinds(report.problems), ['notices/a.md:10 正文 foreign-resource']);
  });
  test('rejects scripts, frames and inline event handlers in a body', () => {
    for (const html of [
      '<script>alert(1)</script>',
      '<iframe src="/map.html"></iframe>',
      '<p onclick="x()">点击</p>',
    ]) {
      const report = checkContent(folder({ 'notices/a.md': notice({}, `正文。\n\n${html}\n`) }));
      assert.deepEqual(kinds(report.problems), ['notices/a.md:10 正文 unsafe-html'], html);
    }
  });
  test('allows links to other sites and images from this site', () => {
    const body =
      '见[中国政府网](https://www.gov.cn/)。\n\n![图](/attachments/a.png)\n\n![图](https://gk.test.example.gov.cn/attachments/b.png)';
    const attachments = new Map([
      ['a.png', 1],
      ['b.png', 1],
    ]);
    assert.deepEqual(checkContent(folder({ 'notices/a.md': notice({}, body) }, { attachments })).problems, []);
  });
  test('rejects javascript: links in a body', () => {
    const report = checkContent(
      folder({ 'notices/a.md': notice({}, '正文。\n\n<a href="javascript:alert(1)">点击</a>\n') }),
    );
    assert.deepEqual(kinds(report.problems), ['notices/a.md:10 正文 unsafe-html']);
  });
  test('reports an attachment listed in the frontmatter that is not in the attachments folder', () => {
    const report = checkContent(
      folder({ 'notices/a.md': notice({ 附件: '\n  - 名称: 申报表\n    文件: 2024/b.docx' }) }),
    );
    assert.deepEqual(kinds(report.problems), ['notices/a.md:6 附件 missing-attachment']);
  });
  test('warns when a 废止日期 is given but the notice is not 废止', async () => {
    const report = checkContent(folder({ 'notices/a.md': notice({ 废止日期: '"2024-05-01"' }) }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:6 废止日期 repeal-without-status']);
  });
});

// Numbers made up for these tests, with valid check characters; none is real.
const ID = '440901199001017719';

describe('personal information (保密审查)', () => {
  test('reports an ID number in the body at its line in the file, masked', () => {
    const report = checkContent(folder({ 'notices/a.md': notice({}, `正文。\n\n申请人张三，身份证号${ID}。`) }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:10 正文 personal-info']);
    assert.equal(report.problems[0]!.severity, 'error');
    assert.match(report.problems[0]!.message, /居民身份证号码 4409\*{10}7719/);
    assert.equal(report.content, undefined, 'nothing is published');
  });
  test('reports mobiles in a table, in inline HTML, in the 标题 and in the 摘要', () => {
    const body =
      '名单如下：\n\n| 姓名 | 电话 |\n| --- | --- |\n| 张三 | 138 1234 5678 |\n\n联系人 <span>李四 139-1234-5678</span>';
    const text = notice({ 标题: '关于13712345678的通知', 摘要: '联系电话13612345678' }, body);
    assert.deepEqual(kinds(checkContent(folder({ 'notices/a.md': text })).problems), [
      'notices/a.md:2 标题 personal-info',
      'notices/a.md:6 摘要 personal-info',
      'notices/a.md:13 正文 personal-info',
      'notices/a.md:15 正文 personal-info',
    ]);
  });
  test('accepts a number listed under 允许公开 with a reason, and hands the exception to the build', () => {
    const text = notice(
      { 允许公开: '\n  - 值: 13800138000\n    理由: 农机服务热线，经本人同意公开' },
      '正文。\n\n服务热线：138 0013 8000。',
    );
    const report = checkContent(folder({ 'notices/a.md': text }));
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.content!.notices[0]!.allowedPersonalInfo, [
      { value: '13800138000', reason: '农机服务热线，经本人同意公开' },
    ]);
  });
  test('keeps a long unquoted 值 exact (the frontmatter is read as text)', () => {
    const text = notice(
      { 允许公开: '\n  - 值: 6222021234567890128\n    理由: 捐款专用账户' },
      '捐款账户：6222021234567890128。',
    );
    const report = checkContent(folder({ 'notices/a.md': text }));
    assert.deepEqual(report.problems, []);
    assert.equal(report.content!.notices[0]!.allowedPersonalInfo[0]!.value, '6222021234567890128');
  });
  test('treats a blank 允许公开 as absent', () => {
    const report = checkContent(folder({ 'notices/a.md': notice({ 允许公开: '""' }) }));
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.content!.notices[0]!.allowedPersonalInfo, []);
  });
  test('rejects a 允许公开 value without a reason', () => {
    const text = notice({ 允许公开: '\n  - 值: 13800138000' }, '服务热线：13800138000。');
    const report = checkContent(folder({ 'notices/a.md': text }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:6 允许公开.0 allowance-without-reason']);
    assert.match(report.problems[0]!.message, /138\*{4}8000/);
  });
  test('rejects a 允许公开 written as plain text instead of a list, saying so', () => {
    const report = checkContent(folder({ 'notices/a.md': notice({ 允许公开: '"13800138000"' }, '热线13800138000。') }));
    const problem = report.problems.find((p) => p.field === '允许公开')!;
    assert.equal(problem.kind, 'invalid-value');
    assert.match(problem.message, /允许公开应为列表/);
  });
  test('reports a misspelt key inside a 允许公开 item at the line of 允许公开', () => {
    const text = notice({ 允许公开: '\n  - 值: "13800138000"\n    原因: 热线' }, '热线13800138000。');
    const problems = checkContent(folder({ 'notices/a.md': text })).problems;
    assert.deepEqual(kinds(problems), [
      'notices/a.md:6 允许公开.0 allowance-without-reason',
      'notices/a.md:6 允许公开.0.原因 unknown-field',
    ]);
  });
  test('warns about a 允许公开 value that no longer occurs, at its line', () => {
    const text = notice({ 允许公开: '\n  - 值: "138 0013 8000"\n    理由: 服务热线' }, '服务热线：138****8000。');
    const report = checkContent(folder({ 'notices/a.md': text }));
    assert.deepEqual(kinds(report.problems), ['notices/a.md:7 允许公开 stale-allowance']);
    assert.equal(report.problems[0]!.severity, 'warning');
    assert.ok(report.content, 'a stale exception does not stop the build');
  });
  test('accepts the office’s own 电话 from site.yaml', () => {
    const siteYaml = utf8(`${SITE}电话: "13800138000"\n`);
    assert.deepEqual(
      checkContent(folder({ 'notices/a.md': notice({}, '咨询电话：13800138000。') }, { siteYaml })).problems,
      [],
    );
  });
  test('does not flag 索引号, 文号, dates, landlines or amounts', () => {
    const body = [
      '根据示镇府〔2024〕12号（索引号 114400001234567890/2024-00001），自2024年3月1日（20240301）起施行。',
      '',
      '咨询电话：0758-1234567，(0758)1234567，或拨打12345。',
      '',
      '| 项目 | 金额（元） |',
      '| --- | ---: |',
      '| 总投资 | 13800000000 |',
      '| 合计 | 13,800,000,000.00 |',
      '',
      '总投资13800000000元。',
    ].join('\n');
    assert.deepEqual(checkContent(folder({ 'notices/a.md': notice({}, body) })).problems, []);
  });
});

describe('a new notice’s placeholder body', () => {
  test('is a warning on its line until the editor writes the text', () => {
    const report = checkContent(folder({ 'notices/a.md': notice({}, '\n（在此填写正文。）\n') }));
    assert.deepEqual(
      report.problems.map((p) => [p.kind, p.severity, p.field]),
      [['placeholder-body', 'warning', '正文']],
    );
    assert.ok(report.content, 'check passes: a file `npm run new` just wrote');
    assert.equal(report.problems[0]!.line, 9);
    assert.equal(report.problems[0]!.message, '生成网站时这是错误：正文中还有新建时的占位文字“（在此填写正文。）”');
  });
  test('is an error when building: the build publishes nothing', () => {
    const files = folder({ 'notices/a.md': notice({}, '\n（在此填写正文。）\n') });
    const report = checkContent(files, undefined, { purpose: 'build' });
    assert.deepEqual(
      report.problems.map((p) => [p.kind, p.severity, p.field, p.line]),
      [['placeholder-body', 'error', '正文', 9]],
    );
    assert.equal(report.content, undefined);
  });
  test('building content without it is the same as checking it', () => {
    const files = folder({ 'notices/a.md': notice({}) });
    assert.deepEqual(checkContent(files, undefined, { purpose: 'build' }), checkContent(files));
  });
});

describe('dead internal links', () => {
  const other = notice({ 索引号: '"114400001234567890/2024-00002"', 标题: '关于另一事项的通知' });
  test('accepts links to notices, pages and attachments that exist', () => {
    const body = [
      '见[另一通知](/xxgk/114400001234567890-2024-00002/)、[目录](/mulu/)、[指南](/zhinan/#一)、[搜索](/sousuo/?q=春耕)、',
      '[数据](/data/catalogue.csv)、[附件](/attachments/2024/a.pdf)、[附件](../../attachments/2024/a.pdf)。',
    ].join('\n');
    const report = checkContent(
      folder(
        { 'notices/2024/a.md': notice({}, body), 'notices/2024/b.md': other },
        { attachments: new Map([['2024/a.pdf', 1]]) },
      ),
    );
    assert.deepEqual(report.problems, []);
  });
  test('a link to another notice’s source file is an error that names the notice’s URL', () => {
    const report = checkContent(
      folder({ 'notices/2024/a.md': notice({}, '见[原文](./b.md)。\n'), 'notices/2024/b.md': other }),
    );
    assert.deepEqual(
      report.problems.map((p) => [p.kind, p.fix]),
      [['dead-link', '改为该公文的网址 /xxgk/114400001234567890-2024-00002/']],
    );
  });
  test('reports a link to a 索引号 no notice has, with the link and a fix', () => {
    const report = checkContent(
      folder({ 'notices/a.md': notice({}, '正文。\n\n见[旧文](/xxgk/114400001234567890-2023-00009/)。') }),
    );
    assert.deepEqual(kinds(report.problems), ['notices/a.md:10 正文 dead-link']);
    assert.match(report.problems[0]!.message, /\/xxgk\/114400001234567890-2023-00009\//);
    assert.match(report.problems[0]!.fix!, /索引号/);
  });
  test('reports a missing attachment, an unknown page and a missing notice file', () => {
    const body = '[表](attachments/2024/nope.pdf)\n\n[关于](/guanyu/)\n\n[原文](../2023/nope.md)';
    const report = checkContent(folder({ 'notices/2024/a.md': notice({}, body) }));
    assert.deepEqual(kinds(report.problems), [
      'notices/2024/a.md:8 正文 dead-link',
      'notices/2024/a.md:10 正文 dead-link',
      'notices/2024/a.md:12 正文 dead-link',
    ]);
  });
  test('does not call a link dead when the notice it points at has another error', () => {
    const broken = notice({ 索引号: '"114400001234567890/2024-00002"', 分类: '不存在的分类' });
    const report = checkContent(
      folder({
        'notices/a.md': notice({}, '见[通知](/xxgk/114400001234567890-2024-00002/)。'),
        'notices/b.md': broken,
      }),
    );
    assert.deepEqual(kinds(report.problems), ['notices/b.md:4 分类 unknown-category']);
  });
  test('reports dead links in the 指南', () => {
    const guide = utf8('# 指南\n\n见[申请表](/attachments/shenqingbiao.docx)和[目录](/mulu/)。\n');
    const report = checkContent(folder({ 'notices/a.md': notice({}) }, { guide }));
    assert.deepEqual(kinds(report.problems), ['guide.md:3 正文 dead-link']);
  });
});
