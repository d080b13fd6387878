/**
 * Plain text out of a notice body (Markdown or MDX), via remark's syntax tree: used for the
 * 内容概述 fallback and the empty-body rule. Outside Astro, so `check` and the catalogue agree.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { splitCjkStrong } from './cjk-emphasis.ts';

// GFM, as Astro renders it: tables, strikethrough, autolinks.
const parser = unified().use(remarkParse).use(remarkGfm);

let lastSource: string | undefined;
let lastTree: Root | undefined;

/**
 * The syntax tree of a body. The rules ask several questions of the same body in a row
 * (empty? lead? text? links?), so the last tree is kept instead of parsing again.
 */
export function parseBody(markdown: string): Root {
  if (markdown !== lastSource || !lastTree) {
    lastTree = parser.parse(markdown);
    lastSource = markdown;
  }
  return lastTree;
}
const parse = parseBody;

/** Text as the page shows it: `**` pairs the page renders as bold lose their asterisks. */
function readerText(text: string): string {
  return text.includes('**') ? splitCjkStrong(text).map((run) => run.value).join('') : text;
}

/** True when the body has no text, image, table or markup a reader could see. */
export function isBodyEmpty(markdown: string): boolean {
  const tree = parse(markdown);
  return toString(tree).trim() === '' && !hasVisibleNonText(tree.children);
}

function hasVisibleNonText(nodes: RootContent[]): boolean {
  return nodes.some(
    (node) =>
      node.type === 'image' || node.type === 'table' || (node.type === 'html' && node.value.trim() !== '') ||
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
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
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
      name.startsWith('#') ? String.fromCodePoint(parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10)) : ENTITIES[name] ?? whole,
    );
}
