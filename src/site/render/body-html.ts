/**
 * The HTML of a body on its page — every notice (Markdown or MDX) and the 指南 — in three steps:
 * 1. the tree `check` also reads (src/domain/body/body-tree.ts: one parser per format);
 * 2. the one sanitizer (src/domain/body/html-policy.ts): whatever `check` let through, only allowed
 *    elements, attributes and URL schemes reach the page;
 * 3. the site's own additions, made after sanitizing because they are ours, not the editor's:
 *    links placed under the base path, 外链提示 for other sites, scrollable tables, heading ids
 *    (as Astro makes them, for in-page links), `**加粗。**` as bold.
 * Bodies are rendered here rather than by Astro's content collection: `check` has read and
 * validated every notice already, and a collection would parse them all again.
 */
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { bodyFormat, bodyTree } from '../../domain/body/body-tree.ts';
import { sanitizeBody } from '../../domain/body/html-policy.ts';
import { splitCjkStrong } from '../../domain/body/cjk-emphasis.ts';
import { externalLinkNotice, siteLinkUrl, TABLE_SCROLL } from './site-links.ts';

/** Where the site is published: what placing links needs. */
export interface BodyLinkContext {
  base: string;
  siteUrl?: string;
}

export function bodyHtml(source: { file: string; body: string }, site: BodyLinkContext): string {
  const tree = sanitizeBody(bodyTree(source.body, bodyFormat(source.file)));
  decorate(tree, site);
  return toHtml(tree);
}

/**
 * Ids the page around a body uses (skip link target, labelled sections, search and offline
 * widgets). A heading `## Main` or an `id` in the body gets `main-1` instead, so the page never
 * holds two elements with one id. tests/unit/body-html.test.ts keeps the list complete.
 */
export const PAGE_IDS = [
  'main',
  'site-search',
  'summary-heading',
  'attachments-heading',
  'interpretations-heading',
  'original-heading',
  'qr-caption',
  'contacts-heading',
  'latest-heading',
  'save-offline-heading',
  'offline-empty',
  'offline-hint',
  'offline-list',
  'offline-list-heading',
  'search-empty',
  'search-facets',
  'search-filters-summary',
  'search-form',
  'search-offline',
  'search-page',
  'search-pager',
  'search-q',
  'search-results',
  'search-sort',
  'search-status',
  // 政府信息公开制度, 机构信息 and the home's blocks.
  'rules-notices-heading',
  'organ-functions-heading',
  'organ-departments-heading',
  'organ-leaders-heading',
  'organ-contacts-heading',
  'home-search',
  'home-columns-heading',
  // 依申请公开's sections.
  'apply-who',
  'apply-content',
  'apply-channels',
  'apply-time',
  'apply-fee',
  'apply-form',
  // /nianbao/: the 年度报告 list and the figures.
  'reports-heading',
  'figures-heading',
] as const;

function decorate(tree: Root, site: BodyLinkContext): void {
  const slugger = new GithubSlugger();
  for (const id of PAGE_IDS) slugger.slug(id);
  const reserved = new Set<string>(PAGE_IDS);
  const visit = (parent: Root | Element): void => {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if (child.type === 'text') return strongRuns(child.value);
      if (child.type !== 'element') return [child];
      if (child.tagName !== 'code' && child.tagName !== 'pre') visit(child);
      placeLinks(child, site);
      const id = child.properties.id;
      if (typeof id === 'string' && reserved.has(id)) child.properties.id = slugger.slug(id);
      else if (/^h[1-6]$/.test(child.tagName) && typeof id !== 'string')
        child.properties.id = slugger.slug(textOf(child));
      if (child.tagName === 'table') return [scrollRegion(child)];
      return [child];
    }) as typeof parent.children;
  };
  visit(tree);
}

function strongRuns(value: string): ElementContent[] {
  if (!value.includes('**')) return [{ type: 'text', value }];
  return splitCjkStrong(value).map((run): ElementContent =>
    run.strong
      ? { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: run.value }] }
      : { type: 'text', value: run.value },
  );
}

function placeLinks(element: Element, site: BodyLinkContext): void {
  const property = element.tagName === 'a' ? 'href' : element.tagName === 'img' ? 'src' : undefined;
  const url = property && element.properties[property];
  if (typeof url !== 'string') return;
  const external = element.tagName === 'a' ? externalLinkNotice(url, site) : undefined;
  if (external) {
    element.properties.href = external.url;
    element.properties.className = external.className;
    element.properties.title = external.title;
    return;
  }
  element.properties[property!] = siteLinkUrl(url, site.base) ?? url;
}

function scrollRegion(table: Element): Element {
  const { className, role, tabindex, 'aria-label': label } = TABLE_SCROLL;
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: [className], role, tabIndex: Number(tabindex), ariaLabel: label },
    children: [table],
  };
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
