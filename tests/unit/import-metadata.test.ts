import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { findMetadata } from '../../src/import/find-metadata.ts';
import { classifyPage } from '../../src/import/page-kind.ts';
import { readPage } from '../../src/import/read-page.ts';
import { DEFAULT_TAXONOMY } from '../../src/domain/notice/taxonomy.ts';
import { fixturePage } from '../fixtures/import/mirror.ts';

const documentOf = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;
const bodyOf = (body: string, head = '') =>
  documentOf(`<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);

/** The first value found for each field, as written. */
function firstValues(document: Document): Record<string, string> {
  const { candidates } = findMetadata(document);
  return Object.fromEntries([...candidates].map(([key, values]) => [key, values[0]!.text]));
}

const read = (html: string, path = 'page.html') => {
  const result = readPage(new TextEncoder().encode(html), path, { taxonomy: DEFAULT_TAXONOMY });
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.page;
};

describe('findMetadata: labels whatever the template', () => {
  test('label/value table cells, labels spaced out with &nbsp;, half the labels 名称-style', () => {
    assert.deepEqual(firstValues(documentOf(fixturePage('table'))), {
      索引号: '007141332/2010-02262',
      分类: '综合政务\\政务公开',
      发布机构: '肇庆市人民政府办公室',
      成文日期: '2010年04月19日',
      标题: '肇庆市人民政府办公室关于做好2010年政务公开工作的通知',
      文号: '肇府办[2010]31号',
      发布日期: '2010-04-24',
      主题词: '行政事务 政务公开 通知',
    });
  });
  test('“标签：值” lines in a list, several labels on one line, other labels ending a value', () => {
    const values = firstValues(documentOf(fixturePage('lines')));
    assert.equal(values['索引号'], '11441200MB2C00001A/2021-00015');
    assert.equal(values['发布机构'], '示例县农业农村局');
    assert.equal(values['发布日期'], '2021/3/5');
    assert.equal(values['文号'], '示农〔2021〕8号');
    assert.equal(values['有效性'], '现行有效');
    const line = firstValues(
      bodyOf('<div>发布时间：2021-03-05 09:30　来源：县农业农村局　浏览次数：123　字号：大 中 小</div>'),
    );
    assert.deepEqual(line, { 发布日期: '2021-03-05 09:30', 发布机构: '县农业农村局' });
  });
  test('繁體 labels in th cells, full-width and half-width colons, definition lists', () => {
    const values = firstValues(documentOf(fixturePage('big5')));
    assert.equal(values['文号'], '肇府辦〔2010〕32號');
    assert.equal(values['发布日期'], '2010年4月26日');
    assert.equal(values['分类'], '綜合政務');
    const dl = firstValues(
      bodyOf('<dl><dt>索引号:</dt><dd>007141332/2010-00001</dd><dt>發佈日期</dt><dd>2010-01-05</dd></dl>'),
    );
    assert.deepEqual(dl, { 索引号: '007141332/2010-00001', 发布日期: '2010-01-05' });
  });
  test('labels in 【】 brackets', () => {
    assert.deepEqual(firstValues(bodyOf('<p>【发布日期】2010-04-24 【信息来源】市府办 【字体：大 中 小】</p>')), {
      发布日期: '2010-04-24',
      发布机构: '市府办',
    });
  });
  test('a label inside a longer word is not a label: 项目名称 is not 名称', () => {
    assert.deepEqual(firstValues(bodyOf('<p>项目名称：村道硬化工程</p><p>会议时间：3月5日</p>')), {});
  });
  test('a value is taken from the next cell only: a header row of labels gives nothing', () => {
    assert.deepEqual(
      firstValues(
        bodyOf(
          '<table><tr><th>索引号</th><th>标题</th><th>发布日期</th></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>',
        ),
      ),
      {},
    );
  });
  test('meta tags when labels are missing, then the <title> without the site name', () => {
    const values = firstValues(documentOf(fixturePage('meta')));
    assert.equal(values['标题'], '示例市人民政府关于公布第三批市级非物质文化遗产代表性项目名录的通知');
    assert.equal(values['发布日期'], '2019-11-08 10:20');
    assert.equal(values['发布机构'], '示例市人民政府办公室');
    assert.equal(
      firstValues(
        bodyOf('<p>发布日期：2020-01-02</p>', '<title>关于2021-2025年规划的通知_示例县人民政府门户网站</title>'),
      )['标题'],
      '关于2021-2025年规划的通知',
    );
  });
  test('a page label is preferred to a meta tag, a meta tag to a bare 时间：', () => {
    const document = bodyOf(
      '<p>发布日期：2020-01-02</p><p>时间：2020-05-06</p>',
      '<meta name="PubDate" content="2020-03-04">',
    );
    assert.deepEqual(
      findMetadata(document)
        .candidates.get('发布日期')!
        .map((v) => v.text),
      ['2020-01-02', '2020-03-04', '2020-05-06'],
    );
  });
});

describe('classifyPage', () => {
  const kind = (document: Document, path = 'a.html') => classifyPage(document, findMetadata(document), path);
  test('disclosure pages: labels, or the article meta tags', () => {
    for (const name of ['table', 'lines', 'big5', 'meta'] as const)
      assert.deepEqual(kind(documentOf(fixturePage(name))), { disclosure: true }, name);
  });
  test('list pages: rows of links with dates, paging; a label repeated on every row', () => {
    const list = kind(documentOf(fixturePage('list')));
    assert.equal(list.disclosure, false);
    assert.match(!list.disclosure ? list.reason : '', /列表页/);
    const rows = Array.from(
      { length: 5 },
      (_, i) => `<li><a href="${i}.html">通知${i}</a> 发布日期：2020-01-0${i + 1}</li>`,
    );
    assert.match(JSON.stringify(kind(bodyOf(`<ul>${rows.join('')}</ul>`))), /列表页/);
  });
  test('search and other pages', () => {
    assert.match(JSON.stringify(kind(bodyOf('<p>没有找到相关结果</p>'), 'search/index.html')), /搜索页/);
    assert.match(JSON.stringify(kind(bodyOf('<p>欢迎访问</p>'))), /不是信息公开页面/);
  });
});

describe('readPage', () => {
  test('normalises what it found and names the catalogue fields the page lacks', () => {
    const page = read(fixturePage('lines'));
    assert.deepEqual(page.fields, {
      标题: '示例县农业农村局关于开展2021年春季农作物病虫害统防统治工作的通知',
      发布日期: '2021-03-05',
      索引号: '11441200MB2C00001A/2021-00015',
      文号: '示农〔2021〕8号',
      分类: '农业、林业、水利',
      发布机构: '示例县农业农村局',
      成文日期: '2021-03-02',
      主题词: ['病虫害', '统防统治', '春季'],
      有效性: '有效',
    });
    assert.deepEqual(page.missing, []);
  });
  test('a 繁體 page keeps its 繁體 values; its 分类 is the taxonomy entry', () => {
    const page = read(fixturePage('big5'));
    assert.equal(page.fields['标题'], '肇慶市人民政府辦公室關於加強政府信息公開工作的通知');
    assert.equal(page.fields['文号'], '肇府辦〔2010〕32號');
    assert.equal(page.fields['发布机构'], '肇慶市人民政府辦公室');
    assert.deepEqual(page.fields['主题词'], ['政務公開', '信息公開']);
    assert.equal(page.fields['分类'], '综合政务');
  });
  test('an unknown 分类 is written as found and reported, or replaced by --分类 with a note', () => {
    const html = bodyOf(
      '<p>索引号：007141332/2010-00001</p><p>分类：通知公告</p><p>标题：关于测试的通知</p><p>发布日期：2010-01-02</p>',
    ).documentElement.outerHTML;
    const page = read(html);
    assert.equal(page.fields['分类'], '通知公告');
    assert.ok(page.notes.some((n) => /不在分类表中/.test(n)));
    const withDefault = readPage(new TextEncoder().encode(html), 'a.html', {
      taxonomy: DEFAULT_TAXONOMY,
      defaultCategory: '其他',
    });
    assert.equal(withDefault.ok && withDefault.page.fields['分类'], '其他');
  });
  test('the 发布日期 comes from the address when the page has none', () => {
    const page = read(
      '<html><head><meta name="ArticleTitle" content="关于测试的通知"></head><body><p>正文。</p></body></html>',
      'art/2010/4/24/art_1.html',
    );
    assert.equal(page.publishedOn, '2010-04-24');
    assert.ok(page.notes.some((n) => /取自网页的网址/.test(n)));
  });
  test('pages without a title or a date are not imported, and say why', () => {
    const noDate = readPage(
      new TextEncoder().encode(
        '<html><head><meta name="ArticleTitle" content="关于测试的通知"></head><body><p>正文</p></body></html>',
      ),
      'a.html',
      { taxonomy: DEFAULT_TAXONOMY },
    );
    assert.deepEqual(noDate, { ok: false, reason: '没有找到发布日期（页面上、meta 标签和网址中都没有）' });
  });
});
