/**
 * YAML as offices write it (site.yaml, notice frontmatter), read with line numbers.
 *
 * The failsafe schema reads every scalar as text: an 18-digit 机构代码 stays exact instead of
 * becoming a rounded number, and `2022-02-30` stays text for the date rule to reject
 * (js-yaml would silently roll it over to 2 March). Our contract has only text, lists and maps.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { Problem } from './problems.ts';

export interface YamlFields {
  data: Record<string, unknown>;
  /** 1-based line in the file of a top-level key. */
  lineOf: (key: string) => number | undefined;
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
 * Returns the fields, or the problems that stop them being read.
 */
export function parseYamlFields(file: string, yamlText: string, firstLine = 1): { fields?: YamlFields; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter, uniqueKeys: true, prettyErrors: false });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

  const problems = doc.errors.map((error): Problem => {
    const duplicate = error.code === 'DUPLICATE_KEY';
    let line = fileLine(error.pos[0]);
    if (error.code === 'MISSING_CHAR') line = lineOfUnclosedQuote(yamlText, line - firstLine + 1) + firstLine - 1;
    return {
      file, line, field: '文件', severity: 'error',
      kind: duplicate ? 'duplicate-key' : 'yaml-syntax',
      message: duplicate ? '同一个字段写了两次' : `格式有误：${YAML_ERRORS[error.code] ?? error.message.split('\n')[0]}`,
      fix: duplicate ? '删掉重复的一行' : '检查这一行：冒号后要有空格，引号要成对，缩进用空格对齐；含冒号或#的值请整个加上引号',
    };
  });
  if (problems.length) return { problems };

  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      problems: [{
        file, line: firstLine, field: '文件', severity: 'error', kind: 'yaml-syntax',
        message: '内容应为“字段: 值”的列表', fix: '每行写一个字段，例如 标题: 关于……的通知',
      }],
    };
  }
  const keyLines = new Map<string, number>();
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    if (isScalar(pair.key) && pair.key.range) keyLines.set(String(pair.key.value), fileLine(pair.key.range[0]));
  }
  return {
    problems: [],
    fields: { data: (doc.toJS() ?? {}) as Record<string, unknown>, lineOf: (key) => keyLines.get(key) },
  };
}

/** yaml reports an unclosed quote where the text ends; editors need the line where it opened. */
function lineOfUnclosedQuote(text: string, reportedLine: number): number {
  const lines = text.split('\n');
  for (let i = Math.min(reportedLine, lines.length) - 1; i >= 0; i--) {
    if ((lines[i]!.match(/"/g) ?? []).length % 2 === 1) return i + 1;
  }
  return reportedLine;
}
