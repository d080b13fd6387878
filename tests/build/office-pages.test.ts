/**
 * The office's own pages and the 专栏 home: /zhidu/ (zhidu.md and the 制度 column), /jigou/
 * (jigou.yaml and site.yaml's contacts) and the home's blocks, built from the office fixture —
 * once as a township with notices in the 制度 and 社会救助 columns and a 年度报告, once without
 * zhidu.md and jigou.yaml under a sub-path.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { fixture, page, runScript, tempDir, text } from './helpers.ts';

/** The office fixture, copied, with `edit` applied to the copy: returns the copy's path. */
function officeCopy(edit: (dir: string) => void): string {
  const dir = join(tempDir('office-pages'), 'content');
  cpSync(fixture('office'), dir, { recursive: true });
  edit(dir);
  return dir;
}

const notice = (fields: Record<string, string>, body: string) =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}\n`;

/** Row header → the row's other cells, for a table whose rows start with a <th>. */
const rows = (table: HTMLElement | null) =>
  (table?.querySelectorAll('tbody tr') ?? []).map((tr) => [
    text(tr.querySelector('th')),
    ...tr.querySelectorAll('td').map(text),
  ]);

describe('a township with zhidu.md, jigou.yaml and notices in its columns', () => {
  let out = '';
  before(() => {
    const content = officeCopy((dir) => {
      appendFileSync(join(dir, 'site.yaml'), '机构类型: 乡镇\n');
      writeFileSync(
        join(dir, 'notices/2024/baomi-shencha.md'),
        notice(
          {
            标题: '测试镇政府信息公开保密审查办法',
            索引号: '"114400001234567890/2024-00004"',
            分类: '综合政务',
            发布日期: '"2024-06-01"',
            栏目: '政府信息公开制度',
          },
          '第一条 未经保密审查的政府信息不得公开。',
        ),
      );
      writeFileSync(
        join(dir, 'notices/2024/dibao.md'),
        notice(
          {
            标题: '测试镇2024年第二季度低保金发放情况公示',
            索引号: '"114400001234567890/2024-00005"',
            分类: '民政、扶贫、救灾',
            发布日期: '"2024-07-01"',
            栏目: '社会救助',
          },
          '本季度共发放低保金12.6万元。',
        ),
      );
      writeFileSync(
        join(dir, 'notices/2024/nianbao.md'),
        notice(
          {
            标题: '测试镇人民政府2023年政府信息公开工作年度报告',
            索引号: '"114400001234567890/2024-00006"',
            分类: '综合政务',
            发布日期: '"2024-01-20"',
          },
          '本报告依据《中华人民共和国政府信息公开条例》编制。',
        ),
      );
    });
    out = join(content, '..', 'dist');
    const result = runScript('build', ['--content', content, '--out', out]);
    assert.equal(result.status, 0, result.stderr + result.stdout);
  });

  test('/zhidu/ shows zhidu.md, then the notices of the 制度 column', () => {
    const html = page(out, '/zhidu/');
    assert.equal(text(html.querySelector('h1')), '测试镇人民政府政府信息公开制度');
    const prose = html.querySelector('.prose')!;
    assert.equal(text(prose.querySelector('h2')), '一、主动公开');
    assert.match(text(prose), /未经保密审查的信息不得公开。/);
    assert.equal(prose.querySelector('a')?.getAttribute('href'), '/zhinan/', 'its links lead to the site’s pages');
    const list = html.querySelector('section[aria-labelledby=rules-notices-heading]')!;
    assert.equal(text(list.querySelector('h2')), '相关制度文件');
    assert.deepEqual(
      list.querySelectorAll('li a').map((a) => [text(a), a.getAttribute('href')]),
      [['测试镇政府信息公开保密审查办法', '/xxgk/114400001234567890-2024-00004/']],
    );
    assert.equal(html.querySelector('.empty-note'), null);
    assert.equal(html.querySelector('meta[name=ColumnName]')?.getAttribute('content'), '政府信息公开制度');
    assert.deepEqual(html.querySelectorAll('.breadcrumb li').map(text), ['首页', '政府信息公开制度']);
  });

  test('/jigou/ shows 机构职能, the 内设机构 and 负责人 tables, then the contacts', () => {
    const html = page(out, '/jigou/');
    assert.equal(text(html.querySelector('h1')), '测试镇人民政府机构信息');
    assert.deepEqual(html.querySelectorAll('main h2').map(text), [
      '机构职能',
      '内设机构',
      '负责人',
      '办公地址和联系方式',
    ]);
    assert.deepEqual(
      html.querySelectorAll('section[aria-labelledby=organ-functions-heading] p').map(text),
      [
        '（一）贯彻执行党和国家的方针政策和上级国家行政机关的决定、命令。',
        '（二）执行本镇经济和社会发展计划、预算，管理本镇经济、社会事务。',
      ],
      'one paragraph a line',
    );
    const departments = html.querySelector('table.organ-table--departments');
    assert.deepEqual(departments?.querySelectorAll('thead th').map(text), ['名称', '职责', '电话']);
    assert.deepEqual(rows(departments), [
      ['党政综合办公室', '负责文电、会务、政务公开等工作。', '0758-0000003'],
      ['社会事务办公室', '负责民政、社会救助和社会保障工作。', ''],
    ]);
    const leaders = html.querySelector('table.organ-table--leaders');
    assert.deepEqual(leaders?.querySelectorAll('thead th').map(text), ['姓名', '职务', '分工']);
    assert.deepEqual(rows(leaders), [
      ['王测试', '镇长', '主持镇人民政府全面工作。'],
      ['李示范', '副镇长', '负责民政、社会救助工作，分管社会事务办公室。'],
    ]);
    assert.deepEqual(Object.fromEntries(rows(html.querySelector('table.contacts'))), {
      办公地址: '测试县测试镇人民路1号镇政府大楼',
      办公时间: '周一至周五 8:30-12:00 14:30-17:30',
      联系电话: '0758-0000001',
      传真: '0758-0000002',
      电子邮箱: 'gk@test.example.gov.cn',
    });
    assert.equal(html.querySelector('meta[name=ColumnName]')?.getAttribute('content'), '机构信息');
  });

  test('the home has a block for each part of the 专栏, each linking to its page', () => {
    const html = page(out, '/');
    const blocks = html.querySelectorAll('main section.home-block');
    assert.deepEqual(
      blocks.map((s) => {
        const link = s.querySelector('h2 a')!;
        assert.equal(s.getAttribute('aria-labelledby'), s.querySelector('h2')!.id, 'the heading names the section');
        return [text(link), link.getAttribute('href')];
      }),
      [
        ['政府信息公开指南', '/zhinan/'],
        ['政府信息公开制度', '/zhidu/'],
        ['政府信息公开目录', '/mulu/'],
        ['政府信息公开年报', '/nianbao/'],
        ['依申请公开', '/yishenqing/'],
        ['机构信息', '/jigou/'],
      ],
    );
    assert.match(text(blocks[2]), /共 11 条/);
    const report = blocks[3]!.querySelectorAll('a')[1]!;
    assert.equal(text(report), '测试镇人民政府2023年政府信息公开工作年度报告');
    assert.equal(report.getAttribute('href'), '/xxgk/114400001234567890-2024-00006/');
  });

  test('every link on the home leads to a built page, except the pages others are building', () => {
    const hrefs = page(out, '/')
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href')!);
    // /fading/ and /yishenqing/ are the 法定主动公开内容 and 依申请公开 pages, made elsewhere.
    const elsewhere = (href: string) => href.startsWith('/fading/') || href === '/yishenqing/';
    assert.ok(hrefs.includes('/yishenqing/') && hrefs.includes('/fading/'));
    for (const href of hrefs.filter((h) => !elsewhere(h))) assert.ok(page(out, href), href);
  });

  test('the 法定主动公开内容 block lists the 第二十条 and 第二十一条 columns with their counts', () => {
    const block = page(out, '/').querySelector('section.home-columns')!;
    assert.equal(block.querySelector('h2 a')?.getAttribute('href'), '/fading/');
    assert.deepEqual(block.querySelectorAll('h3').map(text), [
      '《条例》第二十条规定的内容',
      '《条例》第二十一条规定的内容',
    ]);
    const columns = block
      .querySelectorAll('li')
      .map((li) => [
        text(li.querySelector('a')),
        li.querySelector('a')!.getAttribute('href'),
        text(li.querySelector('.home-columns__count')),
      ]);
    assert.equal(
      columns.length,
      15 + 8,
      'Art. 20 and Art. 21 for a township; 制度, 解读 and 年报 have blocks of their own',
    );
    assert.deepEqual(columns[0], ['规章和规范性文件', '/fading/guifan/', '2 条']);
    assert.deepEqual(columns[1], ['机构职能', '/fading/jigou/', ''], 'jigou.yaml is its content: no count of 0');
    assert.deepEqual(
      columns.find(([name]) => name === '社会救助'),
      ['社会救助', '/fading/jiuzhu/', '1 条'],
    );
    assert.deepEqual(
      columns.find(([name]) => name === '规划信息'),
      ['规划信息', '/fading/guihua/', '0 条'],
    );
  });

  test('the home’s search form sends the words to /sousuo/ without JavaScript, in place of the header’s', () => {
    const html = page(out, '/');
    const forms = html.querySelectorAll('form[role=search]');
    assert.equal(forms.length, 1);
    assert.equal(forms[0]!.getAttribute('action'), '/sousuo/');
    assert.equal(forms[0]!.getAttribute('method'), 'get');
    assert.ok(forms[0]!.closest('main'), 'the form is the page’s own');
    const input = forms[0]!.querySelector('input[name=q]')!;
    assert.equal(text(forms[0]!.querySelector(`label[for=${input.id}]`)), '搜索政府信息');
  });

  test('the latest ten notices are listed newest first', () => {
    const latest = page(out, '/').querySelectorAll('.latest li time').map(text);
    assert.equal(latest.length, 10);
    assert.deepEqual(latest, [...latest].sort().reverse());
  });
});

describe('an office without zhidu.md and jigou.yaml, under a sub-path', () => {
  let out = '';
  before(() => {
    const content = officeCopy((dir) => {
      rmSync(join(dir, 'zhidu.md'));
      rmSync(join(dir, 'jigou.yaml'));
    });
    out = join(content, '..', 'dist');
    const result = runScript('build', ['--content', content, '--out', out, '--base', '/gk/']);
    assert.equal(result.status, 0, result.stderr + result.stdout);
  });

  test('/zhidu/ still exists and says plainly that no 制度 is published yet', () => {
    const html = page(out, '/zhidu/');
    assert.equal(html.querySelector('.prose'), null);
    assert.equal(text(html.querySelector('main .empty-note')), '本机关尚未公布政府信息公开制度。');
  });

  test('/jigou/ shows the contact details from site.yaml only', () => {
    const html = page(out, '/jigou/');
    assert.deepEqual(html.querySelectorAll('main h2').map(text), ['办公地址和联系方式']);
    assert.equal(html.querySelector('table.organ-table'), null);
    assert.deepEqual(Object.fromEntries(rows(html.querySelector('table.contacts'))), {
      办公地址: '测试县测试镇人民路1号',
      办公时间: '周一至周五 8:30-12:00 14:30-17:30',
      联系电话: '0758-0000001',
      传真: '0758-0000002',
      电子邮箱: 'gk@test.example.gov.cn',
    });
  });

  test('every link and form of the home, /zhidu/ and /jigou/ starts with the base path', () => {
    for (const path of ['/', '/zhidu/', '/jigou/']) {
      const html = page(out, path);
      const urls = [
        ...html.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!),
        ...html.querySelectorAll('form').map((f) => f.getAttribute('action')!),
      ].filter((u) => u.startsWith('/'));
      assert.ok(urls.length > 5, path);
      for (const url of urls) assert.ok(url.startsWith('/gk/'), `${path}: ${url}`);
    }
    assert.ok(existsSync(join(out, 'zhidu/index.html')) && existsSync(join(out, 'jigou/index.html')));
  });
});
