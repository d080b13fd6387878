import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readContentFolder } from '../../src/content/content-folder.ts';
import { checkContent, type ContentFolder } from '../../src/content/content-check.ts';
import { formatProblem } from '../../src/domain/problems.ts';
import { noticeTemplate } from '../../src/domain/notice/notice-template.ts';
import type { IndexNumber } from '../../src/domain/notice/index-number.ts';
import type { CalendarDate } from '../../src/domain/notice/calendar-date.ts';

/** docs/publishing.md, the editors' guide: its “发布一篇公文” and “常用体裁的模板” sections are what editors copy. */
const guide = readFileSync(new URL('../../docs/publishing.md', import.meta.url), 'utf8');
const start = guide.indexOf('\n## 发布一篇公文（从头到尾）\n');
const templatesStart = guide.indexOf('\n## 常用体裁的模板\n');
const publishing = untilNextHeading(guide.slice(start + 1));
const blocks = (text: string) => [...text.matchAll(/^```markdown\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
const templates = blocks(untilNextHeading(guide.slice(templatesStart + 1)));
/** Every block editors may copy: the file `npm run new` writes, then the templates. */
const copyable = [...blocks(publishing), ...templates];
const example = await readContentFolder(new URL('../../content', import.meta.url).pathname);

/** Text up to the next `## ` heading outside code blocks (the templates have `## 一、` lines). */
function untilNextHeading(text: string): string {
  const lines = text.split('\n');
  let fenced = false;
  for (const [i, line] of lines.entries()) {
    if (/^```/.test(line)) fenced = !fenced;
    else if (i > 0 && !fenced && line.startsWith('## ')) return lines.slice(0, i).join('\n');
  }
  return text;
}

/** The example office with `files` pasted into notices/. */
function pasted(files: string[]): ContentFolder {
  return {
    ...example,
    notices: [
      ...example.notices,
      ...files.map((text, i) => ({
        path: `notices/publishing/template-${i + 1}.md`,
        bytes: new TextEncoder().encode(text),
      })),
    ],
  };
}

describe('docs/publishing.md: 发布一篇公文', () => {
  test('has the templates for 通知, 公告, 解读 and 年度报告', () => {
    assert.ok(start > 0);
    assert.ok(templatesStart > start);
    assert.deepEqual(
      templates.map((t) => /^体裁: (\S+)/m.exec(t)?.[1]),
      ['通知', '公告', '解读', '报告'],
    );
    assert.match(templates[2]!, /^解读: "/m);
  });

  for (const [i, template] of copyable.entries()) {
    const title = /^标题: (.+)$/m.exec(template)?.[1];
    test(`block ${i + 1} passes check when pasted into the example office: ${title}`, () => {
      const report = checkContent(pasted([template]));
      // The file as `npm run new` writes it still has the placeholder body, which check points out.
      const expected = templates.includes(template) ? [] : ['placeholder-body'];
      assert.deepEqual(
        report.problems.map((p) => p.kind),
        expected,
        `block ${i + 1}: ${report.problems.map(formatProblem).join('\n')}`,
      );
    });
  }

  test('the templates pasted together still pass (their 索引号 differ)', () => {
    const report = checkContent(pasted(templates));
    assert.deepEqual(report.problems.map(formatProblem), []);
  });
});

describe('docs/publishing.md: the file npm run new writes', () => {
  test('is shown as noticeTemplate writes it (every key, in order)', () => {
    const shown = blocks(publishing)[0]!;
    assert.equal(blocks(publishing).length, 1, 'one file shown in “发布一篇公文”');
    const written = noticeTemplate({
      title: '示例镇人民政府关于做好2026年冬季森林防火工作的通知',
      indexNumber: '11441299MB2E00012L/2026-00008' as IndexNumber,
      docNumber: '示镇府〔2026〕30号',
      category: '农业、林业、水利',
      publishedOn: '2026-11-23' as CalendarDate,
      genre: '通知',
    });
    assert.equal(shown, written, 'update the example in “第二步：看看生成的文件”');
  });
});
