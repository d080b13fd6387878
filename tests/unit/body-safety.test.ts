import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bodySafetyProblems } from '../../src/domain/body/body-safety.ts';
import { bodyHtml } from '../../src/site/render/body-html.ts';
import { MdxCodeError } from '../../src/domain/body/mdx-elements.ts';

/** `line kind` of each problem, for a body starting on line 10 of its file. */
const found = (body: string, format: 'markdown' | 'mdx' = 'markdown', mdxCode = false) =>
  bodySafetyProblems('notices/a', body, 10, { format, mdxCode }).map(
    (p) => `${p.line} ${p.kind}${p.severity === 'warning' ? ' (warning)' : ''}`,
  );
const site = { base: '/', siteUrl: 'https://gk.example.gov.cn/' };

describe('MDX notices are data, never code', () => {
  test('import and export are refused at their line, and never run', () => {
    const body =
      "第一段。\n\nimport { execSync } from 'node:child_process';\nexport const r = execSync('id').toString();\n";
    assert.deepEqual(found(body, 'mdx'), ['12 mdx-code']);
    assert.throws(() => bodyHtml({ file: 'a.mdx', body }, site), MdxCodeError);
  });

  test('expressions are refused, comments in braces are not', () => {
    assert.deepEqual(found('用户目录是 {process.env.HOME}。\n\n{1 + 1}\n', 'mdx'), ['10 mdx-code', '12 mdx-code']);
    assert.deepEqual(found('正文。{/* 审核意见：已核对 */}\n', 'mdx'), []);
    assert.doesNotMatch(bodyHtml({ file: 'a.mdx', body: '正文。{/* 内部备注 */}' }, site), /内部备注/);
  });

  test('attribute expressions and spreads are refused', () => {
    assert.deepEqual(
      found('<aside title={x}>提示</aside>\n\n段落 <span {...{ onload: "alert(1)" }}>文字</span>\n', 'mdx'),
      ['10 mdx-code', '12 mdx-code'],
    );
  });

  test('only HTML elements and the site’s components may be used', () => {
    assert.deepEqual(found('<Foo />\n\n<Fragment set:html="<img src=x onerror=alert(1)>" />\n\n<a.b />\n', 'mdx'), [
      '10 mdx-component',
      '12 mdx-component',
      '14 mdx-component',
    ]);
    assert.deepEqual(found('<aside>征兵咨询请到**镇武装部**。</aside>\n', 'mdx'), []);
  });

  test('<落款> is set right-aligned with the date in Chinese', () => {
    assert.deepEqual(found('正文。\n\n<落款 机关="示例镇人民政府" 日期="2024-06-01" />\n', 'mdx'), []);
    assert.match(
      bodyHtml({ file: 'a.mdx', body: '<落款 机关="示例镇人民政府" 日期="2024-06-01" />' }, site),
      /<p class="signature">示例镇人民政府<br>2024年6月1日<\/p>/,
    );
  });

  test('<落款> without its date, with a wrong date or an unknown attribute is named', () => {
    assert.deepEqual(
      found('<落款 机关="示例镇人民政府" />\n\n<落款 机关="示例镇" 日期="2024-02-30" 颜色="红" />\n', 'mdx'),
      ['10 mdx-component', '12 mdx-component', '12 mdx-component'],
    );
  });

  test('a script in MDX is refused like one in Markdown', () => {
    assert.deepEqual(found('<script>alert(1)</script>\n', 'mdx'), ['10 unsafe-html']);
  });

  test('with MDX可执行代码, code passes and only syntax is checked', () => {
    assert.deepEqual(found('{1 + 1}\n\nexport const a = 1;\n', 'mdx', true), []);
    assert.deepEqual(found('价格 {未闭合\n', 'mdx', true), ['10 mdx-syntax']);
  });
});

describe('raw HTML in a body', () => {
  test('dangerous HTML is refused at its line, harmless formatting is a warning', () => {
    assert.deepEqual(found('第一段。\n\n<iframe src="/map/"></iframe>\n\n<p style="text-indent:2em">缩进</p>\n'), [
      '12 unsafe-html',
      '14 dropped-html (warning)',
    ]);
  });

  test('links and images are written the Markdown way', () => {
    assert.deepEqual(found('见 <a href="https://www.gov.cn/">中国政府网</a>。\n\n<img src="/attachments/a.png">\n'), [
      '10 raw-link',
      '12 raw-link',
    ]);
  });

  test('a javascript: URL in a Markdown link is refused at its line, in HTML as unsafe HTML', () => {
    assert.deepEqual(found('正文。\n\n[点击](javascript:alert(1))\n\n<a href="jav&#x61;script:alert(1)">x</a>\n'), [
      '12 unsafe-url',
      '14 unsafe-html',
    ]);
  });
});

describe('invisible characters in a body', () => {
  test('a text direction override is refused at its line', () => {
    assert.deepEqual(found('第一段。\n\n关于\u202E知通的\u202C公示\n'), ['12 bad-character']);
  });
});
