/**
 * An import from start to end: every page read, the ones already in the content folder (same
 * 索引号, or same 标题 and 发布日期) skipped, the others written as notices that `check` then
 * judges like any other — a personal-information hit or an irregular value is reported and the
 * file still written, for the clerk to fix. Nothing existing is ever overwritten.
 *
 * Pages with a 索引号 are written as they come; pages without one wait until every page has
 * been seen, then get the next free numbers in date order, as `npm run new` would allocate
 * them: a number allocated early could otherwise be the one a later page carries.
 */
import { readFile, writeFile, mkdir, lstat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { noticeFileChecker } from '../content/content-check.ts';
import { yearOf } from '../domain/notice/calendar-date.ts';
import { nextIndexNumber, MAX_SERIAL } from '../domain/notice/index-allocator.ts';
import { formatIndexNumber, parseIndexNumber } from '../domain/notice/index-number.ts';
import { noticeSlug } from '../domain/notice/notice-template.ts';
import { AttachmentPlacer, copyPlaced } from './attachments.ts';
import { ContentError, indexKey, readContentState, titleKey, type ContentState } from './content-state.ts';
import { nearestCategory } from '../domain/notice/taxonomy.ts';
import { Mirror } from './mirror.ts';
import { noticeFileText } from './notice-file.ts';
import { pageBody, type PageBody } from './page-body.ts';
import { readPage, type ReadPage } from './read-page.ts';
import type { ReportRow } from './import-report.ts';
import { listSources, type PageSource } from './sources.ts';

export interface ImportOptions {
  source: string;
  content: string;
  dryRun: boolean;
  defaultCategory?: string;
  /** Called after each page. */
  progress?: (done: number, total: number) => void;
}

export interface ImportResult {
  rows: ReportRow[];
  /** Pages that could not be read: the run ends non-zero. */
  readFailures: number;
}

/** A write to the content folder failed: the run stops (disk full, no permission). */
export class WriteError extends Error {}

/** A page ready to be written: its fields and body, without its document (pages may wait, memory may not). */
interface Pending {
  row: ReportRow;
  page: Pick<ReadPage, 'fields' | 'title' | 'publishedOn' | 'indexNumber'>;
  body: PageBody;
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const sources = await listSources(options.source);
  const state = await readContentState(options.content);
  const taxonomy = state.site.taxonomy;
  if (options.defaultCategory && !taxonomy.includes(options.defaultCategory)) {
    throw new ContentError(
      `--分类“${options.defaultCategory}”不在分类表中，是否应为“${nearestCategory(options.defaultCategory, taxonomy)}”？`,
    );
  }
  const mirror = new Mirror(sources.root);
  const placer = new AttachmentPlacer(state.attachments);
  const writer = new NoticeWriter(options, state);
  const rows: ReportRow[] = sources.refused.map((r) => row(r.shown, { outcome: 'failed', reason: r.reason }));
  let readFailures = sources.refused.length;
  const waiting: Pending[] = [];
  const seenIndex = new Map<string, string>();
  const seenTitle = new Map<string, string>();
  const total = sources.pages.length;

  for (const [done, source] of sources.pages.entries()) {
    const result = await importPage(source);
    if (result) rows.push(result);
    options.progress?.(done + 1, total);
  }
  waiting.sort((a, b) => a.page.publishedOn.localeCompare(b.page.publishedOn) || a.row.page.localeCompare(b.row.page));
  for (const pending of waiting) {
    const key = titleKey(pending.page.title, pending.page.publishedOn);
    const twin = state.titles.get(key) ?? seenTitle.get(key);
    if (twin) {
      skip(pending.row, `已有标题和发布日期相同的公文（${twin}）`);
      continue;
    }
    seenTitle.set(key, pending.row.page);
    await writer.write(pending);
  }
  return { rows, readFailures };

  async function importPage(source: PageSource): Promise<ReportRow | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(source.file);
    } catch (error) {
      readFailures++;
      return row(source.shown, { outcome: 'failed', reason: `读取失败（${(error as Error).message}）` });
    }
    const read = readPage(bytes, source.shown, { taxonomy, defaultCategory: options.defaultCategory });
    if (!read.ok) return row(source.shown, { outcome: 'skipped', reason: read.reason });
    const { page } = read;
    const entry = row(source.shown, {
      outcome: 'written',
      title: page.title,
      publishedOn: page.publishedOn,
      notes: [...page.notes],
    });
    if (page.indexNumber) {
      const key = indexKey(page.indexNumber);
      const existing = state.indexNumbers.get(key);
      if (existing) return skip(entry, `索引号 ${page.indexNumber} 已存在（${existing}）`);
      const earlier = seenIndex.get(key);
      if (earlier) return skip(entry, `索引号 ${page.indexNumber} 与本次导入的 ${earlier} 相同`);
      seenIndex.set(key, source.shown);
      seenTitle.set(titleKey(page.title, page.publishedOn), source.shown);
    } else if (state.titles.has(titleKey(page.title, page.publishedOn))) {
      // Decided again once all pages are seen; skipping now saves extracting its body.
      return skip(entry, `已有标题和发布日期相同的公文（${state.titles.get(titleKey(page.title, page.publishedOn))}）`);
    }
    const body = pageBody(page, source.file, { mirror, placer, contentDir: options.content });
    entry.notes.push(...body.notes);
    // After the body: a 成文日期 may come from the signature.
    entry.missing = page.missing.filter((key) => key !== '索引号');
    if (!body.markdown.trim()) return skip(entry, '正文为空，也没有附件');
    const { fields, title, publishedOn, indexNumber } = page;
    const pending = { row: entry, page: { fields, title, publishedOn, ...(indexNumber ? { indexNumber } : {}) }, body };
    if (indexNumber) await writer.write(pending);
    else waiting.push(pending);
    return entry;
  }
}

function row(page: string, fields: Partial<ReportRow> & Pick<ReportRow, 'outcome'>): ReportRow {
  return { page, missing: [], notes: [], ...fields };
}

function skip(entry: ReportRow, reason: string): ReportRow {
  entry.outcome = 'skipped';
  entry.reason = reason;
  entry.notes = [];
  entry.missing = [];
  return entry;
}

/** Writes notices (and their attachments) into the content folder, or pretends to with --dry-run. */
class NoticeWriter {
  private readonly options: ImportOptions;
  private readonly state: ContentState;
  private readonly check: ReturnType<typeof noticeFileChecker>;
  /** Per organ code and year, the last serial allocated in this run. */
  private readonly serials = new Map<string, number>();

  constructor(options: ImportOptions, state: ContentState) {
    this.options = options;
    this.state = state;
    this.check = noticeFileChecker(state.site);
  }

  async write({ row: entry, page, body }: Pending): Promise<void> {
    const fields = { ...page.fields, ...(body.attachments.length ? { 附件: body.attachments } : {}) };
    let indexNumber = page.indexNumber;
    if (!indexNumber) {
      const allocated = this.allocate(yearOf(page.publishedOn));
      if (!allocated) {
        skip(
          entry,
          `机构代码 ${this.state.site.organCode} 在 ${yearOf(page.publishedOn)} 年的流水号已用完，不能分配索引号`,
        );
        return;
      }
      indexNumber = allocated;
      fields['索引号'] = indexNumber;
      entry.notes.unshift('页面没有索引号，已新分配');
    }
    entry.indexNumber = indexNumber;
    const text = noticeFileText(fields, body.markdown);
    const year = yearOf(page.publishedOn);
    const genre = typeof fields['体裁'] === 'string' ? fields['体裁'] : undefined;

    for (let attempt = 0; ; attempt++) {
      const slug = noticeSlug(page.title, page.publishedOn, {
        ...(genre ? { genre } : {}),
        isTaken: (s) => this.state.names.has(`notices/${year}/${s}`),
      });
      const file = `notices/${year}/${slug}.md`;
      this.state.names.add(file.replace(/\.md$/, ''));
      if (this.options.dryRun || (await this.writeFiles(file, text, body))) {
        this.finish(entry, file, text, indexNumber, page);
        return;
      }
      if (attempt > 20) throw new WriteError(`${file} 一直被占用，没有写入`);
    }
  }

  private allocate(year: number): string | undefined {
    const code = this.state.site.organCode;
    const key = `${code}/${year}`;
    let serial = this.serials.get(key);
    if (serial === undefined) {
      try {
        const first = parseIndexNumber(nextIndexNumber(this.state.used, code, year));
        serial = first.ok ? first.parts.serial : 1;
      } catch {
        return undefined;
      }
    } else serial += 1;
    if (serial > MAX_SERIAL) return undefined;
    this.serials.set(key, serial);
    return formatIndexNumber({ code, year, serial });
  }

  /** False when the notice file appeared meanwhile (never overwritten): the caller picks another name. */
  private async writeFiles(file: string, text: string, body: PageBody): Promise<boolean> {
    const content = this.options.content;
    try {
      await refuseLinkedFolders(content, [dirname(file), ...body.files.map((f) => `attachments/${dirname(f.path)}`)]);
      for (const placed of body.files) await copyPlaced(content, placed);
      const target = join(content, file);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') return false;
      if (error instanceof WriteError) throw error;
      throw new WriteError(`写入 ${file} 时出错：${(error as Error).message}`);
    }
  }

  private finish(entry: ReportRow, file: string, text: string, indexNumber: string, page: Pending['page']): void {
    entry.outcome = this.options.dryRun ? 'would-write' : 'written';
    entry.file = file;
    this.state.used.push(indexNumber);
    this.state.indexNumbers.set(indexKey(indexNumber), file);
    this.state.titles.set(titleKey(page.title, page.publishedOn), file);
    const problems = this.check(file, new TextEncoder().encode(text)).problems;
    for (const problem of problems) {
      const where = problem.line ? `第 ${problem.line} 行` : '';
      entry.notes.push(
        `${problem.severity === 'error' ? 'check 错误' : 'check 警告'}：${where}${problem.field}：${problem.message}`,
      );
    }
  }
}

/**
 * The folders an import writes into must be real folders of the content folder: a symbolic link
 * there would send notices or attachments somewhere else on the computer.
 */
async function refuseLinkedFolders(content: string, folders: readonly string[]): Promise<void> {
  for (const folder of new Set(folders)) {
    let path = content;
    for (const segment of folder.split('/')) {
      path = join(path, segment);
      const stat = await lstat(path).catch(() => undefined);
      if (!stat) break;
      if (stat.isSymbolicLink() || !stat.isDirectory())
        throw new WriteError(`${path} 是符号链接或不是文件夹，导入不会写入那里；请改为普通文件夹后再导入`);
    }
  }
}
