/**
 * Plain text out of a notice body (Markdown or MDX), via remark's syntax tree: used for the
 * 内容概述 fallback and the empty-body rule. Outside Astro, so `check` and the catalogue agree.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

const parser = unified().use(remarkParse);

function parse(markdown: string): Root {
  return parser.parse(markdown);
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
    .map((node) => toString(node).replace(/\s+/g, ' ').trim())
    .find((t) => t !== '' && !isSalutation(t));
  if (!text) return '';
  const sentences = text.match(SENTENCE) ?? [text];
  let lead = sentences[0]!.trim();
  if ([...lead].length < 10 && sentences[1]) lead += sentences[1].trim();
  const chars = [...(lead || text)];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : chars.join('');
}
