/**
 * One notice file split into frontmatter fields (with their lines) and body.
 * gray-matter finds the `---` block; yaml-fields reads it.
 */
import matter from 'gray-matter';
import type { Problem } from '../domain/problems.ts';
import { parseYamlFields, type YamlFields } from '../domain/notice/yaml-fields.ts';

export interface NoticeSource extends YamlFields {
  /** Path relative to the content folder, with "/" separators. */
  file: string;
  body: string;
  /** 1-based line where the body starts (the line after the closing `---`). */
  bodyLine: number;
}

export function splitNotice(file: string, text: string): { source?: NoticeSource; problems: Problem[] } {
  if (!/^---[ \t]*\n/.test(text)) {
    return {
      problems: [{
        file, line: 1, field: '文件', severity: 'error', kind: 'no-frontmatter',
        message: '文件开头没有用“---”包围的字段区（标题、索引号等）',
        fix: '第一行写“---”，接着逐行写 标题: …、索引号: … 等字段，再以一行“---”结束',
      }],
    };
  }
  let result: ReturnType<typeof parseYamlFields> = { problems: [] };
  const parsed = matter(text, {
    engines: {
      yaml: (yamlText: string) => {
        // gray-matter may keep the newline that follows the opening `---`.
        result = parseYamlFields(file, yamlText, yamlText.startsWith('\n') ? 1 : 2);
        return result.fields?.data ?? {};
      },
    },
  });
  // Fields read despite problems (full-width colons, yaml-full-width.ts) are still checked, so
  // the editor sees every problem at once; the problems are errors, so nothing is published.
  if (result.problems.length && !result.fields) return { problems: result.problems };
  const fields = result.fields ?? { data: {}, lineOf: () => undefined };
  const head = text.endsWith(parsed.content) ? text.slice(0, text.length - parsed.content.length) : '';
  return {
    problems: result.problems,
    source: { file, ...fields, body: parsed.content, bodyLine: head.split('\n').length },
  };
}
