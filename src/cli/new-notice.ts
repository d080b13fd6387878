/**
 * `npm run new` without the terminal: from a checked draft and the content folder as it is now,
 * the new file's path, text, 索引号 and URL; then writing it without ever overwriting.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkContent, type ContentFolder } from '../content/content-check.ts';
import type { SiteConfig } from '../domain/site/site-config.ts';
import { yearOf } from '../domain/notice/calendar-date.ts';
import { nextIndexNumber } from '../domain/notice/index-allocator.ts';
import type { IndexNumber } from '../domain/notice/index-number.ts';
import { noticeSlug, noticeTemplate } from '../domain/notice/notice-template.ts';
import { paths, publicUrl, withBase } from '../domain/site/site-paths.ts';
import { usedIndexNumbers } from '../domain/notice/used-index-numbers.ts';
import { formatProblem, type Problem } from '../domain/problems.ts';
import { fieldByKey, type NoticeKey } from '../domain/notice/fields.ts';
import type { Draft } from './new-options.ts';

export interface NewNoticePlan {
  /** Path relative to the content folder: `notices/2026/20261123-tongzhi.md`. */
  file: string;
  text: string;
  indexNumber: IndexNumber;
  /** Path of the page on the site, with the base: `/gk/xxgk/<slug>/`. */
  path: string;
  /** The page's full address, when site.yaml gives the 网址. */
  url?: string;
}

export type PlanResult = { ok: true; plan: NewNoticePlan } | { ok: false; message: string };

/**
 * Plan the new notice: the next free 索引号 for the draft's organ code in the year of its
 * 发布日期, a file name not yet used in `notices/<year>/` (as .md or .mdx: Astro would see both
 * as one entry), and the text — checked with the same rules as `npm run check`, so a file that
 * would not pass is never written.
 */
export function planNotice(folder: ContentFolder, site: SiteConfig, draft: Draft, base: string): PlanResult {
  const year = yearOf(draft.publishedOn);
  let indexNumber: IndexNumber;
  try {
    indexNumber = nextIndexNumber(usedIndexNumbers(folder), draft.code, year);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const taken = new Set(
    [...folder.notices.map((n) => n.path), ...folder.strayFiles].map((f) => f.toLowerCase().replace(/\.mdx?$/, '')),
  );
  const slug = noticeSlug(draft.title, draft.publishedOn, {
    genre: draft.genre,
    isTaken: (s) => taken.has(`notices/${year}/${s}`),
  });
  const file = `notices/${year}/${slug}.md`;
  const text = noticeTemplate({ ...draft, indexNumber });

  const problems = newFileProblems(folder, file, text);
  if (problems.length) {
    return {
      ok: false,
      message: [
        '生成的文件没有通过检查，所以没有新建（这是 npm run new 的问题，请把以下内容告诉维护人员）：',
        ...problems.map(formatProblem),
      ].join('\n'),
    };
  }
  const path = withBase(base, paths.notice(indexNumber));
  const url = publicUrl(site.url, paths.notice(indexNumber));
  return { ok: true, plan: { file, text, indexNumber, path, ...(url ? { url } : {}) } };
}

/**
 * Errors `check` would report in the new file. Checked beside site.yaml and the guide only:
 * the rest of the folder may have problems of its own, and the two rules across files are
 * already settled (the 索引号 is fresh; the 解读 target was looked up in checkDraft).
 */
function newFileProblems(folder: ContentFolder, file: string, text: string): Problem[] {
  const report = checkContent({
    siteYaml: folder.siteYaml,
    guide: folder.guide,
    notices: [{ path: file, bytes: new TextEncoder().encode(text) }],
    strayFiles: [],
    attachments: new Map(),
  });
  return report.problems.filter(
    (p) => p.file === file && p.severity === 'error' && p.kind !== 'dangling-interpretation',
  );
}

/** The fields the closing advice asks the editor to fill in, when the new file leaves them empty. */
const ADVISED_KEYS: readonly NoticeKey[] = ['摘要', '主题词', '成文日期', '有效性'];

/**
 * Of the advised fields, those the draft left empty, in the advice's order: the editor is asked
 * for 摘要 only when `--摘要` did not give it. 有效性 has no flag, so it is always among them.
 */
export function fieldsToFillIn(draft: Draft): NoticeKey[] {
  return ADVISED_KEYS.filter((key) => {
    const value = (draft as Partial<Record<string, unknown>>)[fieldByKey(key)!.name];
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  });
}

/**
 * Write the planned file under `contentDir`. The `wx` flag makes the operating system refuse
 * when the file exists, even if another `npm run new` created it a moment ago: returns false
 * then, so the caller can plan again.
 */
export async function writePlannedNotice(contentDir: string, plan: NewNoticePlan): Promise<boolean> {
  const target = join(contentDir, plan.file);
  await mkdir(dirname(target), { recursive: true });
  try {
    await writeFile(target, plan.text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    throw error;
  }
}
