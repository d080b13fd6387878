/**
 * What the pages need of the checked content, worked out once per build: orderings, look-ups
 * and counts that many pages share. Plain TypeScript (no Astro), so the build script can make it
 * before Astro starts and hand it over (checked-content.ts).
 */
import type { Content, Notice } from '../../content/content-check.ts';
import { catalogueFacets, newestFirst, type CatalogueFacets } from '../../domain/catalogue/catalogue.ts';

export interface SiteContent extends Content {
  /** All notices, newest first. */
  newest: Notice[];
  byIndexNumber: Map<string, Notice>;
  /** 原文 索引号 → its 解读 notices. */
  interpretationsOf: Map<string, Notice[]>;
  /** The 目录's narrowing links with counts, shown on every 目录 page: computed once. */
  facets: CatalogueFacets;
}

export function prepareSiteContent(content: Content): SiteContent {
  const { notices } = content;
  const interpretationsOf = new Map<string, Notice[]>();
  for (const notice of notices) {
    if (!notice.interprets) continue;
    const list = interpretationsOf.get(notice.interprets);
    if (list) list.push(notice);
    else interpretationsOf.set(notice.interprets, [notice]);
  }
  return {
    ...content,
    newest: newestFirst(notices),
    facets: catalogueFacets(notices, content.site.taxonomy),
    byIndexNumber: new Map(notices.map((n) => [n.indexNumber, n])),
    interpretationsOf,
  };
}
