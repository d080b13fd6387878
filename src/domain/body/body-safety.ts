/**
 * `check`'s side of the sanitizer: everything in a body that would not reach the page as
 * written — script, forms, frames, SVG, event handlers, `javascript:` and other URL schemes,
 * MDX code — named with its line before any build. What is accepted here is exactly what the
 * page shows (html-policy.ts, body-tree.ts: the same parser and the same allow-list).
 *
 * Links and images are written the Markdown way (`[文字](网址)`, `![说明](/attachments/…)`):
 * then `check` sees every link (dead links, 外链提示, personal information in URLs) in one place.
 */
import { htmlToHast, mdxToJs, mdxToMdast } from 'satteri';
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { Problem } from '../problems.ts';
import { eachNode, parseBody } from './body-text.ts';
import { bodyTree, type BodyFormat } from './body-tree.ts';
import { BIDI_CONTROL } from '../notice/yaml-fields.ts';
import { isUrlAllowed, policyViolations, type PolicyViolation } from './html-policy.ts';
import { isCommentExpression, isHtmlElementName, literalAttributes } from './mdx-elements.ts';
import { componentUsage, MDX_COMPONENTS } from './mdx-components.ts';

export interface BodySafetyOptions {
  format: BodyFormat;
  /** site.yaml `MDX可执行代码: 是`: MDX is compiled as code and only its syntax is checked. */
  mdxCode?: boolean;
}

/** Problems with what a body would put on its page; `bodyLine` is the body's first line in `file`. */
export function bodySafetyProblems(
  file: string,
  body: string,
  bodyLine: number,
  { format, mdxCode = false }: BodySafetyOptions,
): Problem[] {
  const at = (line: number | undefined) => bodyLine + (line ?? 1) - 1;
  const problem = (
    line: number | undefined,
    kind: string,
    message: string,
    fix: string,
    severity: Problem['severity'] = 'error',
  ): Problem => ({ file, line: at(line), field: '正文', severity, kind, message, fix });

  const bidi = body.split('\n').findIndex((text) => BIDI_CONTROL.test(text));
  const bidiProblems =
    bidi < 0
      ? []
      : [
          problem(
            bidi + 1,
            'bad-character',
            '正文中有改变文字方向的控制字符，显示出来的文字会和实际内容不同',
            '删去这个看不见的字符（U+202A–U+202E、U+2066–U+2069），重新输入这一行',
          ),
        ];
  return [...bidiProblems, ...markupProblems(body, format, mdxCode, problem)];
}

function markupProblems(body: string, format: BodyFormat, mdxCode: boolean, problem: MakeProblem): Problem[] {
  if (format === 'mdx' && mdxCode)
    return mdxCompileProblems(body).map((p) => problem(p.line, 'mdx-syntax', p.message, MDX_SYNTAX_FIX));
  let tree: Root;
  try {
    tree = format === 'mdx' ? (mdxToMdast(body, { position: true }) as Root) : parseBody(body);
  } catch (error) {
    const { line, message } = mdxError(error);
    return [problem(line, 'mdx-syntax', `MDX 语法错误：${message}`, MDX_SYNTAX_FIX)];
  }

  const problems: Problem[] = [];
  const located: Located[] = [];
  let hasMarkup = format === 'mdx';
  eachNode(tree, (node) => {
    const line = node.position?.start.line;
    if (node.type === 'link' || node.type === 'definition')
      located.push({ line, violation: urlViolation('a', node.url), markdown: true });
    if (node.type === 'image') located.push({ line, violation: urlViolation('img', node.url), markdown: true });
    if (node.type === 'html') {
      hasMarkup = true;
      located.push(...rawHtmlFindings(node.value, line, problems, problem));
    }
    if (format === 'mdx') problems.push(...mdxCodeProblems(node, problem));
  });
  if (problems.some((p) => p.kind.startsWith('mdx-'))) return problems; // the tree below cannot be built

  // Without raw HTML or MDX elements, a body's elements are those Markdown makes, all allowed
  // (tests/unit/html-policy.test.ts): only its link and image URLs can be refused.
  const violations = hasMarkup
    ? policyViolations(bodyTree(body, format, { positions: true }))
    : located.flatMap((l) => (l.violation ? [l.violation] : []));
  for (const violation of violations) {
    const source = takeLocated(located, violation);
    problems.push(violationProblem(violation, violation.line ?? source?.line, source?.markdown ?? false, problem));
  }
  return problems;
}

type MakeProblem = (
  line: number | undefined,
  kind: string,
  message: string,
  fix: string,
  severity?: Problem['severity'],
) => Problem;

/** A violation found where its source line is known, to place the whole tree's violations. */
interface Located {
  line: number | undefined;
  violation: PolicyViolation | undefined;
  /** A Markdown link or image, not raw HTML. */
  markdown?: boolean;
  used?: boolean;
}

function urlViolation(element: 'a' | 'img', url: string): PolicyViolation | undefined {
  return isUrlAllowed(element, url)
    ? undefined
    : { element, attribute: element === 'a' ? 'href' : 'src', value: url, severity: 'error' };
}

/** The first unplaced finding like `violation`, for its line: raw HTML loses its lines when parsed as a whole. */
function takeLocated(located: Located[], violation: PolicyViolation): Located | undefined {
  const same = (v: PolicyViolation | undefined) =>
    v && v.element === violation.element && v.attribute === violation.attribute && v.value === violation.value;
  const hit = located.find((l) => !l.used && same(l.violation)) ?? located.find((l) => same(l.violation));
  if (hit) hit.used = true;
  return hit;
}

/**
 * One raw HTML node of a Markdown body, parsed on its own: what it holds, with its line. A
 * Markdown HTML node holds whole tags, so an element and its attributes are all here; whether
 * each is refused is decided on the whole tree (elements may depend on their ancestors).
 */
function rawHtmlFindings(html: string, line: number | undefined, problems: Problem[], problem: MakeProblem): Located[] {
  const fragment = htmlToHast(html, { fragment: true }) as HastRoot;
  const found: Located[] = [];
  // The parsed fragment has no positions: an element's line is that of its own start tag,
  // the n-th `<tag` of its name in the source, as elements come in source order.
  const seen = new Map<string, number>();
  const lineOfElement = (tag: string): number => {
    const n = seen.get(tag) ?? 0;
    seen.set(tag, n + 1);
    const start = [...html.matchAll(new RegExp(`<${tag}(?![\\w-])`, 'gi'))][n]?.index;
    return (line ?? 1) + (start === undefined ? 0 : (html.slice(0, start).match(/\n/g)?.length ?? 0));
  };
  const walk = (node: HastRoot | HastContent, parentLine: number): void => {
    const offsetLine = node.type === 'element' ? lineOfElement(node.tagName) : parentLine;
    if (node.type === 'element' && (node.tagName === 'a' || node.tagName === 'img')) {
      const url = String(node.properties[node.tagName === 'a' ? 'href' : 'src'] ?? '');
      if (isUrlAllowed(node.tagName, url)) {
        problems.push(
          problem(
            offsetLine,
            'raw-link',
            `正文用 HTML 写了${node.tagName === 'a' ? '链接 <a>' : '图片 <img>'}`,
            node.tagName === 'a'
              ? '链接请用 Markdown 写法：[链接文字](网址)'
              : '图片请用 Markdown 写法：![图片说明](/attachments/文件名)',
          ),
        );
      }
    }
    for (const violation of node.type === 'element' || node.type === 'root'
      ? policyViolations({ type: 'root', children: node.type === 'root' ? [] : [{ ...node, children: [] }] })
      : []) {
      found.push({ line: offsetLine, violation });
    }
    if ('children' in node) for (const child of node.children) walk(child, offsetLine);
  };
  walk(fragment, line ?? 1);
  return found;
}

const DANGER_FIX = '删除这段 HTML；视频、地图等请改为链接，文件请作为附件';

function violationProblem(
  v: PolicyViolation,
  line: number | undefined,
  markdown: boolean,
  problem: MakeProblem,
): Problem {
  if (v.attribute && URL_ATTRIBUTE.test(v.attribute)) {
    return problem(
      line,
      markdown ? 'unsafe-url' : 'unsafe-html',
      `${v.element === 'img' ? '图片' : '链接'}地址“${v.value}”不能发布：只允许以 http://、https://、mailto:、tel: 开头的地址或本站路径`,
      '改为以 https:// 开头的完整网址，或本站的 /xxgk/…/、/attachments/… 路径',
    );
  }
  if (v.attribute && v.severity === 'error') {
    return problem(
      line,
      'unsafe-html',
      `<${v.element}> 的 ${v.attribute} 属性是脚本，静态公开页面不允许`,
      `删除 ${v.attribute}="…"`,
    );
  }
  if (v.attribute) {
    return problem(
      line,
      'dropped-html',
      `<${v.element}> 的 ${v.attribute} 属性不会发布（页面统一使用网站的样式和格式）`,
      `删除 ${v.attribute}="…" 即可消除这个提示`,
      'warning',
    );
  }
  if (v.severity === 'error') {
    return problem(
      line,
      'unsafe-html',
      `正文中的 <${v.element}> 不能发布：脚本、表单、内嵌框架、SVG 等会在页面上运行或加载其他内容`,
      DANGER_FIX,
    );
  }
  return problem(
    line,
    'dropped-html',
    `<${v.element}> 标签不会发布，其中的文字照常显示（页面只保留标题、段落、列表、表格等格式）`,
    `删除 <${v.element}> 和 </${v.element}> 即可消除这个提示`,
    'warning',
  );
}

const URL_ATTRIBUTE =
  /^(href|src|cite|action|formaction|srcset|poster|data|background|ping|longdesc|manifest|codebase|xlink:href)$/;

// ── MDX ─────────────────────────────────────────────────────────────────────────────────────

const MDX_SYNTAX_FIX =
  'MDX 文件中 { } 和 < 有特殊含义：要原样显示请写成 \\{ \\} 或 &lt;；不需要组件时，把文件扩展名改为 .md';

/** import/export, `{…}` and JSX attribute code in an MDX body: refused, never run. */
function mdxCodeProblems(node: Nodes, problem: MakeProblem): Problem[] {
  const line = node.position?.start.line;
  const code = (what: string) =>
    problem(
      line,
      'mdx-code',
      `MDX 公文中不能有代码（${what}）：生成网站时它会被当作程序运行`,
      '删除这段代码；要原样显示花括号请写成 \\{ \\}。公文里只能用 HTML 标签和本站的组件，属性值写在引号里',
    );
  switch (node.type) {
    case 'mdxjsEsm':
      return [code('import/export')];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return isCommentExpression(node.value) ? [] : [code(`{${node.value.trim().slice(0, 40)}}`)];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const attributes = literalAttributes(node.attributes);
      if ('code' in attributes) return [code(`<${node.name ?? ''}> 的属性 ${attributes.code.slice(0, 40)}`)];
      if (node.name === null) return [];
      const component = MDX_COMPONENTS[node.name];
      if (component) {
        const values = Object.fromEntries(Object.entries(attributes.values).map(([k, v]) => [k, v === true ? '' : v]));
        const messages = [
          ...Object.keys(values)
            .filter((a) => !(a in component.attributes))
            .map((a) => `<${node.name}> 没有 ${a} 属性`),
          ...Object.entries(component.attributes)
            .filter(([a, required]) => required && !values[a]?.trim())
            .map(([a]) => `<${node.name}> 缺少 ${a} 属性`),
          ...component.problems(values),
        ];
        return messages.map((m) => problem(line, 'mdx-component', m, `写法：${componentUsage()}`));
      }
      if (node.name === 'a' || node.name === 'img') {
        return [
          problem(
            line,
            'raw-link',
            `正文用 HTML 写了${node.name === 'a' ? '链接 <a>' : '图片 <img>'}`,
            node.name === 'a'
              ? '链接请用 Markdown 写法：[链接文字](网址)'
              : '图片请用 Markdown 写法：![图片说明](/attachments/文件名)',
          ),
        ];
      }
      if (isHtmlElementName(node.name)) return [];
      return [
        problem(
          line,
          'mdx-component',
          `本站没有 <${node.name}> 组件`,
          `可用的组件：${componentUsage()}；其他内容请用 Markdown 或 HTML 标签（如 <aside>）`,
        ),
      ];
    }
    default:
      return [];
  }
}

/** An MDX compile error's line (in the body) and text. */
function mdxError(error: unknown): { line: number | undefined; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  const at = /^(\d+):(\d+):\s*/.exec(message);
  return {
    line: at ? Number(at[1]) : undefined,
    message: message.slice(at?.[0].length ?? 0).replace(/\s*\(mdx[^)]*\)$/, ''),
  };
}

/** MDX run as code: Astro compiles it with Sätteri, so a syntax error is caught the same way. */
function mdxCompileProblems(body: string): { line: number | undefined; message: string }[] {
  try {
    mdxToJs(body);
    return [];
  } catch (error) {
    const { line, message } = mdxError(error);
    return [{ line, message: `MDX 语法错误：${message}` }];
  }
}
