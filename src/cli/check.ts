/**
 * npm run check [-- --content DIR] [--fix] [--summary FILE]
 * Reports every content problem in one run; exits 1 when there is an error.
 * --fix rewrites what can be fixed safely (UTF-16/32 and GBK → UTF-8, full-width YAML syntax,
 * keys under another name, 文号 brackets) and gives notices saved without a 索引号 the next free
 * one, before checking, backing up each original beside the content folder
 * (src/content/safe-rewrite.ts).
 * --summary appends the result as Markdown to FILE (the CI job's summary page).
 */
import { parseSiteOptions } from './options.ts';
import { printProblems } from './report.ts';
import { appendCheckSummary } from './check-summary.ts';
import { fixContentFolder } from '../content/fix-content.ts';
import { loadContentInParallel } from '../content/parallel-check.ts';
import { emptyColumnProblems } from '../content/content-check.ts';
import { formatProblem } from '../domain/problems.ts';
import { personalInfoExceptionLines } from '../domain/privacy/personal-info.ts';

const { site, values } = parseSiteOptions(process.argv.slice(2), {
  fix: { type: 'boolean' },
  summary: { type: 'string' },
});
const fixes = values.fix ? await fixContentFolder(site.content) : [];
for (const line of fixes) console.log(line);
const report = await loadContentInParallel(site.content, { cache: true });
printProblems(report.problems);
const emptyColumns = report.content ? emptyColumnProblems(report.content) : [];
if (typeof values.summary === 'string') {
  appendCheckSummary(values.summary, {
    problems: [...report.problems, ...emptyColumns],
    fixes,
    noticeCount: report.content?.notices.length,
  });
}
if (report.content) {
  for (const line of personalInfoExceptionLines(report.content.notices)) console.log(line);
  for (const problem of emptyColumns) console.error(formatProblem(problem));
  const warned = report.problems.length + emptyColumns.length > 0;
  console.log(`检查通过：${report.content.notices.length} 篇公文${warned ? '（有警告，见上）' : '，没有发现问题'}。`);
} else {
  process.exit(1);
}
