/**
 * `check --summary FILE`: the check's result as Markdown, appended to FILE. The publishing
 * workflow passes the CI job's summary page ($GITHUB_STEP_SUMMARY on GitHub and Gitea
 * Actions), so a clerk whose push was refused reads the problems — file, line, field, fix —
 * on the run's page in Chinese, not in a log.
 */
import { appendFileSync } from 'node:fs';
import { hasErrors, type Problem } from '../domain/problems.ts';

export interface CheckOutcome {
  problems: readonly Problem[];
  /** Lines `--fix` printed (what it changed, and what it left). */
  fixes: readonly string[];
  /** Notices checked; undefined when the folder could not be read as a whole (site.yaml broken). */
  noticeCount: number | undefined;
}

export function checkSummaryMarkdown({ problems, fixes, noticeCount }: CheckOutcome): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const failed = hasErrors(problems) || noticeCount === undefined;
  const lines = [
    failed
      ? `## ❌ 内容检查没有通过：${errors} 个错误，${warnings} 个警告`
      : `## ✅ 内容检查通过：${noticeCount} 篇公文${warnings ? `，${warnings} 个警告` : ''}`,
    '',
    failed
      ? '网站没有更新。请按下表改正（在线编辑器里打开该公文，或直接修改文件），保存后会重新检查。'
      : warnings
        ? '警告不影响发布，但建议处理。'
        : '',
  ];
  if (problems.length) {
    lines.push('', '| | 文件 | 行 | 字段 | 问题 | 改正方法 |', '| --- | --- | --- | --- | --- | --- |');
    for (const p of problems) {
      const cells = [p.severity === 'error' ? '错误' : '警告', p.file, p.line ?? '', p.field, p.message, p.fix ?? ''];
      lines.push(`| ${cells.map((c) => cell(String(c))).join(' | ')} |`);
    }
  }
  if (fixes.length) {
    lines.push(
      '',
      '### 自动修正（npm run check -- --fix）',
      '',
      ...fixes.filter((f) => !f.startsWith(' ')).map((f) => `- ${cell(f)}`),
    );
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n\n`;
}

/** Text safe inside a Markdown table cell: no line breaks, `|` escaped, no raw HTML. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

export function appendCheckSummary(file: string, outcome: CheckOutcome): void {
  appendFileSync(file, checkSummaryMarkdown(outcome));
}
