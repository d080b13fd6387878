/**
 * `check --fix` gives each notice saved without a 索引号 (as the browser editor saves a new one)
 * the next free number for site.yaml's 机构代码 and the year of its 发布日期 — the number `npm run
 * new` would have written. Notices are numbered in order of 发布日期, then path, so a run on the
 * same folder always hands out the same numbers. A notice that already has one keeps it: a
 * published 索引号 never changes. Two clerks saving at once cannot get the same number, because
 * numbers are handed out here, by one `check --fix` run over the merged folder (in CI, one
 * publish at a time), not by the editors.
 */
import { splitNotice } from './notice-source.ts';
import { isCalendarDate, toDateText, yearOf, type CalendarDate } from '../domain/notice/calendar-date.ts';
import { nextIndexNumber } from '../domain/notice/index-allocator.ts';
import type { IndexNumber } from '../domain/notice/index-number.ts';
import { usedIndexNumbers } from '../domain/notice/used-index-numbers.ts';

export interface NoticeText {
  /** Path relative to the content folder (`notices/2026/x.md`). */
  path: string;
  text: string;
}

export interface Allocation {
  path: string;
  /** The notice's text with its `索引号:` line. */
  text: string;
  /** 1-based line of the `索引号:` line in `text`. */
  line: number;
  indexNumber: IndexNumber;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** Notices left without a number, and why, in Chinese (one line each). */
  skipped: string[];
}

/**
 * Numbers for every notice of `notices` that has none, given all the folder's notices.
 * `organCode` is site.yaml's 机构代码; undefined when site.yaml cannot be read.
 */
export function allocateIndexNumbers(notices: readonly NoticeText[], organCode: string | undefined): AllocationResult {
  const skipped: string[] = [];
  const waiting: { notice: NoticeText; publishedOn: CalendarDate; lineOf: (key: string) => number | undefined }[] = [];
  for (const notice of notices) {
    const { source } = splitNotice(notice.path, notice.text.replace(/\r\n?/g, '\n'));
    if (!source || !isBlank(source.data['索引号'])) continue;
    const date = toDateText(source.data['发布日期']);
    if (typeof date !== 'string' || !isCalendarDate(date)) {
      skipped.push(`未分配索引号 ${notice.path}：发布日期缺少或有误，索引号的年份取自发布日期；改正后再运行 npm run check -- --fix`);
      continue;
    }
    if (organCode === undefined) {
      skipped.push(`未分配索引号 ${notice.path}：机构代码取自 site.yaml，而 site.yaml 有错误；先改正 site.yaml`);
      continue;
    }
    waiting.push({ notice, publishedOn: date, lineOf: source.lineOf });
  }
  if (!waiting.length || organCode === undefined) return { allocations: [], skipped };

  waiting.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.notice.path.localeCompare(b.notice.path));
  const encoder = new TextEncoder();
  const used = usedIndexNumbers({ notices: notices.map((n) => ({ path: n.path, bytes: encoder.encode(n.text) })) });
  const allocations: Allocation[] = [];
  for (const { notice, publishedOn, lineOf } of waiting) {
    let indexNumber: IndexNumber;
    try {
      indexNumber = nextIndexNumber(used, organCode, yearOf(publishedOn));
    } catch (error) {
      skipped.push(`未分配索引号 ${notice.path}：${(error as Error).message}`);
      continue;
    }
    used.push(indexNumber);
    allocations.push({ path: notice.path, indexNumber, ...withIndexLine(notice.text, indexNumber, lineOf) });
  }
  return { allocations, skipped };
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim());

/**
 * The text with `索引号: "<number>"`: on the blank `索引号:` line when there is one, else after
 * 标题 (where `npm run new` writes it), else first. Line ends stay as they were.
 */
function withIndexLine(
  text: string,
  indexNumber: IndexNumber,
  lineOf: (key: string) => number | undefined,
): { text: string; line: number } {
  const parts = text.split(/(\r\n|\r|\n)/); // line, line end, line, …
  const lines = parts.filter((_, i) => i % 2 === 0);
  const entry = `索引号: "${indexNumber}"`;
  const blankLine = lineOf('索引号');
  if (blankLine) {
    parts[2 * (blankLine - 1)] = entry;
    return { text: parts.join(''), line: blankLine };
  }
  const end = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
  let after = lineOf('标题') ?? 1; // 1: the opening `---`
  // A 标题 written over several lines (a block or a continued value) ends before the next key.
  while (after < end && /^[ \t]/.test(lines[after]!)) after++;
  const lineEnd = parts[1] ?? '\n';
  parts.splice(2 * after, 0, entry, lineEnd);
  return { text: parts.join(''), line: after + 1 };
}
