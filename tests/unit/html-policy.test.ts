import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toHtml } from 'hast-util-to-html';
import { bodyTree } from '../../src/domain/body/body-tree.ts';
import { isUrlAllowed, policyViolations, sanitizeBody } from '../../src/domain/body/html-policy.ts';

const safeHtml = (body: string, format: 'markdown' | 'mdx' = 'markdown') =>
  toHtml(sanitizeBody(bodyTree(body, format)));
const violations = (body: string, format: 'markdown' | 'mdx' = 'markdown') =>
  policyViolations(bodyTree(body, format)).map((v) => [v.element, v.attribute ?? '', v.severity].join(' '));

/** Everything Markdown (GFM) can write, with no raw HTML. */
const KITCHEN_SINK = `# 标题一

## 二、工作要求 {#x}

正文**加粗**、*强调*、~~删除~~、\`代码\`、[链接](https://www.gov.cn/ "标题")、[本站](/xxgk/a/)、<https://www.gov.cn/>、www.gov.cn、
[邮件](mailto:gk@example.gov.cn)、[电话](tel:0758-1234567)、脚注[^1]。

![示意图](/attachments/2024/a.png "图一")

> 引用

1. 第一
2. 第二

- [x] 已完成
- [ ] 未完成

| 左 | 中 | 右 |
|:--|:--:|--:|
| 1 | 2 | 3 |

\`\`\`text
代码块
\`\`\`

    缩进代码

---

[^1]: 脚注内容。
`;

describe('the body allow-list (html-policy.ts)', () => {
  test('keeps everything Markdown itself writes: a body without raw HTML is never changed', () => {
    const tree = bodyTree(KITCHEN_SINK, 'markdown');
    assert.deepEqual(policyViolations(tree), []);
    assert.equal(toHtml(sanitizeBody(tree)), toHtml(tree));
  });

  test('removes javascript: and other schemes from links, however they are written', () => {
    for (const body of [
      '[x](javascript:alert(1))',
      '[x](JavaScript:alert(1))',
      '[x](jav&#x61;script:alert(1))',
      '[x](%20javascript:alert(1))',
      '[x]( javascript:alert(1) )',
      '[x](vbscript:msgbox)',
      '[x](data:text/html,<script>alert(1)</script>)',
      '[x][r]\n\n[r]: javascript:alert(1)',
      '<javascript:alert(1)>',
      '<a href="java\tscript:alert(1)">x</a>',
      '<a href=" javascript:alert(1)">x</a>',
    ]) {
      const html = safeHtml(body);
      assert.match(html, /<a>/, body);
      assert.doesNotMatch(html, /\b(href|src)=/i, body);
    }
  });

  test('keeps http(s), mailto, tel and site-relative links and images', () => {
    for (const url of [
      'https://www.gov.cn/',
      'http://a.example/',
      'mailto:gk@example.gov.cn',
      'tel:0758-1234567',
      '/xxgk/a/',
      'attachments/a.pdf',
      '../attachments/a.pdf',
      '#一',
      '?q=1',
    ]) {
      assert.ok(isUrlAllowed('a', url), url);
    }
    assert.ok(isUrlAllowed('img', '/attachments/a.png'));
    assert.ok(!isUrlAllowed('img', 'data:image/png;base64,AAAA'));
    assert.ok(!isUrlAllowed('a', 'javascript:alert(1)'));
  });

  test('drops script, SVG, MathML, forms, frames, base and meta with everything inside them', () => {
    const body = [
      '<script>alert(1)</script>',
      '<svg><animate attributeName="href" values="javascript:alert(1)"/><text>SVG 文字</text></svg>',
      '<math><mtext>公式</mtext></math>',
      '<form action="javascript:alert(1)"><button>提交</button></form>',
      '<iframe src="https://evil.example/"></iframe>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<base href="https://evil.example/">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<style>body{display:none}</style>',
      '<template><img src=x onerror=alert(1)></template>',
    ].join('\n\n');
    const html = safeHtml(body);
    assert.doesNotMatch(html, /<(script|svg|math|form|button|iframe|object|embed|base|meta|style|template|img)\b/i);
    assert.doesNotMatch(html, /SVG 文字|body\{|alert/);
  });

  test('drops every event-handler attribute and any style but the table alignments', () => {
    const html = safeHtml(
      '<p onclick="alert(1)" onmouseover="x" style="background:url(https://t.example/)">文字</p>\n\n<details open ontoggle="alert(1)"><summary>展开</summary>内容</details>',
    );
    assert.doesNotMatch(html, /\son\w+=|style=/i);
    assert.match(html, /文字/);
  });

  test('turns an <input> into the harmless disabled checkbox task lists use', () => {
    assert.equal(
      safeHtml('<p><input type="text" name="q" value="x"></p>').match(/<input[^>]*>/)?.[0],
      '<input name="user-content-q" value="x" disabled type="checkbox">',
    );
  });

  test('names each removal, with dangerous ones as errors and formatting as warnings', () => {
    assert.deepEqual(
      violations(
        '<p onclick="x()" style="color:red" class="big">文字</p>\n\n<font color="red">红</font>\n\n<svg></svg>',
      ),
      ['p onclick error', 'p style warning', 'p class warning', 'font  warning', 'svg  error'],
    );
    assert.deepEqual(violations('[x](javascript:alert(1))'), ['a href error']);
  });

  test('an MDX body is held to the same list', () => {
    assert.deepEqual(violations('<aside title="提示" onclick="x">文字</aside>\n\n<iframe src="/a" />', 'mdx'), [
      'aside onclick error',
      'iframe  error',
    ]);
  });
});
