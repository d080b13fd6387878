/**
 * Full-width punctuation where YAML wants its own ASCII syntax: `分类：农业、林业、水利` (a
 * full-width colon after a key), list dashes typed `－`, `—` or `——`, and full-width spaces (U+3000)
 * in the indentation. A Chinese input method types them unless the clerk switches it to
 * English, and YAML reads none of them as syntax, so without this the clerk is told
 * “缺少冒号” on a line that plainly has one.
 *
 * Only the syntax changes: a `：` inside a value (`标题: 关于……：通知`) comes after the key's own
 * colon and stays, and the lines of a block value (`机构职能: |`) are text, not syntax. A repair
 * is kept only when YAML then reads the text better (fewer errors, or none), so a `：` on a line
 * that continues a value is never taken for a key. yaml-fields.ts reports each repair and reads
 * the repaired text; `check --fix` writes it (src/content/fix-content.ts).
 *
 * Hand-written: YAML parsers have no "lenient full-width" mode, and the rules are a few lines.
 */
import { parseDocument, isMap } from 'yaml';

export type FullWidthKind = 'full-width-colon' | 'full-width-dash' | 'full-width-indent';

export interface FullWidthIssue {
  kind: FullWidthKind;
  /** For a colon: the key it follows. */
  key?: string;
}

export interface LineRepair {
  /** 1-based line in the YAML text. */
  line: number;
  /** The line as written and as repaired (without its line end). */
  from: string;
  to: string;
  issues: FullWidthIssue[];
}

const IDEOGRAPHIC_SPACE = '\u3000';
/** A key as clerks write one: no spaces, quotes or YAML punctuation, and not long. */
const KEY = /^[^\s\u3000:：#"'[\]{},&*!|>%@`]{1,30}$/;
/** A line starting a block value, whose following more-indented lines are text. */
const BLOCK_START = /[:：][ \u3000]*[|>][-+0-9]*[ \u3000]*(?:#.*)?$/;

/** The lines of `yamlText` whose syntax has full-width punctuation, each with its repair. */
export function fullWidthRepairs(yamlText: string): LineRepair[] {
  // Most files have none: YAML is parsed again only for those that do.
  let candidates = candidateLines(yamlText, true);
  if (!candidates.length) return [];
  const before = badness(yamlText);
  // Text YAML reads as it is: a `：` after a list dash may be inside a value (主题词: - 注意：事项),
  // so only the dashes and indentation are syntax there.
  if (before === 0) candidates = candidateLines(yamlText, false);
  if (!candidates.length) return [];
  // Together first: the lines of one list indented with full-width spaces only read well together.
  if (badness(applyRepairs(yamlText, candidates)) === 0) return candidates;
  return candidates.filter((c) => {
    const after = badness(applyRepairs(yamlText, [c]));
    return after < before || after === 0;
  });
}

function candidateLines(yamlText: string, listColons: boolean): LineRepair[] {
  const lines = yamlText.split('\n');
  const candidates: LineRepair[] = [];
  let blockIndent: number | undefined;
  let openQuote = false;
  lines.forEach((line, i) => {
    const body = line.replace(/\r$/, '');
    const indent = /^[ \u3000]*/.exec(body)![0];
    const width = indent.replaceAll(IDEOGRAPHIC_SPACE, '  ').length;
    if (blockIndent !== undefined) {
      if (!body.trim() || width > blockIndent) return;
      blockIndent = undefined;
    }
    const wasQuoted = openQuote;
    openQuote = ((body.match(/(?<!\\)"/g) ?? []).length % 2 === 1) !== openQuote;
    if (wasQuoted || !body.trim() || body.trimStart().startsWith('#')) return;
    const repaired = repairLine(body, listColons);
    if (BLOCK_START.test(body)) blockIndent = width;
    if (repaired) {
      const to = repaired.to + (line.endsWith('\r') ? '\r' : '');
      candidates.push({ line: i + 1, from: line, to, issues: repaired.issues });
    }
  });
  return candidates;
}

/** `yamlText` with the given lines replaced. */
export function applyRepairs(yamlText: string, repairs: readonly LineRepair[]): string {
  const lines = yamlText.split('\n');
  for (const repair of repairs) lines[repair.line - 1] = repair.to;
  return lines.join('\n');
}

/** How badly YAML reads a text: its errors, and one more when it is not a map of fields. */
function badness(yamlText: string): number {
  const doc = parseDocument(yamlText, { schema: 'failsafe', uniqueKeys: false });
  return doc.errors.length + (doc.contents === null || isMap(doc.contents) ? 0 : 1);
}

function repairLine(line: string, listColons: boolean): { to: string; issues: FullWidthIssue[] } | undefined {
  const issues: FullWidthIssue[] = [];
  const indent = /^[ \u3000]*/.exec(line)![0];
  let out = indent;
  if (indent.includes(IDEOGRAPHIC_SPACE)) {
    issues.push({ kind: 'full-width-indent' });
    // A full-width space is as wide as two: the clerk lined it up by eye.
    out = indent.replaceAll(IDEOGRAPHIC_SPACE, '  ');
  }
  let rest = line.slice(indent.length);
  // Shift+- under a Chinese input method types ——.
  const dash = /^(-|－|——?)([ \u3000]+|$)/.exec(rest);
  if (dash && (dash[1] !== '-' || dash[2]!.includes(IDEOGRAPHIC_SPACE))) {
    issues.push({ kind: 'full-width-dash' });
    out += dash[2] ? '- ' : '-';
    rest = rest.slice(dash[0].length);
  } else if (dash) {
    out += dash[0];
    rest = rest.slice(dash[0].length);
  }
  const colon = rest.indexOf('：');
  const ascii = rest.search(/:(?:[ \t\u3000]|$)/);
  if ((listColons || !dash) && colon > 0 && (ascii < 0 || colon < ascii) && KEY.test(rest.slice(0, colon))) {
    const key = rest.slice(0, colon);
    issues.push({ kind: 'full-width-colon', key });
    const value = rest.slice(colon + 1).replace(/^[ \t\u3000]+/, '');
    rest = value ? `${key}: ${value}` : `${key}:`;
  }
  return issues.length ? { to: out + rest, issues } : undefined;
}

/** The editor's message for one issue on file line `line`. */
export function fullWidthMessage(issue: FullWidthIssue, line: number): { message: string; fix: string } {
  switch (issue.kind) {
    case 'full-width-colon':
      return {
        message: `第 ${line} 行的冒号是全角“：”，应为半角“:”（后面加一个空格），可用 --fix 自动改正`,
        fix: `把“${issue.key}：”改为“${issue.key}: ”（切换到英文输入法输入冒号），或运行 npm run check -- --fix`,
      };
    case 'full-width-dash':
      return {
        message: `第 ${line} 行列表项前的短横是全角符号（“－”“—”“——”或后面跟全角空格），应为半角“-”加一个空格，可用 --fix 自动改正`,
        fix: '把这一行开头的短横改为半角“- ”（切换到英文输入法输入），或运行 npm run check -- --fix',
      };
    case 'full-width-indent':
      return {
        message: `第 ${line} 行用全角空格缩进，应为半角空格（一个全角空格算两个半角空格），可用 --fix 自动改正`,
        fix: '删去行首的全角空格，改用半角空格对齐，或运行 npm run check -- --fix',
      };
  }
}
