/**
 * npm run import -- <保存的网站文件夹 | 网页文件 | 列表文件> [--content DIR] [--dry-run]
 *   [--分类 X] [--report FILE]
 * Turns a saved copy of the old site's 信息公开 pages into notices (src/import/), prints the
 * report and writes it as CSV. Exits 2 on bad arguments, 1 when a page cannot be read or a file
 * cannot be written, 0 otherwise — pages skipped or needing a look are the report's business.
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chinaTimeParts } from '../domain/text/china-time.ts';
import { ContentError } from '../import/content-state.ts';
import { runImport, WriteError } from '../import/import-run.ts';
import { reportCsv, reportLines } from '../import/import-report.ts';
import { SourceError } from '../import/sources.ts';

const USAGE = [
  '用法：npm run import -- <来源> [选项]',
  '把旧网站保存下来的信息公开页面导入为公文。<来源> 可以是：',
  '  用 wget 或 HTTrack 保存的网站文件夹；一个网页文件；或每行写一个网页路径的文本文件。',
  '',
  '  --content 文件夹      内容文件夹，默认 content',
  '  --dry-run             试运行：只出报告，不写入任何文件',
  '  --分类 名称           页面没有分类、或分类不在分类表中时使用的分类（也可写 --category）',
  '  --report 文件         报告（CSV）保存到哪里，默认当前文件夹中的 import-report-<时间>.csv',
  '  --help                显示本说明',
  '',
  '说明见 docs/import.md。',
].join('\n');

function fail(message: string): never {
  console.error(message);
  console.error('（运行 npm run import -- --help 查看用法）');
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: {
      content: { type: 'string' },
      'dry-run': { type: 'boolean' },
      分类: { type: 'string' },
      category: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
} catch (error) {
  // node:util's messages are English: `Unknown option '--x'`, `Option '--content <value>' argument missing`.
  const named = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? '';
  const code = (error as { code?: string }).code;
  fail(
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `不认识的选项 ${named}`
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? `选项 ${named} 后面缺少内容`
        : `选项有误：${(error as Error).message}`,
  );
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  fail(
    positionals.length
      ? `只能给一个来源，现在给了 ${positionals.length} 个：${positionals.join('、')}`
      : '缺少来源：请给出保存的网站文件夹、网页文件或列表文件',
  );
}
const category = values['分类'] ?? values.category;
const content = resolve(values.content ?? 'content');
const dryRun = values['dry-run'] === true;
const { year, month, day, hour, minute, second } = chinaTimeParts(new Date());
const reportFile = resolve(values.report ?? `import-report-${year}${month}${day}-${hour}${minute}${second}.csv`);

let lastShown = Date.now();
const progress = (done: number, total: number) => {
  if (total < 50) return;
  const now = Date.now();
  if (done === total || now - lastShown > 2000) {
    lastShown = now;
    console.error(`已处理 ${done}/${total} 个页面…`);
  }
};

try {
  const result = await runImport({
    source: positionals[0]!,
    content,
    dryRun,
    ...(category ? { defaultCategory: category } : {}),
    progress,
  });
  for (const line of reportLines(result.rows, { dryRun })) console.log(line);
  try {
    writeFileSync(reportFile, reportCsv(result.rows));
    console.log(`\n报告已写入 ${reportFile}（用 Excel 打开，每个页面一行）。`);
  } catch (error) {
    console.error(`报告没有写入 ${reportFile}：${(error as Error).message}`);
    process.exit(1);
  }
  if (!dryRun && result.rows.some((r) => r.outcome === 'written')) {
    console.log('接下来：运行 npm run check，按提示改正后再 npm start 预览（见 docs/import.md）。');
  }
  if (result.readFailures) process.exit(1);
} catch (error) {
  if (error instanceof SourceError || error instanceof ContentError) fail(error.message);
  if (error instanceof WriteError) {
    console.error(`导入中止：${error.message}`);
    process.exit(1);
  }
  throw error;
}
