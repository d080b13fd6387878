/**
 * What the content folder already holds, as far as an import is concerned: the office profile
 * (机构代码 for new 索引号, the taxonomy), every 索引号 in use and the file that has it, every
 * 标题 with its 发布日期 (pages without a 索引号 are recognised by these on a second import),
 * the notice file names taken, and the attachments.
 */
import { readContentFolder } from '../content/content-folder.ts';
import { parseSiteYaml, SITE_FILE, type ContentFolder } from '../content/content-check.ts';
import { decodeSource } from '../content/source-text.ts';
import { splitNotice } from '../content/notice-source.ts';
import { usedIndexNumbers } from '../domain/notice/used-index-numbers.ts';
import { formatProblem } from '../domain/problems.ts';
import type { SiteConfig } from '../domain/site/site-config.ts';
import { normaliseIndexNumber } from './normalise.ts';
import { squash } from './page-lines.ts';

export interface ContentState {
  site: SiteConfig;
  /** Every 索引号 as written in a notice file (for allocating the next one). */
  used: string[];
  /** 索引号, normalised as imported ones are → the notice file holding it. */
  indexNumbers: Map<string, string>;
  /** `titleKey(标题, 发布日期)` → the notice file. */
  titles: Map<string, string>;
  /** Notice files by path without extension, lower-cased: `notices/2010/20100424-tongzhi`. */
  names: Set<string>;
  attachments: ReadonlyMap<string, number>;
}

/** Bad arguments: a content folder that cannot take notices. */
export class ContentError extends Error {}

export function titleKey(title: string, publishedOn: string): string {
  return `${squash(title)}\u0000${publishedOn}`;
}

export function indexKey(indexNumber: string): string {
  return normaliseIndexNumber(indexNumber).value ?? indexNumber;
}

export async function readContentState(dir: string): Promise<ContentState> {
  const folder = await readContentFolder(dir);
  if (!folder.siteYaml)
    throw new ContentError(`找不到 ${dir}/${SITE_FILE}：请用 --content 指定内容文件夹（其中要有 site.yaml）`);
  const { site, problems } = parseSiteYaml(folder.siteYaml);
  if (!site) throw new ContentError(['site.yaml 有错误，先改正才能导入：', ...problems.map(formatProblem)].join('\n'));
  const state: ContentState = {
    site,
    used: usedIndexNumbers(folder),
    indexNumbers: new Map(),
    titles: new Map(),
    names: new Set(
      [...folder.notices.map((n) => n.path), ...folder.strayFiles].map((f) => f.toLowerCase().replace(/\.mdx?$/, '')),
    ),
    attachments: folder.attachments,
  };
  for (const notice of folder.notices) remember(state, notice);
  return state;
}

function remember(state: ContentState, notice: ContentFolder['notices'][number]): void {
  for (const value of usedIndexNumbers({ notices: [notice] })) state.indexNumbers.set(indexKey(value), notice.path);
  const decoded = decodeSource(notice.bytes);
  const data = decoded.ok ? splitNotice(notice.path, decoded.text).source?.data : undefined;
  const [title, date] = [data?.['标题'], data?.['发布日期']];
  if (typeof title === 'string' && typeof date === 'string')
    state.titles.set(titleKey(title, date.trim()), notice.path);
}
