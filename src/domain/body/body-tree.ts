/**
 * A body (a notice's or the 指南's) as the HTML tree its page will show, before the site adds
 * its own links and wrappers: one parser per format, the same call in `check` and in the build.
 *
 * - Markdown: Sätteri (the parser Astro 7 uses) with raw HTML parsed into real elements, so the
 *   sanitizer (html-policy.ts) judges the elements a browser would see, not strings.
 * - MDX: Sätteri's MDX parser; JSX elements become plain elements with their literal attributes
 *   (mdx-elements.ts). Nothing in an MDX body is ever compiled or run, unless site.yaml opts in
 *   to MDX code (see content-check.ts).
 */
import { markdownToHast, mdxToHast } from 'satteri';
import type { Root } from 'hast';
import { mdxToElements } from './mdx-elements.ts';

export type BodyFormat = 'markdown' | 'mdx';

export function bodyFormat(file: string): BodyFormat {
  return /\.mdx$/i.test(file) ? 'mdx' : 'markdown';
}

/**
 * Sätteri's features for a page: GFM (tables, strikethrough, task lists, footnotes with Chinese
 * labels) and smart punctuation as Astro's defaults, and no frontmatter: a body's frontmatter
 * has been split off already, so a body whose first line is `---` opens with a 分隔线.
 */
const PAGE_FEATURES = {
  gfm: { footnotes: { label: '注释', backLabel: '返回正文第 {reference} 处' } },
  frontmatter: false,
  smartPunctuation: true,
} as const;

/**
 * The tree of `body` as it will be on the page, unsanitized. `positions` keeps source lines on
 * Markdown nodes and MDX elements (for `check`'s messages); raw HTML in Markdown has none.
 */
export function bodyTree(body: string, format: BodyFormat, { positions = false } = {}): Root {
  if (format === 'mdx') return mdxToElements(mdxToHast(body, { features: PAGE_FEATURES, position: positions }) as Root);
  return markdownToHast(body, { features: { ...PAGE_FEATURES, rawHtml: true }, position: positions }) as Root;
}
