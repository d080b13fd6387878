/**
 * The numbers a Markdown body (a notice's or the 指南's) publishes, read the way the page shows
 * them (see personal-info.ts): each block's visible text as one string, so markup between two
 * digits hides nothing, plus what a reader can follow or hover: link and image targets and
 * titles, image descriptions, link reference definitions, the href, src, title and alt of tags.
 */
import type { Root, RootContent } from 'mdast';
import { parseBody } from '../body/body-text.ts';
import { splitCjkStrong } from '../body/cjk-emphasis.ts';
import {
  findInAddress,
  findInProse,
  hasEnoughDigits,
  todayInChina,
  type PersonalInfoMatch,
  type ScanOptions,
} from './personal-info-numbers.ts';
import { addHtml, foldChars, VisibleText, type HtmlAttribute } from './personal-info-text.ts';

/** A number found, with its 1-based line in the scanned source. */
export type LocatedMatch = PersonalInfoMatch & { line: number };

/**
 * Every number a reader of the body can see or follow, with its 1-based line in `markdown`:
 * the text of each paragraph, heading and table cell read as one string, code, HTML (text and
 * the href, src, title and alt of its tags), image descriptions, link and image titles and
 * targets, link reference definitions. A number is reported once per line.
 */
export function findPersonalInfoInMarkdown(
  markdown: string,
  { today = todayInChina() }: ScanOptions = {},
): LocatedMatch[] {
  if (!hasEnoughDigits(markdown)) return [];
  const found: LocatedMatch[] = [];
  const seen = new Set<string>();
  const report = (match: PersonalInfoMatch, line: number, index: number) => {
    const key = `${line} ${match.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ ...match, index, line });
  };
  const scan: Scanner = {
    visible: (visible, isFigure) => {
      if (!hasEnoughDigits(visible.written)) return;
      for (const m of findInProse(visible.text, today)) {
        if (isFigure?.(m, visible.text)) continue;
        const at = visible.locate(m.index);
        report(m, at.line, at.origin);
      }
    },
    address: (address, line, origin) => {
      if (!hasEnoughDigits(address)) return;
      for (const m of findInAddress(address, today)) report(m, line, origin);
    },
    text: (text, line, origin) => {
      const visible = new VisibleText();
      visible.add(text, origin, line);
      scan.visible(visible);
    },
  };
  walkBlocks(parseBody(markdown), markdown, scan);
  return found.sort((a, b) => a.line - b.line || a.index - b.index);
}

interface Scanner {
  /** `isFigure`: true for a match that is a figure where it stands (see `isWholeFigure`). */
  visible: (visible: VisibleText, isFigure?: (match: PersonalInfoMatch, text: string) => boolean) => void;
  address: (address: string, line: number, origin: number) => void;
  text: (text: string, line: number, origin: number) => void;
}

const startOf = (node: Root | RootContent) => ({
  line: node.position?.start.line ?? 1,
  offset: node.position?.start.offset ?? 0,
});

/** Each block's visible text scanned as one string; containers (lists, quotes, tables) walked. */
function walkBlocks(node: Root | RootContent, markdown: string, scan: Scanner): void {
  const { line, offset } = startOf(node);
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return scan.visible(blockText(node.children, markdown, scan));
    case 'table': {
      const [head, ...rows] = node.children;
      const headings = (head?.children ?? []).map((cell) => blockText(cell.children, markdown, scan));
      for (const heading of headings) scan.visible(heading);
      const figures = headings.map((heading) => isFigureColumn(heading.text));
      for (const row of rows) {
        row.children.forEach((cell, column) =>
          scan.visible(blockText(cell.children, markdown, scan), figures[column] ? isWholeFigure : undefined),
        );
      }
      return;
    }
    case 'code': {
      // A fenced block's text starts on the line after its fence; an indented one on its own line.
      const fenced = /^\s*(```|~~~)/.test(markdown.split('\n', line)[line - 1] ?? '');
      const visible = new VisibleText('break');
      visible.add(node.value, offset, fenced ? line + 1 : line);
      return scan.visible(visible);
    }
    case 'html': {
      const visible = new VisibleText();
      const attributes = addHtml(node.value, visible, offset, line);
      scan.visible(visible);
      return scanAttributes(attributes, offset, scan);
    }
    case 'definition':
      scan.address(node.url, line, offset);
      return scan.text(node.title ?? '', line, offset);
  }
  if ('children' in node) for (const child of node.children as RootContent[]) walkBlocks(child, markdown, scan);
}

/** The visible text of a block's inline content (its side scans done on the way). */
function blockText(children: readonly RootContent[], markdown: string, scan: Scanner): VisibleText {
  const visible = new VisibleText();
  for (const child of children) addInline(child, visible, markdown, scan);
  return visible;
}

/**
 * A table column of amounts or counts (补贴金额（元）, 人数, 面积（亩）): the header gives the
 * unit its cells leave out. A heading naming a number, account or contact (号, 码, 账, 卡, 证,
 * 电话, 联系) never is.
 */
function isFigureColumn(heading: string): boolean {
  return (
    /金额|资金|元|数|面积|亩|产量|合计|小计|总计|比例|率|价|%|％/.test(heading) &&
    !/号|码|账|卡|证|电话|手机|联系/.test(heading)
  );
}

/**
 * In a figure column, a cell that is nothing but a mobile-length figure, unbroken or in
 * thousands, is an amount or count in the header's unit (`| 总投资 | 13800000000 |`), as
 * `13800000000元` is in running text. Every cell is still scanned: an ID or card number is
 * never an amount, a number among other words is not the cell's figure, and `138 0000 0000`
 * is grouped as a phone number, not as a figure.
 */
function isWholeFigure(match: PersonalInfoMatch, cellText: string): boolean {
  return (
    match.kind === 'mobile' &&
    cellText.trim() === match.text &&
    /^(?:\d+|\d{1,3}(?: \d{3})+)$/.test(foldChars(match.text))
  );
}

/**
 * Adds what a reader sees of an inline node to its block's text. Emphasis, inline code and a
 * link's text join their neighbours (`138**1234**5678` is one number on the page); a line
 * break, an image or a footnote mark sits between them. Titles, descriptions and targets are
 * scanned on their own.
 */
function addInline(node: RootContent, into: VisibleText, markdown: string, scan: Scanner): void {
  const { line, offset } = startOf(node);
  switch (node.type) {
    case 'text':
      return addText(node.value, into, offset, line);
    case 'inlineCode':
      return into.add(node.value, offset, line);
    case 'html':
      return scanAttributes(addHtml(node.value, into, offset, line), offset, scan);
    case 'break':
    case 'footnoteReference':
      return into.break();
    case 'image':
      into.break();
      scan.address(node.url, line, offset);
      scan.text(node.alt ?? '', line, offset);
      return scan.text(node.title ?? '', line, offset);
    case 'imageReference':
      into.break();
      return scan.text(node.alt ?? '', line, offset);
    case 'link': {
      scan.address(node.url, line, offset);
      scan.text(node.title ?? '', line, offset);
      // `<https://…>`, `<a@b.cn>` and bare www./http addresses show the address itself, just scanned.
      if (!markdown.startsWith('[', offset)) return into.break();
      break;
    }
  }
  if ('children' in node) for (const child of node.children as RootContent[]) addInline(child, into, markdown, scan);
}

/** Text as the page shows it: `**` pairs the page renders as bold lose their asterisks. */
function addText(value: string, into: VisibleText, origin: number, line: number): void {
  if (!value.includes('**')) return into.add(value, origin, line);
  let at = 0;
  for (const run of splitCjkStrong(value)) {
    const index = value.indexOf(run.value, at);
    into.add(run.value, origin + index, line + (value.slice(0, index).match(/\n/g)?.length ?? 0));
    at = index + run.value.length;
  }
}

function scanAttributes(attributes: readonly HtmlAttribute[], offset: number, scan: Scanner): void {
  for (const { name, value, line } of attributes) {
    if (name === 'href' || name === 'src') scan.address(value, line, offset);
    else scan.text(value, line, offset);
  }
}
