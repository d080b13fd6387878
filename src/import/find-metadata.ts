/**
 * Finding a disclosure page's metadata by its labels, not by position: templates put the
 * 索引号, 发布日期 … in label/value table cells, definition lists, divs and spans, or plain
 * “标签：值” lines, several to a line. Failing labels, the government meta tags (ArticleTitle,
 * PubDate, ContentSource) and then `<title>` are used. Values are returned as written, every
 * candidate in order of preference; normalise.ts picks the first that makes sense.
 */
import { labelOf, labelRank, MAX_LABEL_LENGTH, WEAK_LABELS, type LabelledKey } from './labels.ts';
import { pageLines, shownLength, squash, type PageLine } from './page-lines.ts';

export interface FoundValue {
  text: string;
  /** Where it came from: a label on the page, a meta tag, the page's `<title>`. */
  from: 'label' | 'meta' | 'title';
  /** The label as written, or the meta tag's name. */
  label: string;
}

export interface PageMetadata {
  /** Per field, every value found, best first. */
  candidates: ReadonlyMap<LabelledKey, readonly FoundValue[]>;
  /** Elements that hold only the metadata block: removed before the body is extracted. */
  blocks: Element[];
  /** The most times one field's label occurs with different values: list pages repeat 发布日期 per row. */
  repeats: number;
  /** The page's meta tags, names lower-cased. */
  metaTags: ReadonlyMap<string, string>;
}

interface LabelPair {
  key: LabelledKey;
  label: string;
  value: string;
  /** Position in the page, for ties. */
  order: number;
  lines: PageLine[];
}

/** Government meta tags (《政府网站网页设计规范》) and the field each gives. */
const META_FIELDS: readonly [string, LabelledKey][] = [
  ['articletitle', '标题'],
  ['pubdate', '发布日期'],
  ['contentsource', '发布机构'],
  ['columnname', '分类'],
];

const HAN = /\p{Script=Han}/u;
/** What ends a label: a colon, or the bracket of `【发布日期】2010-04-24`. */
const COLON = /[:：】]/g;

export function findMetadata(document: Document): PageMetadata {
  const body = document.body ?? document.documentElement;
  const lines = body ? pageLines(body) : [];
  const pairs = labelPairs(lines);
  const metaTags = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta[name]'))) {
    const name = meta.getAttribute('name')!.trim().toLowerCase();
    const content = squash(meta.getAttribute('content') ?? '');
    if (content && !metaTags.has(name)) metaTags.set(name, content);
  }

  const candidates = new Map<LabelledKey, FoundValue[]>();
  const add = (key: LabelledKey, value: FoundValue) => candidates.set(key, [...(candidates.get(key) ?? []), value]);
  const byPreference = [...pairs].sort(
    (a, b) => a.key.localeCompare(b.key) || labelRank(a.key, a.label) - labelRank(b.key, b.label) || a.order - b.order,
  );
  const fromLabel = (pair: LabelPair) => add(pair.key, { text: pair.value, from: 'label', label: pair.label });
  byPreference.filter((p) => !WEAK_LABELS.has(p.label)).forEach(fromLabel);
  for (const [name, key] of META_FIELDS) {
    const content = metaTags.get(name);
    if (content) add(key, { text: content, from: 'meta', label: name });
  }
  byPreference.filter((p) => WEAK_LABELS.has(p.label)).forEach(fromLabel);
  const title = pageTitle(document, metaTags.get('sitename'));
  if (title) add('标题', { text: title, from: 'title', label: 'title' });

  return { candidates, blocks: metadataBlocks(body, pairs), repeats: repeats(pairs), metaTags };
}

/**
 * `关于……的通知_肇庆市人民政府门户网站` → `关于……的通知`: a trailing part after `_`, `|`, `-`
 * or `——` goes when it names the site (the SiteName meta tag, or …政府, …网站, …网).
 */
function pageTitle(document: Document, siteName: string | undefined): string | undefined {
  let title = squash(document.querySelector('title')?.textContent ?? '');
  for (;;) {
    const match = /^(.{4,}?)\s*(?:[_|｜]|-{1,2}|—{1,2})\s*([^_|｜—-]+)$/.exec(title);
    if (!match || !(match[2] === siteName || /(政府|网站|门户|网|平台)$/.test(match[2]!))) return title || undefined;
    title = match[1]!;
  }
}

/** Every label with its value in `lines`. */
function labelPairs(lines: readonly PageLine[]): LabelPair[] {
  const pairs: LabelPair[] = [];
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    const whole = labelOf(line.text);
    if (whole) {
      // A label alone in its cell, dt or span: the value is the next element's text.
      if (whole.key && next && !labelOf(next.text) && isNextTo(line, next)) {
        pairs.push({ key: whole.key, label: whole.label, value: next.text, order: index, lines: [line, next] });
      }
      return;
    }
    const found = colonLabels(line.text);
    found.forEach((label, i) => {
      if (!label.key) return;
      const value = line.text.slice(label.end, found[i + 1]?.start ?? line.text.length).trim();
      if (value) pairs.push({ key: label.key, label: label.label, value, order: index, lines: [line] });
      else if (
        i === found.length - 1 &&
        next &&
        !labelOf(next.text) &&
        !colonLabels(next.text).length &&
        isNextTo(line, next)
      )
        pairs.push({ key: label.key, label: label.label, value: next.text, order: index, lines: [line, next] });
    });
  });
  return pairs;
}

/**
 * The labels in a line, each followed by a colon: `发布日期：2010-04-24 来源：市府办`. A label
 * directly after another Chinese character is part of a longer word (项目名称 is not 名称).
 */
function colonLabels(text: string): { start: number; end: number; label: string; key: LabelledKey | null }[] {
  const found: { start: number; end: number; label: string; key: LabelledKey | null }[] = [];
  let previousEnd = 0;
  for (const colon of text.matchAll(COLON)) {
    const at = colon.index;
    let best: (typeof found)[number] | undefined;
    for (let start = at - 1; start >= Math.max(previousEnd, at - MAX_LABEL_LENGTH * 2); start--) {
      const raw = text.slice(start, at);
      if (/^\s/.test(raw)) continue;
      const label = labelOf(raw);
      if (label && !HAN.test(text[start - 1] ?? '')) best = { start, end: at + 1, ...label };
    }
    if (best) {
      found.push(best);
      previousEnd = best.end;
    }
  }
  return found;
}

/**
 * True when `value` is in the element right after `label`'s (td → td, dt → dd, span → span),
 * or after an ancestor that holds nothing but the label (`<td><p>索引号：</p></td><td>…`).
 */
function isNextTo(label: PageLine, value: PageLine): boolean {
  let element: Element | null = label.owner;
  for (let depth = 0; element && depth < 4; depth++) {
    const sibling = element.nextElementSibling;
    if (sibling && (sibling === value.owner || sibling.contains(value.owner))) return true;
    const parent: Element | null = element.parentElement;
    if (!parent || squash(parent.textContent ?? '') !== label.text) return false;
    element = parent;
  }
  return false;
}

function repeats(pairs: readonly LabelPair[]): number {
  const values = new Map<LabelledKey, Set<string>>();
  for (const pair of pairs) values.set(pair.key, (values.get(pair.key) ?? new Set()).add(pair.value));
  return Math.max(0, ...[...values.values()].map((v) => v.size));
}

/**
 * The elements to remove with the metadata: for each line used, its largest ancestor that
 * shows little besides metadata (the metadata table, the `<div class="info">` line), so the
 * body extracted afterwards does not repeat it. An element that also holds body text stays.
 */
function metadataBlocks(body: Element | null, pairs: readonly LabelPair[]): Element[] {
  if (!body) return [];
  const used = new Set(pairs.flatMap((p) => p.lines));
  const metaLength = (element: Element) => {
    let length = 0;
    for (const line of used) if (element.contains(line.owner)) length += line.text.replace(/\s/g, '').length;
    return length;
  };
  const compact = (element: Element) => shownLength(element) <= metaLength(element) * 1.2 + 20;
  const blocks = new Set<Element>();
  for (const line of used) {
    let block: Element = line.owner;
    if (block === body || !compact(block)) continue;
    for (
      let parent: Element | null = block.parentElement;
      parent && parent !== body && compact(parent);
      parent = parent.parentElement
    )
      block = parent;
    blocks.add(block);
  }
  return [...blocks].filter((b) => ![...blocks].some((other) => other !== b && other.contains(b)));
}
