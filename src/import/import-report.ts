/**
 * The import report: one row per page (written, skipped and why, fields the page lacks, what
 * the clerk should look at), a summary for the terminal, and the same rows as CSV for Excel.
 */
import { toCsv } from '../domain/text/csv.ts';

export interface ReportRow {
  /** The page, relative to the saved site's folder. */
  page: string;
  outcome: 'written' | 'would-write' | 'skipped' | 'failed';
  reason?: string;
  /** The notice file written, relative to the content folder. */
  file?: string;
  indexNumber?: string;
  title?: string;
  publishedOn?: string;
  /** Catalogue fields the page does not give. */
  missing: string[];
  /** What to look at: values changed or guessed, missing attachments, check's findings. */
  notes: string[];
}

const OUTCOME: Readonly<Record<ReportRow['outcome'], string>> = {
  written: '已导入',
  'would-write': '将导入（试运行）',
  skipped: '跳过',
  failed: '出错',
};

export function reportCsv(rows: readonly ReportRow[]): string {
  return toCsv([
    ['页面', '结果', '原因', '公文文件', '索引号', '标题', '发布日期', '未找到的字段', '需要核对'],
    ...rows.map((r) => [
      r.page,
      OUTCOME[r.outcome],
      r.reason ?? '',
      r.file ?? '',
      r.indexNumber ?? '',
      r.title ?? '',
      r.publishedOn ?? '',
      r.missing.join('、'),
      r.notes.join('；'),
    ]),
  ]);
}

/**
 * Terminal lines: totals, skip reasons, how many pages lack each field; then every page (a
 * small import) or the pages that need a look (at most `limit`; the CSV has them all).
 */
export function reportLines(
  rows: readonly ReportRow[],
  { dryRun = false, everyPageUpTo = 100, limit = 200 } = {},
): string[] {
  const count = (outcome: ReportRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  const written = count('written') + count('would-write');
  const lines = [
    `${dryRun ? '试运行（没有写入任何文件）' : '导入完成'}：共 ${rows.length} 个页面，${dryRun ? '将导入' : '导入'} ${written} 篇公文，跳过 ${count('skipped')} 个，出错 ${count('failed')} 个。`,
  ];
  const tally = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  };
  const reasons = tally(rows.filter((r) => r.reason).map((r) => kindOf(r.reason!)));
  if (reasons.length) {
    lines.push('', '跳过和出错的原因：');
    for (const [reason, n] of reasons) lines.push(`  ${String(n).padStart(5)}  ${reason}`);
  }
  const missing = tally(rows.flatMap((r) => r.missing));
  if (missing.length) lines.push('', `页面上没有的字段：${missing.map(([key, n]) => `${key} ${n} 篇`).join('，')}`);

  const every = rows.length <= everyPageUpTo;
  const shown = every ? rows : rows.filter((r) => r.notes.length || r.outcome === 'failed');
  if (shown.length) lines.push('', every ? '逐页结果：' : `需要人工核对的页面（${shown.length} 个）：`);
  for (const r of shown.slice(0, limit)) {
    const target = r.file ? ` → ${r.file}（${r.indexNumber}）` : `：${r.reason}`;
    lines.push(`  [${OUTCOME[r.outcome]}] ${r.page}${target}`);
    if (r.missing.length) lines.push(`      页面上没有：${r.missing.join('、')}`);
    for (const note of r.notes) lines.push(`      ${note}`);
  }
  if (shown.length > limit) lines.push(`  ……其余 ${shown.length - limit} 个见报告文件`);
  return lines;
}

/** A reason without the page-specific part, for the totals: `索引号 X 已存在（…）` → `索引号已存在`. */
function kindOf(reason: string): string {
  if (/^索引号 .* 已存在/.test(reason)) return '索引号已存在（已导入过）';
  if (/^索引号 .* 与本次导入的/.test(reason)) return '与本次导入的另一页面索引号相同';
  if (/^已有标题和发布日期相同/.test(reason)) return '已有标题和发布日期相同的公文（已导入过）';
  if (/^读取失败/.test(reason)) return '读取失败';
  return reason.replace(/（[^）]*）$/, '') || '其他';
}
