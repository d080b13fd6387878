/**
 * What makes one page of the 目录 (CataloguePage.astro): its path, whether it offers 离线保存,
 * and the inputs that decide whether a rebuild must render it again (page-reuse.ts).
 */
import type { Page } from 'astro';
import type { Notice } from '../../content/content-check.ts';
import type { SiteContent } from './site-content.ts';
import { inputsKey, needingRender } from './page-reuse.ts';
import { buildContext } from './build-context.ts';

export function cataloguePagePath(listPath: string, currentPage: number): string {
  return currentPage > 1 ? `${listPath}${currentPage}/` : listPath;
}

/** The whole 目录's first page offers 离线保存 (SaveOffline), which needs the build's name. */
export function offersOffline(currentPage: number, heading: string | undefined): boolean {
  return !heading && currentPage === 1;
}

const shownKeys = new WeakMap<Notice, string>();

/**
 * The key of what a 目录 table shows of a notice: its metadata and 内容概述 (lead), never its
 * body. A notice is listed on several 目录 (all, its 分类, year, 发布机构), so it is worked out once.
 */
export function shownKey(notice: Notice): string {
  let key = shownKeys.get(notice);
  if (key === undefined) {
    const { body: _, text: __, ...shown } = notice;
    key = inputsKey(shown);
    shownKeys.set(notice, key);
  }
  return key;
}

interface CatalogueEntry {
  props: { page: Page<Notice>; heading?: string };
}

/** Paginated 目录 entries, less those a rebuild can take unchanged from the previous build. */
export function catalogueNeedingRender<T extends CatalogueEntry>(
  entries: readonly T[],
  listPathOf: (entry: T) => string,
  content: SiteContent,
): T[] {
  return needingRender(
    entries,
    (entry) => cataloguePagePath(listPathOf(entry), entry.props.page.currentPage),
    ({ props: { page, heading } }) => [
      heading,
      page.currentPage,
      page.lastPage,
      page.total,
      page.data.map(shownKey),
      content.facets,
      content.notices.length,
      offersOffline(page.currentPage, heading) ? buildContext().buildId : undefined,
    ],
  );
}
