/**
 * YAML as offices write it (site.yaml, notice frontmatter), read with line numbers.
 *
 * The failsafe schema reads every scalar as text: an 18-digit 机构代码 stays exact instead of
 * becoming a rounded number, and `2022-02-30` stays text for the date rule to reject
 * (js-yaml would silently roll it over to 2 March). Our contract has only text, lists and maps.
 *
 * Anchors, aliases and tags are refused, not interpreted: `*a` can multiply a small file into
 * gigabytes ("billion laughs"), and `!!js/function` means code to some YAML readers. So are
 * control characters, unpaired surrogates and bidirectional overrides in values: they cannot
 * be seen, can make a 标题 or 文号 display as something else, and break other tools downstream.
 */
import {
  LineCounter,
  parseDocument,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
} from 'yaml';
import type { Problem } from '../problems.ts';
import { applyRepairs, fullWidthMessage, fullWidthRepairs } from './yaml-full-width.ts';

export interface YamlFields {
  data: Record<string, unknown>;
  /** 1-based line in the file of a top-level key. */
  lineOf: (key: string) => number | undefined;
  /**
   * 1-based line of a nested value (`['负责人', 1, '姓名']`): of its key, or of the nearest
   * enclosing entry that exists (a list item missing a key points at the item), so an editor is
   * sent to the person, not to the top of a list of ten. Undefined when the top-level key is absent.
   */
  lineAt?: (path: readonly PropertyKey[]) => number | undefined;
}

/** yaml's error codes, in words an editor understands. */
const YAML_ERRORS: Record<string, string> = {
  MISSING_CHAR: '引号或括号没有成对闭合',
  BAD_INDENT: '缩进没有对齐',
  TAB_AS_INDENT: '用了 Tab 键缩进（只能用空格）',
  MULTILINE_IMPLICIT_KEY: '缺少冒号，或上一行的引号没有闭合',
  IMPLICIT_KEY: '缺少冒号，或冒号后没有空格',
  BLOCK_AS_IMPLICIT_KEY: '缺少冒号，或冒号后没有空格',
  UNEXPECTED_TOKEN: '出现了不该出现的符号',
  BAD_SCALAR_START: '值不能以这个符号开头（请给整个值加上引号）',
};

/**
 * Parse `yamlText`, whose first line is line `firstLine` of `file`.
 * Returns the fields, or the problems that stop them being read. Fields may come with problems:
 * full-width syntax (yaml-full-width.ts), an error, is read as the clerk meant it.
 */
export function parseYamlFields(
  file: string,
  yamlText: string,
  firstLine = 1,
): { fields?: YamlFields; problems: Problem[] } {
  // Full-width colons, dashes and indentation are reported, then the repaired text is read, so
  // the editor sees everything else wrong with the file in the same run.
  const repairs = fullWidthRepairs(yamlText);
  const fullWidth = repairs.flatMap(({ line, issues }) =>
    issues.map((issue): Problem => {
      const at = line + firstLine - 1;
      return {
        file,
        line: at,
        field: issue.key ?? '文件',
        severity: 'error',
        kind: issue.kind,
        ...fullWidthMessage(issue, at),
      };
    }),
  );
  const read = readYamlFields(file, repairs.length ? applyRepairs(yamlText, repairs) : yamlText, firstLine);
  return { ...read, problems: [...fullWidth, ...read.problems] };
}

function readYamlFields(
  file: string,
  yamlText: string,
  firstLine: number,
): { fields?: YamlFields; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter, uniqueKeys: true, prettyErrors: false });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

  const problems = doc.errors.map((error): Problem => {
    const duplicate = error.code === 'DUPLICATE_KEY';
    let line = fileLine(error.pos[0]);
    const tagLike = /^\s*(?:-\s+)?[^:#]*:\s+!|^\s*-\s+!/.test(yamlText.split('\n')[line - firstLine] ?? '');
    if (error.code === 'MISSING_CHAR' && !tagLike)
      line = lineOfUnclosedQuote(yamlText, line - firstLine + 1) + firstLine - 1;
    return {
      file,
      line,
      field: '文件',
      severity: 'error',
      kind: duplicate ? 'duplicate-key' : 'yaml-syntax',
      message: duplicate
        ? '同一个字段写了两次'
        : tagLike
          ? '格式有误：值以“!”开头，会被当作 YAML 标签'
          : `格式有误：${YAML_ERRORS[error.code] ?? error.message.split('\n')[0]}`,
      fix: duplicate
        ? '删掉重复的一行'
        : tagLike
          ? '请给整个值加上引号，例如 标题: "！重要通知"'
          : '检查这一行：冒号后要有空格，引号要成对，缩进用空格对齐；含冒号或#的值请整个加上引号',
    };
  });
  if (problems.length) return { problems };
  problems.push(...unsafeNodes(file, doc, yamlText, fileLine));
  if (problems.length) return { problems };

  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      problems: [
        {
          file,
          line: firstLine,
          field: '文件',
          severity: 'error',
          kind: 'yaml-syntax',
          message: '内容应为“字段: 值”的列表',
          fix: '每行写一个字段，例如 标题: 关于……的通知',
        },
      ],
    };
  }
  const keyLines = new Map<string, number>();
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    if (isScalar(pair.key) && pair.key.range) keyLines.set(String(pair.key.value), fileLine(pair.key.range[0]));
  }
  return {
    problems: [],
    fields: {
      data: (doc.toJS() ?? {}) as Record<string, unknown>,
      lineOf: (key) => keyLines.get(key),
      lineAt: (path) => {
        const offset = offsetAt(doc.contents, path);
        return offset === undefined ? undefined : fileLine(offset);
      },
    },
  };
}

/** Where the deepest existing entry along `path` starts in the text: a map key, or a list item. */
function offsetAt(root: unknown, path: readonly PropertyKey[]): number | undefined {
  let node = root;
  let offset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair || !isScalar(pair.key) || !pair.key.range) break;
      offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item) || !item.range) break;
      offset = item.range[0];
      node = item;
    } else break;
  }
  return offset;
}

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text direction overrides and isolates: what is shown differs from what is stored. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Anchors, aliases, tags and invisible or broken characters in values: refused with their line and field. */
function unsafeNodes(file: string, doc: Document, yamlText: string, fileLine: (offset: number) => number): Problem[] {
  const problems: Problem[] = [];
  const report = (
    node: unknown,
    path: readonly unknown[],
    kind: string,
    message: string,
    fix: string,
    mark?: string,
  ) => {
    let offset = isNode(node) || isAlias(node) ? (node.range?.[0] ?? 0) : 0;
    // A map or list's range starts at its first entry, the line after its `&anchor` or `!tag`.
    if (mark) offset = Math.max(0, yamlText.lastIndexOf(mark, offset)) || offset;
    const pair = path.find((p) => isPair(p) && path.indexOf(p) <= 2);
    const field = isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : '文件';
    problems.push({ file, line: fileLine(offset), field, severity: 'error', kind, message, fix });
  };
  visit(doc, {
    Alias(_key, node, path) {
      report(
        node,
        path,
        'yaml-alias',
        '不支持 YAML 别名（*名称）：每个值请直接写出来',
        '把 * 开头的别名换成它所指的值本身',
      );
    },
    Node(_key, node, path) {
      if (node.anchor)
        report(
          node,
          path,
          'yaml-alias',
          `不支持 YAML 锚点（&${node.anchor}）`,
          '删去 & 开头的锚点名，值直接写出来',
          `&${node.anchor}`,
        );
      if (node.tag)
        report(
          node,
          path,
          'yaml-tag',
          `不支持 YAML 标签（${node.tag.replace('tag:yaml.org,2002:', '!!')}）：字段的值只能是文字、列表或“字段: 值”`,
          '删去以 ! 开头的标签；值本身以 ! 开头时请整个加上引号',
          '!',
        );
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const value = node.value;
      if (LONE_SURROGATE.test(value))
        report(
          node,
          path,
          'bad-character',
          '值中有无效的字符（孤立的 UTF-16 代理项，通常来自 "\\uD800" 这样的转义）',
          '删去这个转义，直接写出要用的字',
        );
      else if (CONTROL.test(value))
        report(
          node,
          path,
          'bad-character',
          '值中有看不见的控制字符',
          '删去这个字符（常见于从其他软件复制的文字，或 "\\u0000"、"\\r" 这样的转义），重新输入这一行',
        );
      else if (BIDI_CONTROL.test(value))
        report(
          node,
          path,
          'bad-character',
          '值中有改变文字方向的控制字符，显示出来的文字会和实际内容不同',
          '删去这个字符，重新输入这一行',
        );
    },
  });
  return problems;
}

/** yaml reports an unclosed quote where the text ends; editors need the line where it opened. */
function lineOfUnclosedQuote(text: string, reportedLine: number): number {
  const lines = text.split('\n');
  for (let i = Math.min(reportedLine, lines.length) - 1; i >= 0; i--) {
    if ((lines[i]!.match(/"/g) ?? []).length % 2 === 1) return i + 1;
  }
  return reportedLine;
}
