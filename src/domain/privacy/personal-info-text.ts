/**
 * Text as a reader sees it, prepared for the personal-information scan (personal-info.ts).
 * Whatever an editor puts between the digits of a number that the reader does not see —
 * zero-width and other format characters, bold markers, inline tags, HTML comments — must not
 * hide the number, so the scan reads the visible text of a whole block, not the source.
 *
 * `VisibleText` gathers that text piece by piece and remembers where each piece came from, so
 * a number found in it is reported at its line in the source. `foldChars` then writes every
 * digit, space, dash and dot one way, character for character (offsets stay put).
 */

/**
 * Characters a reader never sees: Unicode format characters (category Cf: zero-width space and
 * joiners U+200B–U+200D, bidi marks, U+2060–U+2064, BOM, soft hyphen U+00AD, U+180E …), the
 * combining grapheme joiner and variation selectors. They are dropped, never treated as a gap.
 */
const INVISIBLE = /[\p{Cf}\u034f\u17b4\u17b5\ufe00-\ufe0f]/gu;
/**
 * A quick test that is true for every text with an `INVISIBLE` character (the blocks holding
 * all of Cf, and any astral character): a large Unicode class costs far more per character.
 */
// Lone code points on purpose (combining marks, surrogate halves): this is a quick pre-filter.
const MAYBE_INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00ad\u034f\u0600-\u08ff\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb\ud800-\udbff]/;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

const hasInvisible = (text: string) => MAYBE_INVISIBLE.test(text) && HAS_INVISIBLE.test(text);

/** `text` with the invisible characters removed (for comparing values, not for offsets). */
export function withoutInvisible(text: string): string {
  return hasInvisible(text) ? text.replace(INVISIBLE, '') : text;
}

/** A piece of visible text and where its first character is in the source. */
interface Piece {
  /** Offset of the piece in the visible text. */
  at: number;
  /** Offset of its first character in the source (best effort when the parser decoded escapes). */
  origin: number;
  /** 1-based source line of its first character. */
  line: number;
  /** The piece as in the source, newlines included, to count lines within it. */
  source: string;
}

/**
 * The text of one block (paragraph, heading, table cell, code block …) as a reader sees it.
 * A soft line break inside a paragraph shows as a space; in a code block it ends the line,
 * and `lineBreaks: 'break'` keeps it a boundary no number runs across.
 *
 * The visible text is worked out when first asked for: most blocks are dismissed on `written`
 * (too few digits to hold a number) without it.
 */
export class VisibleText {
  /** What was added, in order; `undefined` is a break. */
  private readonly added: (Piece | undefined)[] = [];
  private built: { text: string; pieces: Piece[] } | undefined;
  private readonly lineBreaks: 'space' | 'break';

  constructor(lineBreaks: 'space' | 'break' = 'space') {
    this.lineBreaks = lineBreaks;
  }

  /** Adds `text`, whose first character is at `origin` on `line` of the source. */
  add(text: string, origin: number, line: number): void {
    if (text === '') return;
    this.added.push({ at: 0, origin, line, source: text });
    this.built = undefined;
  }

  /** A boundary no number runs across: a cell's edge, a `<br>`, an image between two digits. */
  break(): void {
    this.added.push(undefined);
    this.built = undefined;
  }

  /** The text as added, invisible characters and all: enough to tell there is no number. */
  get written(): string {
    return this.added.length === 1 && this.added[0]
      ? this.added[0].source
      : this.added.map((p) => p?.source ?? '\n').join('');
  }

  /** The text a reader sees, invisible characters dropped. */
  get text(): string {
    return this.build().text;
  }

  /** Where the character at `index` of `text` is in the source. */
  locate(index: number): { origin: number; line: number } {
    const piece = pieceAt(this.build().pieces, index);
    if (!piece) return { origin: 0, line: 1 };
    const within = Math.min(index - piece.at, piece.source.length);
    return { origin: piece.origin + within, line: piece.line + newlinesIn(piece.source, 0, within) };
  }

  private build(): { text: string; pieces: Piece[] } {
    if (this.built) return this.built;
    const parts: string[] = [];
    const pieces: Piece[] = [];
    let length = 0;
    const push = (source: string, origin: number, line: number) => {
      if (source === '') return;
      const shown =
        this.lineBreaks === 'space' && (source.includes('\n') || source.includes('\r'))
          ? source.replace(/[\r\n]/g, ' ')
          : source;
      pieces.push({ at: length, origin, line, source });
      parts.push(shown);
      length += shown.length;
    };
    for (const piece of this.added) {
      if (!piece) {
        parts.push('\n');
        length += 1;
      } else if (!hasInvisible(piece.source)) push(piece.source, piece.origin, piece.line);
      else {
        const { source, origin, line } = piece;
        let last = 0;
        for (const match of source.matchAll(INVISIBLE)) {
          push(source.slice(last, match.index), origin + last, line + newlinesIn(source, 0, last));
          last = match.index + match[0].length;
        }
        push(source.slice(last), origin + last, line + newlinesIn(source, 0, last));
      }
    }
    return (this.built = { text: parts.join(''), pieces });
  }
}

function pieceAt(pieces: readonly Piece[], index: number): Piece | undefined {
  let low = 0,
    high = pieces.length - 1,
    found: Piece | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (pieces[mid]!.at <= index) {
      found = pieces[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

// ── One way to write a digit, a space, a dash, a dot ──────────────────────────────────────────

/** For each UTF-16 code unit that is folded, what it becomes (0: itself). */
const FOLD = new Uint16Array(0x10000);
const fold = (to: string, ...ranges: [number, number][]) => {
  for (const [from, through] of ranges)
    for (let c = from; c <= through; c++) FOLD[c] = to === '' ? c - 0xfee0 : to.charCodeAt(0);
};
// Full-width digits, X, x, ＋, （ and ）, as Chinese input methods type them.
fold('', [0xff10, 0xff19], [0xff38, 0xff38], [0xff58, 0xff58], [0xff0b, 0xff0b], [0xff08, 0xff09]);
// Spaces of every width (NBSP, ideographic, thin …), tab, and the blank-looking fillers.
fold(
  ' ',
  [0x09, 0x09],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xffa0, 0xffa0],
  [0x2800, 0x2800],
);
// Hyphens and dashes: ‐ ‑ ‒ – — ― − ⸺ ⸻ ﹘ ﹣ － ー ─ ━ ｰ.
fold(
  '-',
  [0x2010, 0x2015],
  [0x2212, 0x2212],
  [0x2e3a, 0x2e3b],
  [0xfe58, 0xfe58],
  [0xfe63, 0xfe63],
  [0xff0d, 0xff0d],
  [0x30fc, 0x30fc],
  [0x2500, 0x2501],
  [0xff70, 0xff70],
);
// Dots: · • ․ ‧ ∙ ⋅ ・ ． ･.
fold(
  '.',
  [0xb7, 0xb7],
  [0x2022, 0x2022],
  [0x2024, 0x2024],
  [0x2027, 0x2027],
  [0x2219, 0x2219],
  [0x22c5, 0x22c5],
  [0x30fb, 0x30fb],
  [0xff0e, 0xff0e],
  [0xff65, 0xff65],
);

/**
 * `text` with full-width digits, X, ＋ and brackets made half-width, every kind of space made
 * " ", every dash "-" and every dot ".": one character for one, so offsets stay put.
 */
export function foldChars(text: string): string {
  let out = '',
    last = 0;
  for (let i = 0; i < text.length; i++) {
    const to = FOLD[text.charCodeAt(i)]!;
    if (to === 0) continue;
    out += text.slice(last, i) + String.fromCharCode(to);
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

// ── HTML ───────────────────────────────────────────────────────────────────────────────────

/** Elements that start a new block or line on the page: text on either side never joins. */
const BLOCK_ELEMENT =
  /^(?:address|article|aside|audio|blockquote|br|canvas|caption|col|colgroup|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|img|input|li|main|nav|ol|option|p|pre|section|select|summary|table|tbody|td|textarea|tfoot|th|thead|tr|ul|video)$/i;
const HTML_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<\/?([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi;
const ATTRIBUTE =
  /\s(href|src|title|alt|value|placeholder|content|data-[\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
  ZeroWidthSpace: '\u200b',
  NoBreak: '\u2060',
  hyphen: '\u2010',
  dash: '\u2010',
  ndash: '\u2013',
  mdash: '\u2014',
  minus: '\u2212',
  middot: '\u00b7',
  bull: '\u2022',
  period: '.',
};

/** The character an HTML entity stands for, or the entity itself when it is not one we know. */
function decodeEntity(name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? `&${name};`;
}

/** An attribute whose value the page publishes: a link target (`href`, `src`) or text (`title`, `alt` …). */
export interface HtmlAttribute {
  name: string;
  value: string;
  line: number;
}

/**
 * Adds what a reader sees of an HTML fragment to `into`: the text between tags, entities
 * decoded. Comments vanish (the site strips them from pages, and a comment between two digits
 * hides nothing), as do scripts and styles; inline tags (`<b>`, `<span>`) vanish too, so
 * `138<b>1234</b>5678` reads as one number, while block tags and `<br>` are boundaries.
 * Returns the attributes that publish text or addresses, for a separate scan.
 */
export function addHtml(html: string, into: VisibleText, origin: number, line: number): HtmlAttribute[] {
  const attributes: HtmlAttribute[] = [];
  // `last` is where the text not yet added starts, on line `lastLine`.
  let last = 0,
    lastLine = line;
  const advance = (to: number) => {
    lastLine += newlinesIn(html, last, to);
    last = to;
  };
  for (const match of html.matchAll(HTML_TOKEN)) {
    const [token, , tag, entity] = match;
    into.add(html.slice(last, match.index), origin + last, lastLine);
    advance(match.index);
    if (entity !== undefined) into.add(decodeEntity(entity), origin + last, lastLine);
    else if (tag !== undefined) {
      if (BLOCK_ELEMENT.test(tag)) into.break();
      for (const attribute of token.matchAll(ATTRIBUTE)) {
        const raw = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
        const value = raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (_, name: string) => decodeEntity(name));
        attributes.push({
          name: attribute[1]!.toLowerCase(),
          value,
          line: lastLine + newlinesIn(token, 0, attribute.index),
        });
      }
    }
    advance(match.index + token.length);
  }
  into.add(html.slice(last), origin + last, lastLine);
  return attributes;
}

// ── Addresses ──────────────────────────────────────────────────────────────────────────────

/** The scheme and host of an absolute address (`https://host`, `//host`, `www.host`). */
const AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#\\]*|^www\.[^/?#\\]*/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** What separates the parts of an address: a number never runs across one. */
const PART_DELIMITER = /[/\\?#&=;:@,!$'*|]/g;

/** One part of an address, decoded, with its offset in the address as written. */
export interface AddressPart {
  text: string;
  offset: number;
}

/**
 * The parts of a link target, image source or file path that can publish a number: everything
 * but the scheme and the host (a host's digits are a site's, not a person's), cut at `/ ? # & =
 * ; : @ ,`, percent-escapes decoded, and `+` read as a space in a query. A `tel:`, `sms:` or
 * `mailto:` target has no host: its whole text is a part.
 */
export function addressParts(address: string): AddressPart[] {
  const authority = AUTHORITY.exec(address);
  const from = authority ? authority[0].length : (SCHEME.exec(address)?.[0].length ?? 0);
  const parts: AddressPart[] = [];
  let start = from,
    inQuery = false;
  const take = (end: number) => {
    if (end > start)
      parts.push({
        text: decodePercent(inQuery ? address.slice(start, end).replace(/\+/g, ' ') : address.slice(start, end)),
        offset: start,
      });
  };
  for (const match of address.slice(from).matchAll(PART_DELIMITER)) {
    const at = from + match.index;
    take(at);
    if (match[0] === '?' || match[0] === '#') inQuery = true;
    start = at + 1;
  }
  take(address.length);
  return parts;
}

function decodePercent(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (escaped) => {
    try {
      return decodeURIComponent(escaped);
    } catch {
      return escaped;
    }
  });
}
