/**
 * What the lists beside the 目录 share: the 栏目 pages (/fading/<code>/), the 规范性文件
 * (/guifan/…) and the 政策解读 (/jiedu/…). They are paged like the 目录 and, like it, rendered
 * again on a rebuild only when what they show has changed (page-reuse.ts): a 规范性文件 is
 * listed on four of them (/guifan/, its 有效性, its year, /fading/guifan/), a notice on each of
 * its 栏目, and editing one should not re-render them all.
 */
import type { Page } from 'astro';
import type { Notice } from '../../content/content-check.ts';
import type { Column, ColumnPage } from '../../domain/catalogue/columns.ts';
import type { NormativeFacets } from '../../domain/catalogue/normative-list.ts';
import { paths } from '../../domain/site/site-paths.ts';
import type { UiKey } from '../../domain/site/ui-strings.ts';
import { cataloguePagePath, shownKey } from './catalogue-pages.ts';
import { needingRender } from './page-reuse.ts';
import type { SiteContent } from './site-content.ts';

/** The page of the site that is itself content of a column (columns.ts `page`), and its link text. */
export const COLUMN_PAGES: Record<ColumnPage, { path: string; label: UiKey }> = {
  organ: { path: paths.organ, label: 'columnPage.organ' },
  rules: { path: paths.rules, label: 'columnPage.rules' },
  normative: { path: paths.normative, label: 'columnPage.normative' },
  interpretations: { path: paths.interpretations, label: 'columnPage.interpretations' },
  'annual-reports': { path: paths.annualFigures, label: 'columnPage.annual-reports' },
};

/**
 * A column's description when it says more than its name: 《条例》第二十一条's items are their own
 * description (社会救助), and a page saying 社会救助 twice reads as a mistake.
 */
export function columnDescription(column: Column): string | undefined {
  return column.description && column.description !== column.name ? column.description : undefined;
}

/**
 * Paginated list entries, less those a rebuild can take unchanged from the previous build.
 * `inputsOf` names what the page shows beyond its place in the paging: its rows (by
 * catalogue-pages.ts `shownKey`, never a body) and anything else that can change with content.
 */
export function pagedNeedingRender<T extends { props: { page: Page<unknown> } }>(
  entries: readonly T[],
  listPathOf: (entry: T) => string,
  inputsOf: (entry: T) => unknown,
): T[] {
  return needingRender(
    entries,
    (entry) => cataloguePagePath(listPathOf(entry), entry.props.page.currentPage),
    (entry) => {
      const { currentPage, lastPage, total } = entry.props.page;
      return [listPathOf(entry), currentPage, lastPage, total, inputsOf(entry)];
    },
  );
}

/**
 * What a 规范性文件 page shows beyond its place in the paging: its heading, the narrowing links
 * and their counts, and per row the document and the title of the one that replaced it.
 */
export function normativePageInputs(
  props: { page: Page<Notice>; heading?: string; facets: NormativeFacets },
  content: SiteContent,
): unknown {
  const replacement = (n: Notice) => (n.replacedBy ? content.byIndexNumber.get(n.replacedBy)?.title : undefined);
  return [
    props.heading,
    props.facets,
    content.normative.length,
    props.page.data.map((n) => [shownKey(n), replacement(n)]),
  ];
}

/** A 政策解读 and the document it interprets (absent only if `check` has let a bad reference pass). */
export interface InterpretationPair {
  interpretation: Notice;
  original?: Notice;
}

/** The 政策解读 of the site beside their 原文, newest 解读 first. */
export function interpretationPairs(content: SiteContent): InterpretationPair[] {
  return content.newest
    .filter((n) => n.interprets)
    .map((interpretation) => ({ interpretation, original: content.byIndexNumber.get(interpretation.interprets!) }));
}
