/**
 * The lists beside the 目录, on the example office (content/): 法定主动公开内容 and its columns,
 * 规范性文件, 政策解读, and the 年度报告 on /nianbao/.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { page, ROOT, runScript, tempDir, text } from './helpers.ts';

const notice = (serial: string) => `/xxgk/11441299MB2E00012L-${serial}/`;
/** The notice pages a list links to, in its order, as `2024-00004`. */
const linked = (rows: HTMLElement[], selector = '.catalogue__title > a') =>
  rows.map((row) => /-(\d{4}-\d{5})\/$/.exec(row.querySelector(selector)!.getAttribute('href')!)![1]);
const meta = (html: HTMLElement, name: string) => html.querySelector(`meta[name=${name}]`)?.getAttribute('content');

describe('the lists of the example office', () => {
  let out = '';
  const at = (path: string) => page(out, path);
  before(() => {
    out = join(tempDir('lists'), 'dist');
    const result = runScript('build', ['--content', join(ROOT, 'content'), '--out', out]);
    assert.equal(result.status, 0, result.stderr + result.stdout);
  });

  test('every section page carries the government meta tags with its own column', () => {
    const sections: [string, string, string][] = [
      ['/', '首页', '信息发布'],
      ['/zhidu/', '政府信息公开制度', '信息发布'],
      ['/jigou/', '机构信息', '信息发布'],
      ['/fading/', '法定主动公开内容', '信息发布'],
      ['/fading/jiuzhu/', '社会救助', '信息发布'],
      ['/guifan/', '规范性文件', '信息发布'],
      ['/jiedu/', '政策解读', '解读回应'],
      ['/nianbao/', '政府信息公开年报', '信息发布'],
      ['/yishenqing/', '依申请公开', '信息发布'],
      ['/yishenqing/shenqingbiao/', '依申请公开', '信息发布'],
    ];
    for (const [path, column, type] of sections) {
      const html = at(path);
      assert.equal(meta(html, 'SiteName'), '示例镇人民政府', path);
      assert.equal(meta(html, 'SiteIDCode'), '4412990001', path);
      assert.equal(meta(html, 'ColumnName'), column, path);
      assert.equal(meta(html, 'ColumnType'), type, path);
      assert.equal(meta(html, 'Url'), `https://gk.shilizhen.example.gov.cn${path}`, path);
    }
  });

  test('/fading/ lists the 14 columns of site.yaml, grouped where the law asks for them, with their notice counts', () => {
    const html = at('/fading/');
    const entries = html.querySelectorAll('.column-entry');
    const counts = Object.fromEntries(
      entries.map((e) => [text(e.querySelector('.column-entry__name')), text(e.querySelector('.column-entry__count'))]),
    );
    // Counted from the notices' 栏目, plus what a column takes by kind: 规范性文件, 解读, 年度报告.
    assert.deepEqual(counts, {
      规章和规范性文件: '3 条信息',
      机构职能: '0 条信息',
      规划信息: '2 条信息',
      财政预决算: '3 条信息',
      重大建设项目: '2 条信息',
      民生政策: '8 条信息',
      突发公共事件: '4 条信息',
      监督检查: '4 条信息',
      农业农村政策: '6 条信息',
      宅基地审核: '3 条信息',
      社会救助: '3 条信息',
      政府信息公开制度: '0 条信息',
      政策解读: '1 条信息',
      政府信息公开年报: '3 条信息',
    });
    assert.deepEqual(html.querySelectorAll('main h2').map(text), [
      '《条例》第二十条规定的内容',
      '《条例》第二十一条规定的内容',
      '政务公开平台栏目',
    ]);
    const rescue = entries.find((e) => text(e.querySelector('h3')) === '社会救助')!;
    assert.equal(rescue.querySelector('h3 a')!.getAttribute('href'), '/fading/jiuzhu/');
    assert.match(text(rescue), /依据：《条例》第二十一条/);
    const normative = entries.find((e) => text(e.querySelector('h3')) === '规章和规范性文件')!;
    assert.match(text(normative), /依据：《条例》第二十条第（一）项/);
    assert.match(text(normative), /行政法规、规章和规范性文件/);
  });

  test('/fading/ links each column that has a page of its own to that page', () => {
    const seeAlso = Object.fromEntries(
      at('/fading/')
        .querySelectorAll('.column-entry')
        .filter((e) => e.querySelector('.column-entry__page'))
        .map((e) => [text(e.querySelector('h3')), e.querySelector('.column-entry__page a')!.getAttribute('href')]),
    );
    assert.deepEqual(seeAlso, {
      规章和规范性文件: '/guifan/',
      机构职能: '/jigou/',
      政府信息公开制度: '/zhidu/',
      政策解读: '/jiedu/',
      政府信息公开年报: '/nianbao/',
    });
  });

  test('/fading/jiuzhu/ holds exactly the two 低保 notices and the 细则, newest first, in the 目录 table', () => {
    const html = at('/fading/jiuzhu/');
    assert.equal(text(html.querySelector('h1')), '社会救助');
    assert.deepEqual(html.querySelectorAll('table.catalogue thead th').map(text), [
      '索引号',
      '标题',
      '文号',
      '发布日期',
      '分类',
    ]);
    const rows = html.querySelectorAll('table.catalogue tbody tr');
    assert.deepEqual(linked(rows), ['2025-00009', '2025-00010', '2022-00004']);
    assert.equal(text(rows[0]!.querySelectorAll('td')[2]), '', 'the 公示 has no 文号: an empty cell, not 无');
    assert.equal(meta(html, 'ColumnName'), '社会救助');
    assert.deepEqual(html.querySelectorAll('.breadcrumb li').map(text), ['首页', '法定主动公开内容', '社会救助']);
  });

  test('/fading/guifan/ holds the three 规范性文件, by kind, without their 栏目 naming it', () => {
    const rows = at('/fading/guifan/').querySelectorAll('table.catalogue tbody tr');
    assert.deepEqual(linked(rows), ['2025-00010', '2024-00004', '2021-00003']);
  });

  test('an empty column says so plainly, and points to its page where it has one', () => {
    const organ = at('/fading/jigou/');
    assert.equal(organ.querySelector('table'), null);
    assert.match(text(organ.querySelector('.list-empty')), /暂无单独发布的信息/);
    assert.equal(organ.querySelector('.column-page__own a')!.getAttribute('href'), '/jigou/');
  });

  test('/guifan/ shows each 规范性文件 with 文号, 标题, 成文日期, 发布日期 and 有效性', () => {
    const html = at('/guifan/');
    assert.equal(meta(html, 'ColumnName'), '规范性文件');
    assert.deepEqual(html.querySelectorAll('table.normative thead th').map(text), [
      '文号',
      '标题',
      '成文日期',
      '发布日期',
      '有效性',
    ]);
    const rows = html.querySelectorAll('table.normative tbody tr');
    assert.deepEqual(linked(rows), ['2025-00010', '2024-00004', '2021-00003']);
    const cells = (row: HTMLElement) => row.querySelectorAll('td').map(text);
    assert.deepEqual(cells(rows[1]!).slice(2), ['2024-06-21', '2024-06-28', '有效']);
    assert.equal(cells(rows[1]!)[0], '示镇府〔2024〕18号');
  });

  test('/guifan/: the repealed 暂行办法 shows its 废止日期 and links the 办法 that replaced it', () => {
    const repealed = at('/guifan/').querySelectorAll('table.normative tbody tr')[2]!;
    const validity = repealed.querySelector('.normative__validity')!;
    assert.equal(text(validity.querySelector('span')), '废止');
    assert.match(text(validity), /废止日期：2024-07-01/);
    const replacement = validity.querySelector('a')!;
    assert.equal(replacement.getAttribute('href'), notice('2024-00004'));
    assert.equal(text(replacement), '示例镇农村宅基地审批管理办法');
  });

  test('/guifan/ narrows by 有效性 and by the year of the 成文日期, with counts, without JavaScript', () => {
    const nav = at('/guifan/').querySelector('nav.catalogue-nav')!;
    assert.deepEqual(
      nav.querySelectorAll('a').map((a) => `${a.getAttribute('href')} ${text(a)}`),
      [
        '/guifan/ 全部规范性文件（3）',
        '/guifan/youxiaoxing/youxiao/ 有效（2）',
        '/guifan/youxiaoxing/feizhi/ 废止（1）',
        '/guifan/nianfen/2025/ 2025（1）',
        '/guifan/nianfen/2024/ 2024（1）',
        '/guifan/nianfen/2021/ 2021（1）',
      ],
    );
    const repealed = at('/guifan/youxiaoxing/feizhi/');
    assert.deepEqual(linked(repealed.querySelectorAll('table.normative tbody tr')), ['2021-00003']);
    assert.equal(text(repealed.querySelector('h1')), '规范性文件：有效性：废止');
    assert.equal(
      repealed.querySelector('nav.catalogue-nav a[aria-current=page]')?.getAttribute('href'),
      '/guifan/youxiaoxing/feizhi/',
    );
    const inForce = at('/guifan/youxiaoxing/youxiao/').querySelectorAll('table.normative tbody tr');
    assert.deepEqual(linked(inForce), ['2025-00010', '2024-00004']);
    assert.deepEqual(linked(at('/guifan/nianfen/2024/').querySelectorAll('table.normative tbody tr')), ['2024-00004']);
  });

  test('/jiedu/ shows each 解读 beside the document it interprets, with its 文号 and 有效性', () => {
    const html = at('/jiedu/');
    assert.equal(meta(html, 'ColumnName'), '政策解读');
    assert.equal(meta(html, 'ColumnType'), '解读回应');
    const rows = html.querySelectorAll('table.pairs tbody tr');
    assert.equal(rows.length, 1);
    const [interpretation, original] = rows[0]!.querySelectorAll('td');
    assert.equal(interpretation!.querySelector('a')!.getAttribute('href'), notice('2024-00005'));
    assert.match(text(interpretation), /发布日期 2024-06-28/);
    assert.equal(original!.querySelector('a')!.getAttribute('href'), notice('2024-00004'));
    assert.match(text(original), /文号 示镇府〔2024〕18号/);
    assert.match(text(original), /有效性 有效/);
  });

  test('/nianbao/ lists every 年度报告, latest year first, before the figures', () => {
    const html = at('/nianbao/');
    assert.equal(meta(html, 'ColumnName'), '政府信息公开年报');
    const reports = html.querySelectorAll('.report-list li');
    assert.deepEqual(
      reports.map((li) => `${text(li.querySelector('a'))} ${li.querySelector('a')!.getAttribute('href')}`),
      [`2025年度 ${notice('2026-00001')}`, `2024年度 ${notice('2025-00001')}`, `2021年度 ${notice('2022-00001')}`],
    );
    assert.match(text(reports[0]), /发布日期 2026-01-23/);
    assert.deepEqual(html.querySelectorAll('main h2').map(text), ['历年年度报告', '年度报告数据']);
    assert.equal(text(html.querySelector('#year-2024')), '2024年', 'the figures follow, year by year');
  });

  test('the sitemap lists the lists, each dated by its newest entry', () => {
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    const site = 'https://gk.shilizhen.example.gov.cn';
    for (const [path, lastmod] of [
      ['/fading/', '2026-'],
      ['/fading/jiuzhu/', '2025-12-30'],
      ['/guifan/', '2025-09-15'],
      ['/jiedu/', '2024-06-28'],
    ])
      assert.match(sitemap, new RegExp(`<loc>${site}${path}</loc><lastmod>${lastmod}`), path);
    assert.match(sitemap, new RegExp(`<loc>${site}/fading/jigou/</loc></url>`), 'an empty column has no date');
  });

  test('no list shows 无 or a dash, or a label without its value, for a field a notice leaves empty', () => {
    for (const path of ['/fading/', '/fading/jiuzhu/', '/fading/minsheng/', '/guifan/', '/jiedu/', '/nianbao/']) {
      const placeholders = at(path)
        .querySelectorAll('main td, main .column-entry__meta span, main .normative__detail, main .pairs__meta')
        .map(text)
        .filter((t) => /^(无|-|—|暂无)$/.test(t) || /^(文号|有效性|发布日期|废止日期|替代文件|依据)[：\s]*$/.test(t));
      assert.deepEqual(placeholders, [], path);
    }
  });
});
