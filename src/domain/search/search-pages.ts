/**
 * Pages of the site other than notices that the search index holds: the 指南. Kept apart from
 * search-record.ts so the build's main thread can describe them without loading the 简繁
 * converter, which only the search worker needs.
 */
import { toString } from 'mdast-util-to-string';
import { bodyPlainText, eachNode, parseBody } from '../body/body-text.ts';

/**
 * A page of the site that is not a notice but that readers search for: the 指南, where a reader
 * asking about 依申请公开, fees or office hours should land rather than on notices that mention them.
 */
export interface SearchPage {
  /** Root-relative path (site-paths.ts). */
  path: string;
  title: string;
  /** The page's headings: the topics it covers, which rank as its title does (see pageSearchRecord). */
  headings: readonly string[];
  /** The reader-visible text, headings included. */
  text: string;
}

/** The 指南 as a search page, from guide.md; `title` is the page's heading. */
export function guideSearchPage(guide: string, title: string, path: string): SearchPage {
  const headings: string[] = [];
  eachNode(parseBody(guide), (node) => {
    if (node.type === 'heading') headings.push(toString(node).replace(/\s+/g, ' ').trim());
  });
  return { path, title, headings: headings.filter(Boolean), text: bodyPlainText(guide) };
}
