/**
 * A page's body as the notice's Markdown. Readability (Mozilla's reader view, over linkedom)
 * picks the main text out of what page-furniture.ts left; the unified utilities turn it into
 * Markdown (hast → mdast → GFM), which escapes whatever in the text would read as markup
 * (`<script>` in the page's text stays text), and keeps headings, lists, tables and emphasis.
 * Then the clean-up Word-pasted CMS content needs: `<br>` lines as paragraphs, empty `&nbsp;`
 * paragraphs out, the title and 文号 repeated at the top out, widget lines out.
 */
import { Readability } from '@mozilla/readability';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import type { ElementContent, Root as HastRoot } from 'hast';
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { CalendarDate } from '../domain/notice/calendar-date.ts';
import { fixDocNumberBrackets } from '../domain/notice/doc-number.ts';
import { labelOf } from './labels.ts';
import { isDateLine, parseDate, visibleText } from './normalise.ts';
import { isWidgetText } from './page-furniture.ts';
import { SPACE } from './page-lines.ts';
import { TOKEN_SCHEME } from './page-links.ts';

export interface BodyOptions {
  /** Lines equal to these at the top of the body repeat the metadata: the 标题, the 文号. */
  repeated: readonly string[];
  /** The site address of each token's file (`/attachments/2010/a.pdf`); tokens not listed are dropped. */
  placeOf: (token: string) => string | undefined;
}

export interface Body {
  markdown: string;
  /** Tokens the body still links to after extraction. */
  tokens: Set<string>;
  /** A date standing alone under the signature, when there is one: the 成文日期 as signed. */
  signedOn?: CalendarDate;
}

/** The main text of `document` (already cleaned of furniture), as Markdown. */
export function extractBody(document: Document, options: BodyOptions): Body {
  const html = mainContent(document);
  const hast = fromHtml(html, { fragment: true });
  const tokens = placeFiles(hast, options.placeOf);
  const mdast = toMdast(hast) as Root;
  const root: Root = { type: 'root', children: tidy(mdast.children) };
  dropRepeatedLead(root, options.repeated);
  const signedOn = signatureDate(root);
  const markdown = toMarkdown(root, {
    extensions: [gfmToMarkdown({ tablePipeAlign: true, stringLength: displayWidth })],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    listItemIndent: 'one',
    fences: true,
    resourceLink: false,
  });
  return { markdown: markdown.trim() ? markdown : '', tokens, ...(signedOn ? { signedOn } : {}) };
}

/** Readability's pick, or the whole body when it finds no article (a page that is all table, say). */
function mainContent(document: Document): string {
  const fallback = document.body?.innerHTML ?? '';
  try {
    const article = new Readability(document, { charThreshold: 200 }).parse();
    return article?.content && article.textContent?.trim() ? article.content : fallback;
  } catch {
    return fallback;
  }
}

/** Tokens → site addresses; links and images whose file has no place are reduced to their text. */
function placeFiles(tree: HastRoot, placeOf: BodyOptions['placeOf']): Set<string> {
  const used = new Set<string>();
  const visit = (parent: { children: ElementContent[] }) => {
    parent.children = parent.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child];
      const attribute = child.tagName === 'a' ? 'href' : child.tagName === 'img' ? 'src' : undefined;
      const value = attribute ? child.properties[attribute] : undefined;
      if (typeof value === 'string' && value.startsWith(TOKEN_SCHEME)) {
        const place = placeOf(value);
        if (!place) {
          const alt = child.properties['alt'];
          return child.tagName === 'img'
            ? typeof alt === 'string' && alt
              ? [{ type: 'text', value: alt }]
              : []
            : child.children;
        }
        used.add(value);
        child.properties[attribute!] = place;
      }
      visit(child);
      return [child];
    });
  };
  // A fragment's root holds what an element can: no doctype, no MDX.
  visit(tree as { children: ElementContent[] });
  return used;
}

type Block = RootContent;

/**
 * Paragraphs split at their line breaks (old CMS content separates paragraphs with `<br>`),
 * trimmed of the indentation spaces Word pastes (the site indents by itself), empty ones
 * and widget lines dropped; the same inside lists and quotes.
 */
function tidy(children: readonly Block[]): Block[] {
  return children.flatMap((node): Block[] => {
    if (node.type === 'html')
      return tidyParagraph({ type: 'paragraph', children: [{ type: 'text', value: node.value }] });
    if (node.type === 'paragraph') return tidyParagraph(node);
    if (node.type === 'heading') {
      node.children = trimPhrasing(node.children);
      return toString(node).trim() ? [node] : [];
    }
    if ('children' in node && (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote')) {
      (node as Parent).children = tidy((node as Parent).children as Block[]) as Parent['children'];
      return (node as Parent).children.length ? [node] : [];
    }
    if (node.type === 'text') return tidyParagraph({ type: 'paragraph', children: [node] });
    return [node];
  });
}

function tidyParagraph(paragraph: Paragraph): Block[] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === 'break') lines.push([]);
    else lines.at(-1)!.push(child);
  }
  return lines.flatMap((line): Block[] => {
    const children = trimPhrasing(line.map(cleanText));
    const text = toString({ type: 'paragraph', children }).replace(SPACE, '');
    const hasImage = children.some((c) => c.type === 'image');
    if ((!text && !hasImage) || isWidgetText(text)) return [];
    return [{ type: 'paragraph', children }];
  });
}

function cleanText(node: PhrasingContent): PhrasingContent {
  if (node.type === 'text')
    return { ...node, value: visibleText(node.value).replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, ' ') };
  if (node.type === 'html') return { type: 'text', value: visibleText(node.value) };
  if ('children' in node)
    return { ...node, children: (node.children as PhrasingContent[]).map(cleanText) } as PhrasingContent;
  return node;
}

/** Whitespace off both ends of a line, through emphasis and links. */
function trimPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const trimEdge = (nodes: PhrasingContent[], end: 'start' | 'end'): PhrasingContent[] => {
    const list = [...nodes];
    while (list.length) {
      const index = end === 'start' ? 0 : list.length - 1;
      const node = list[index]!;
      if (node.type === 'text') {
        const value =
          end === 'start' ? node.value.replace(/^[\s\u00a0\u3000]+/, '') : node.value.replace(/[\s\u00a0\u3000]+$/, '');
        if (value) {
          list[index] = { ...node, value };
          break;
        }
        list.splice(index, 1);
      } else if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete') {
        const inner = trimEdge(node.children, end);
        if (inner.length) {
          list[index] = { ...node, children: inner } as PhrasingContent;
          break;
        }
        list.splice(index, 1);
      } else break;
    }
    return list;
  };
  return trimEdge(trimEdge(children, 'start'), 'end');
}

const plain = (node: Nodes) => toString(node).replace(SPACE, '');

/**
 * The body's first blocks often repeat the page's title (split over two lines, sometimes), its
 * 文号 and metadata lines (`发布日期：…`): dropped up to the first block that is anything else.
 */
function dropRepeatedLead(root: Root, repeated: readonly string[]): void {
  const wanted = repeated.map((r) => r.replace(SPACE, '')).filter(Boolean);
  let pending = '';
  let drop = 0;
  for (let i = 0; i < Math.min(root.children.length, 12); i++) {
    const node = root.children[i]!;
    if (node.type !== 'paragraph' && node.type !== 'heading') break;
    // The 文号 line as the page typed it: 肇府办[2010]31号 for 肇府办〔2010〕31号.
    const text = fixDocNumberBrackets(plain(node));
    pending += text;
    if (wanted.includes(pending) || isLabelLine(text)) {
      drop = i + 1;
      pending = '';
    } else if (!wanted.some((w) => w.startsWith(pending))) break;
  }
  root.children.splice(0, drop);
}

function isLabelLine(text: string): boolean {
  const colon = text.search(/[:：]/);
  return colon > 0 && labelOf(text.slice(0, colon)) !== undefined;
}

/** The date under the signature: one of the last few paragraphs, a date and nothing else. */
function signatureDate(root: Root): CalendarDate | undefined {
  for (const node of root.children.slice(-4).reverse()) {
    if (node.type === 'paragraph' && isDateLine(toString(node))) return parseDate(toString(node));
  }
  return undefined;
}

/** Columns in a plain-text editor: Chinese characters take two, so table pipes line up in Notepad. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}
