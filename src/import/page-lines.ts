/**
 * A page's visible text as lines, each with the block element it sits in: the form in which
 * metadata labels are found whatever the template — table cells, definition lists, divs and
 * spans, or plain “标签：值” lines — and found again in the document to remove them.
 */

export interface PageLine {
  text: string;
  /** The block element (cell, dt/dd, p, div, li …) the line's first text belongs to. */
  owner: Element;
}

/** Elements that start a new line. `<br>` too. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose text readers do not see as page text. */
const INVISIBLE = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'HEAD',
  'TITLE',
  'IFRAME',
  'OBJECT',
  'SVG',
]);

/** Whitespace as pages write it: ASCII, no-break space (&nbsp;), the ideographic space, zero-width. */
export const SPACE = /[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g;

export function squash(text: string): string {
  return text.replace(SPACE, ' ').trim();
}

export function pageLines(root: Element): PageLine[] {
  const lines: PageLine[] = [];
  let text = '';
  let owner = root;
  const flush = () => {
    const line = squash(text);
    if (line) lines.push({ text: line, owner });
    text = '';
  };
  const walk = (node: Node, block: Element) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        if (!text.trim()) owner = block;
        text += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const element = child as Element;
        const tag = element.tagName.toUpperCase();
        if (INVISIBLE.has(tag)) continue;
        if (!BLOCK.has(tag)) {
          walk(element, block);
          continue;
        }
        flush();
        if (tag === 'BR' || tag === 'HR') continue;
        walk(element, element);
        flush();
      }
    }
  };
  walk(root, root);
  flush();
  return lines;
}

/** Text length without whitespace: how much an element shows. */
export function shownLength(element: Element): number {
  return (element.textContent ?? '').replace(SPACE, '').length;
}
