import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPage } from '../../src/import/read-page.ts';
import { pageBody, type PageBody } from '../../src/import/page-body.ts';
import { Mirror } from '../../src/import/mirror.ts';
import { AttachmentPlacer } from '../../src/import/attachments.ts';
import type { ImportedFields } from '../../src/import/notice-file.ts';
import { DEFAULT_TAXONOMY } from '../../src/domain/notice/taxonomy.ts';
import { bodySafetyProblems } from '../../src/domain/body/body-safety.ts';
import { fixturePage, FIXTURE_FILES, FIXTURE_PAGES } from '../fixtures/import/mirror.ts';
import { temporary } from '../build/helpers.ts';

const META = '<p>索引号：007141332/2010-00001</p><p>标题：关于做好防汛工作的通知</p><p>发布日期：2010-05-06</p>';

/** The body of `html`, saved at `path` in a mirror holding `files`. */
function bodyOf(
  html: string,
  { path = 'site/a/page.html', files = {} as Record<string, string> } = {},
): PageBody & { fields: ImportedFields } {
  const root = temporary('gongkai-import-body-');
  for (const [file, text] of Object.entries({ ...files, [path]: html })) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const read = readPage(new TextEncoder().encode(html), path, { taxonomy: DEFAULT_TAXONOMY });
  assert.ok(read.ok, read.ok ? '' : read.reason);
  const body = pageBody(read.page, join(root, path), {
    mirror: new Mirror(root),
    placer: new AttachmentPlacer(new Map()),
    contentDir: join(root, 'content'),
  });
  return { ...body, fields: read.page.fields };
}

const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('pageBody: the main text, without the page around it', () => {
  const table = bodyOf(fixturePage('table'), { path: FIXTURE_PAGES.table, files: FIXTURE_FILES });

  test('navigation, breadcrumb, metadata table, widgets, QR and footer are gone; the text stays', () => {
    const md = table.markdown;
    for (const gone of ['首页', '当前位置', '索引号', '字体', '打印', '关闭窗口', '扫一扫', '主办', '网站标识码'])
      assert.ok(!md.includes(gone), `${gone} in:\n${md}`);
    assert.match(md, /^各县（市、区）人民政府，市政府各部门、各直属机构：/);
    assert.match(md, /\*\*一、提高认识，加强领导\*\*/);
    assert.match(md, /肇庆市人民政府办公室\n\n二○一○年四月十九日\n$/);
  });
  test('the repeated 文号 line at the top, empty &nbsp; paragraphs and Word indentation are removed', () => {
    assert.ok(!table.markdown.includes('肇府办'), table.markdown);
    assert.ok(!/\n\n\n|&nbsp;|\u00a0|^\u3000/m.test(table.markdown), table.markdown);
  });
  test('attachments: copied to attachments/<year>/, named by their link text, linked in the body', () => {
    assert.deepEqual(table.attachments, [
      { name: '2010年政务公开工作要点.pdf', file: '2010/P020100424385521.pdf' },
      { name: '政务公开工作登记表', file: '2010/政务公开登记表.doc' },
    ]);
    assert.deepEqual(
      table.files.map((f) => f.path),
      ['2010/P020100424385521.pdf', '2010/政务公开登记表.doc'],
    );
    assert.match(table.markdown, /\[《2010年政务公开工作要点》\]\(\/attachments\/2010\/P020100424385521\.pdf\)/);
  });
  test('links to other sites stay; links to the old site’s other pages keep only their text', () => {
    assert.match(table.markdown, /\[中国政府网\]\(http:\/\/www\.gov\.cn\/zwgk\/\)/);
    assert.match(table.markdown, /或查看上一期通知。/);
  });

  test('the title repeated over two lines and metadata lines at the top are removed', () => {
    const body = bodyOf(fixturePage('lines'), { path: FIXTURE_PAGES.lines });
    assert.match(body.markdown, /^各镇人民政府，县直有关单位：/);
  });
  test('headings, lists, emphasis; <br> lines become paragraphs', () => {
    const body = bodyOf(fixturePage('lines'), { path: FIXTURE_PAGES.lines });
    assert.match(body.markdown, /### 一、防控重点/);
    assert.match(body.markdown, /- 水稻\*二化螟\*、稻飞虱；\n- 小麦赤霉病、条锈病；/);
    assert.match(body.markdown, /电话：0758-1234567。\n\n邮箱：/);
  });
  test('merged cells are repeated in every cell they cover, the first row is the header', () => {
    const lines = bodyOf(fixturePage('lines'), { path: FIXTURE_PAGES.lines })
      .markdown.split('\n')
      .filter((l) => l.startsWith('|'))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    assert.deepEqual(lines, [
      ['镇', '统防统治面积（亩）', '统防统治面积（亩）', '责任人'],
      ['----', '------------------', '------------------', '------'],
      ['镇', '水稻', '小麦', '责任人'],
      ['东镇', '1200', '300', '王某'],
      ['西镇', '800', '500', '李某'],
      ['西镇', '200', '100', '赵某'],
    ]);
  });
  test('the date under the signature is the 成文日期 when the page gives none', () => {
    const body = bodyOf(fixturePage('meta'), { path: FIXTURE_PAGES.meta });
    assert.equal(body.fields['成文日期'], '2019-11-06');
    assert.ok(body.notes.includes('成文日期 2019-11-06 取自正文落款'));
  });
  test('a table caption becomes the paragraph above the table', () => {
    const body = bodyOf(
      page(
        `${META}<div id="zoom"><p>各村：现将补贴标准公布如下，请各村认真组织申报，按时报送有关材料。</p><table><caption>补贴标准</caption><tr><td>项目</td><td>标准</td></tr><tr><td>早稻</td><td>50元/亩</td></tr></table></div>`,
      ),
    );
    assert.match(body.markdown, /补贴标准\n\n\| 项目 +\| 标准 +\|/);
  });
  test('a layout table around the body is unwrapped, not turned into a one-column table', () => {
    const body = bodyOf(
      page(
        `${META}<table><tr><td><table><tr><td><p>第一段正文，内容较长，用来确认布局表格被拆开。</p><p>第二段正文。</p></td></tr></table></td></tr></table>`,
      ),
    );
    assert.equal(body.markdown, '第一段正文，内容较长，用来确认布局表格被拆开。\n\n第二段正文。\n');
  });
});

describe('pageBody: content is data', () => {
  test('markup in the page’s text stays text; scripts, frames and event handlers are gone', () => {
    const body = bodyOf(
      page(
        `${META}<div id="zoom"><p>正文写着 &lt;script&gt;alert(1)&lt;/script&gt; 和 &lt;img src=x onerror=alert(2)&gt;，还有 {表达式} 与 [链接](javascript:alert(3))。</p>` +
          '<script>alert(4)</script><iframe src="https://evil.example/"></iframe><p onclick="alert(5)">第二段<a href="javascript:alert(6)">点击</a>。</p></div>',
      ),
    );
    assert.ok(!/alert\(4\)|evil\.example|onclick|javascript:alert\(6\)/.test(body.markdown), body.markdown);
    assert.match(body.markdown, /\\<script>alert\(1\)\\<\/script>/);
    assert.deepEqual(
      bodySafetyProblems('notices/a.md', body.markdown, 1, { format: 'markdown' }).filter(
        (p) => p.severity === 'error',
      ),
      [],
    );
  });
  test('attachment links leaving the mirror, absolute paths and file: addresses are not followed, and reported', () => {
    const body = bodyOf(
      page(
        `${META}<div id="zoom"><p>正文。附件：<a href="../../../../etc/passwd.pdf">一</a> <a href="/etc/hosts.doc">二</a> <a href="file:///etc/passwd.pdf">三</a> <a href="missing.pdf">四</a></p></div>`,
      ),
      { files: { 'outside.pdf': 'x' } },
    );
    assert.deepEqual(body.attachments, []);
    assert.deepEqual(body.files, []);
    assert.equal(body.notes.length, 4, body.notes.join('\n'));
    assert.match(body.notes.join('\n'), /附件“一”（\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\.pdf）指向镜像文件夹之外/);
    assert.match(body.notes.join('\n'), /附件“四”（missing\.pdf）镜像中没有这个文件/);
    assert.match(body.markdown, /附件：一 二 三 四/);
  });
  test('a page that is only attachments gets a body pointing to them', () => {
    const body = bodyOf(page(`${META}<div class="fujian">附件：<a href="a.pdf">实施方案</a></div>`), {
      files: { 'site/a/a.pdf': '%PDF' },
    });
    assert.equal(body.markdown, '正文见附件。\n');
    assert.deepEqual(body.attachments, [{ name: '实施方案', file: '2010/a.pdf' }]);
  });
});
