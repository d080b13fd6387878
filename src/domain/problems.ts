/**
 * A problem found in an office's content, reported to editors in Chinese.
 * Every rule in gongkai speaks through this one shape, so `check`, the build and
 * the tests all print and compare problems the same way.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path of the file, relative to the content folder (e.g. `notices/2024/chungeng.md`). */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** The frontmatter key involved (`索引号`), or `正文` (body) / `文件` (the file as a whole). */
  field: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  fix?: string;
  severity: Severity;
  /** Stable ASCII id of the rule, for tests and tools (e.g. `unknown-category`). */
  kind: string;
}

/** `path:line 字段: message — fix`, the one line format editors see. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const label = problem.severity === 'warning' ? '警告' : '错误';
  const fix = problem.fix ? ` — ${problem.fix}` : '';
  return `${label} ${where} ${problem.field}: ${problem.message}${fix}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Problems in a stable order: by file, then line, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
}
