/** Printing content problems for editors: every problem, one line each, then a summary. */
import { formatProblem, type Problem } from '../domain/problems.ts';

export function printProblems(problems: readonly Problem[], out: (line: string) => void = console.error): void {
  for (const problem of problems) out(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length)
    out(
      `\n共 ${errors} 个错误，${warnings} 个警告。${errors ? '请按提示改正错误后再运行。' : '警告不影响发布，但建议处理。'}`,
    );
}
