/**
 * A notice body's syntax tree, and the plain text out of it: used for the 内容概述 fallback,
 * the empty-body rule, the search index, and by the link and personal-information rules.
 *
 * The tree comes from Sätteri, the Markdown parser Astro 7 renders the pages with
 * (markdown-plugins.ts), with the same features (GFM: tables, strikethrough, autolinks), so
 * `check` reads exactly the links, images and text that the page will show. Sätteri parses in
 * native code: about a tenth of the time remark took, which was most of `check` at county scale.
 */
import { markdownToMdast } from 'satteri';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root, RootContent } from 'mdast';
import { splitCjkStrong } from './cjk-emphasis.ts';

/**
 * Sätteri's features for a body, on the page (markdown-plugins.ts) and in `check` alike: GFM,
 * as Astro's default, and no frontmatter. A body's frontmatter has been split off already, so
 * a body whose first line is `---` opens with a 分隔线; read as a second frontmatter, the text
 * up to the next `---` would vanish from the page without a word.
 */
export const BODY_FEATURES = { gfm: true, frontmatter: false } as const;

let lastSource: string | undefined;
let lastTree: Root | undefined;

/**
 * The syntax tree of a body. The rules ask several questions of the same body in a row
 * (empty? lead? text? links?), so the last tree is kept instead of parsing again.
 */
export function parseBody(markdown: string): Root {
  if (markdown !== lastSource || !lastTree) {
    // Sätteri's tree is mdast (same node types and fields, UTF-16 offsets as in JavaScript strings).
    // An MDX body is read as Markdown too: its elements (<aside>…) are HTML nodes, whose text and
    // links the rules still see; mdx-syntax.ts compiles it as MDX to catch what would not build.
    lastTree = markdownToMdast(markdown, { features: BODY_FEATURES }) as unknown as Root;
    lastSource = markdown;
  }
  return lastTree;
}
const parse = parseBody;

/**
 * Calls `fn` on every node of a body's tree, each before its children, in document order.
 * (unist-util-visit does the same with a copy of the ancestors per node: twenty times slower,
 * and the rules here never need the ancestors.)
 */
export function eachNode(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) eachNode(child, fn);
}

/** Text as the page shows it: `**` pairs the page renders as bold lose their asterisks. */
function readerText(text: string): string {
  return text.includes('**')
    ? splitCjkStrong(text)
        .map((run) => run.value)
        .join('')
    : text;
}

/** True when the body has no text, image, table or markup a reader could see. */
export function isBodyEmpty(markdown: string): boolean {
  const tree = parse(markdown);
  return toString(tree).trim() === '' && !hasVisibleNonText(tree.children);
}

function hasVisibleNonText(nodes: RootContent[]): boolean {
  return nodes.some(
    (node) =>
      node.type === 'image' ||
      node.type === 'table' ||
      (node.type === 'html' && node.value.trim() !== '') ||
      ('children' in node && hasVisibleNonText(node.children as RootContent[])),
  );
}

/** `各村（居）委会，镇直各单位：` — the 主送机关 line that opens a 公文, not its content. */
function isSalutation(text: string): boolean {
  return /[：:]$/.test(text) && [...text].length <= 60;
}

const SENTENCE = /[^。！？!?]*[。！？!?]+[”’」』）)]*/gu;

/**
 * The 内容概述 that stands in when a notice gives no 摘要: the first sentence of the first
 * paragraph (two, when the first is very short), capped at `maxChars`.
 */
export function leadSentences(markdown: string, maxChars = 120): string {
  const tree = parse(markdown);
  const text = tree.children
    .filter((node) => node.type === 'paragraph')
    .map((node) => readerText(toString(node)).replace(/\s+/g, ' ').trim())
    .find((t) => t !== '' && !isSalutation(t));
  if (!text) return '';
  const sentences = text.match(SENTENCE) ?? [text];
  let lead = sentences[0]!.trim();
  if ([...lead].length < 10 && sentences[1]) lead += sentences[1].trim();
  const chars = [...(lead || text)];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : chars.join('');
}

/**
 * The reader-visible text of a body, block by block, for the search index: headings,
 * paragraphs and list items on their own lines, table cells separated by spaces, HTML tags
 * (MDX elements such as <aside>) dropped but their text kept.
 */
export function bodyPlainText(markdown: string): string {
  const lines: string[] = [];
  const walk = (node: RootContent | Root): void => {
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        lines.push(inlineText(node));
        return;
      case 'tableRow':
        lines.push(node.children.map(inlineText).join(' '));
        return;
      case 'html':
        lines.push(stripTags(node.value));
        return;
      case 'code':
        lines.push(node.value);
        return;
      default:
        if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
    }
  };
  walk(parse(markdown));
  return lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function inlineText(node: RootContent): string {
  if (node.type === 'html') return stripTags(node.value);
  if (node.type === 'text') return readerText(node.value);
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(inlineText).join('');
  return '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) =>
      name.startsWith('#')
        ? String.fromCodePoint(parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10))
        : (ENTITIES[name] ?? whole),
    );
}
