/**
 * Personal information in what a notice publishes (保密审查, 先审后发). Under the Personal
 * Information Protection Law, public lists (低保公示, 补贴名单 …) must not show a full 居民身份证号码,
 * 手机号码 or 银行卡号. `check` finds them in the 标题, the 摘要 and the body (tables and inline HTML
 * included) and stops the build, unless the notice lists the number under 允许公开 with a reason.
 *
 * The detectors prefer missing an odd layout to crying wolf over 索引号, dates, amounts and
 * hotlines: a number counts only when it stands alone (no digit or letter joined to it, not in a
 * 索引号, path, decimal, web address or file name), is not an amount (followed by 元, 万元, 户 …,
 * or in a 金额/人数 table column) and passes the number's own checks (birth date and check
 * character for an ID, issuer digits and Luhn for a card).
 */
import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseBody } from './body-text.ts';
import { isCalendarDate, type CalendarDate } from './calendar-date.ts';
import type { Problem } from './problems.ts';

export type PersonalInfoKind = 'id-card' | 'mobile' | 'bank-card';

/** What editors call each kind, in messages. */
export const PERSONAL_INFO_LABEL: Record<PersonalInfoKind, string> = {
  'id-card': '居民身份证号码',
  mobile: '手机号码',
  'bank-card': '银行卡号',
};

/** One number found in a text. */
export interface PersonalInfoMatch {
  kind: PersonalInfoKind;
  /** As written: `138 1234 5678`, `+86-13812345678`. */
  text: string;
  /** Normalised (see `normalizePersonalInfo`): what 允许公开 values are compared with. */
  value: string;
  /** Offset of `text` in the scanned string. */
  index: number;
}

/** A number the notice must publish, as listed under 允许公开. */
export interface AllowedPersonalInfo {
  /** `值`: the number as written in the notice. */
  value: string;
  /** `理由`: why it is published (本人同意公开的服务热线 …). */
  reason: string;
}

export interface ScanOptions {
  /** Birth dates after this day are impossible; defaults to today in China. */
  today?: CalendarDate;
}

// ── Normalising and masking ─────────────────────────────────────────────────────────────────

/** Full-width digits and signs typed in Chinese input methods, one for one (offsets stay put). */
function halfWidth(text: string): string {
  return text.replace(/[０-９Ｘｘ－＋（）　]/g, (c) => (c === '　' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const MOBILE_VALUE = /^1[3-9]\d{9}$/;

/**
 * A number without its spacing: spaces, hyphens and brackets dropped, `x` upper-cased, a mobile's
 * +86 / 0086 / 86 country code dropped. `138-1234-5678`, `+86 138 1234 5678` → `13812345678`.
 */
export function normalizePersonalInfo(text: string): string {
  const compact = halfWidth(text).replace(/[\s\-()]/g, '').toUpperCase();
  const mobile = /^(?:\+|00)?86(1[3-9]\d{9})$/.exec(compact);
  return mobile ? mobile[1]! : compact;
}

/**
 * The number as messages and reports may show it. A mobile keeps its first 3 and last 4 digits
 * (138****5678, the usual Chinese masking); anything longer than 8 characters keeps its first
 * and last 4 (4409**********7717); a shorter value keeps only its first and last character.
 */
export function maskPersonalInfo(text: string): string {
  const value = [...normalizePersonalInfo(text)];
  const keep = (head: number, tail: number) =>
    value.slice(0, head).join('') + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail).join('');
  if (MOBILE_VALUE.test(value.join(''))) return keep(3, 4);
  if (value.length > 8) return keep(4, 4);
  return value.length > 2 ? keep(1, 1) : '*'.repeat(value.length);
}

// ── The numbers' own checks ─────────────────────────────────────────────────────────────────

/** 省级 codes that open a 居民身份证号码 (GB/T 2260), plus 81–83 of 港澳台居民居住证. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

function todayInChina(): CalendarDate {
  return CHINA_DATE.format(new Date()) as CalendarDate;
}

/** A province code and a real birth date (1900 or later, not after `today`): shaped like an ID. */
function hasIdShape(value: string, today: CalendarDate): boolean {
  if (!/^\d{17}[\dX]$/.test(value) || !PROVINCES.has(Number(value.slice(0, 2)))) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  return Number(value.slice(6, 10)) >= 1900 && isCalendarDate(birth) && birth <= today;
}

/** An 18-character 居民身份证号码 (GB 11643): ID shape and the ISO 7064 MOD 11-2 check character. */
export function isIdCardNumber(text: string, today: CalendarDate = todayInChina()): boolean {
  const value = normalizePersonalInfo(text);
  if (!hasIdShape(value, today)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return ID_CHECK_CHARS[sum % 11] === value[17];
}

export function isMobileNumber(text: string): boolean {
  return MOBILE_VALUE.test(normalizePersonalInfo(text));
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * The first digits a payment card can start with (ISO/IEC 7812 issuer numbers seen in China):
 * 62 银联 and 6 generally (Discover 6011/65, Maestro), 4 Visa, 5 Mastercard and older domestic
 * debit cards, 3 JCB/Diners (Amex's 15 digits are below our 16), 2221–2720 Mastercard's 2-series,
 * 95 the domestic cards issued before 银联 (9558 工行 …). 0, 1, 7 and 8 are not card issuers; 1 is
 * also how mobiles and most IDs start, so leaving it out keeps those from being read as cards.
 */
const CARD_ISSUER = /^(?:[3-6]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|95)/;

/** A 16–19 digit 银行卡号: a card issuer's first digits and a valid Luhn check digit. */
export function isBankCardNumber(text: string, today: CalendarDate = todayInChina()): boolean {
  const value = normalizePersonalInfo(text);
  if (!/^\d{16,19}$/.test(value) || !CARD_ISSUER.test(value) || !isLuhnValid(value)) return false;
  // An 18-digit number shaped like an ID whose check digit is wrong is a mistyped ID or some
  // other code, not a card (cards have 16 or 19 digits, rarely 18).
  return !(value.length === 18 && hasIdShape(value, today));
}

// ── Finding numbers in text ─────────────────────────────────────────────────────────────────

/**
 * Candidates, most specific first (an overlap keeps the earlier kind). Each is a whole run:
 * no digit, ASCII letter or "_" on either side. Grouped forms take single spaces (or, for a
 * mobile, hyphens) in the usual places: 6-8-4 for an ID, groups of 4 for a card, 3-4-4 for a mobile.
 */
const CANDIDATES: { kind: PersonalInfoKind; pattern: RegExp; valid: (value: string, today: CalendarDate) => boolean }[] = [
  { kind: 'id-card', pattern: /(?<![0-9A-Za-z_])(?:\d{17}[\dXx]|\d{6} \d{8} \d{3}[\dXx])(?![0-9A-Za-z_])/g, valid: isIdCardNumber },
  { kind: 'bank-card', pattern: /(?<![0-9A-Za-z_])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![0-9A-Za-z_])/g, valid: isBankCardNumber },
  {
    kind: 'mobile',
    pattern: /(?<![0-9A-Za-z_+])(?:(?:(?:\+|00)86|\(\+?86\)|86)[ -]?)?1[3-9]\d(?:\d{8}|-\d{4}-\d{4}| \d{4} \d{4})(?![0-9A-Za-z_])/g,
    valid: isMobileNumber,
  },
];

/** Units that make a number an amount or a count: `13800000000元`, `2,846户`, `23418.6亩`. */
const UNIT = /^ ?(?:[万亿千百])?(?:元|人次|人|户|亩|吨|次|件|份|台|辆|平方米|立方米|公里|千米|米|公斤|千克|克|斤|升|千瓦时|度|套|间|册|页|条|笔|株|棵|头|只|%|％)/;

/**
 * True when the characters around a candidate show it is part of something else: the organ
 * code of a 索引号 (`…/2024-00001`), a path (`xxgk/…`, `\`), a decimal or file name (`.`), a
 * query (`=`), a price (¥ $ 人民币), a longer code joined by "-", a longer spaced group, or an
 * amount. "/" and "," between two numbers separate them (`0758-1234567/13812345678`); thousands
 * separators never leave a run long enough to be a candidate.
 */
function partOfSomethingElse(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 8);
  const spaced = text.slice(start, end).includes(' ');
  return (
    /[\\.=¥￥$]$/.test(before) || /[A-Za-z_]\/$/.test(before) || /[0-9A-Za-z]-$/.test(before) ||
    text.slice(Math.max(0, start - 3), start) === '人民币' ||
    /^(?:\\|\/\d{4}-\d|[-.]\d|\.[A-Za-z])/.test(after) ||
    (spaced && (/\d $/.test(before) || /^ \d/.test(after))) ||
    UNIT.test(after)
  );
}

/** Web addresses: their digits are not personal information. */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[^\s<>()（）“”"'，。、；]+/gi;
/** File name extensions: the name before one is not personal information either (`张三13812345678.pdf`). */
const FILE_EXTENSION = /\.(?:pdf|docx?|xlsx?|csv|wps|et|ofd|zip|rar|7z|jpe?g|png|gif|txt|pptx?|html?)\b/gi;
const NAME_END = /[\s<>()（）“”"'，。、；：:|]/;
/** Every candidate has 11 or more digits with at most one space or hyphen between two. */
const LONG_DIGITS = /\d(?:[ -]?\d){10}/;
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** The text with web addresses and file names blanked out, offsets kept. */
function withoutAddresses(text: string): string {
  let out = text.replace(WEB_ADDRESS, blank);
  for (const match of out.matchAll(FILE_EXTENSION)) {
    let start = match.index;
    // A file name runs back to a space or punctuation, at most 60 characters (never a whole clause).
    while (start > 0 && match.index - start < 60 && !NAME_END.test(out[start - 1]!)) start--;
    out = out.slice(0, start) + blank(out.slice(start, match.index)) + out.slice(match.index);
  }
  return out;
}

/** Every ID, mobile and card number in a piece of plain text, in order. */
export function findPersonalInfo(text: string, { today = todayInChina() }: ScanOptions = {}): PersonalInfoMatch[] {
  const wide = halfWidth(text);
  if (!LONG_DIGITS.test(wide)) return [];
  const scanned = withoutAddresses(wide);
  const found: PersonalInfoMatch[] = [];
  for (const { kind, pattern, valid } of CANDIDATES) {
    for (const match of scanned.matchAll(pattern)) {
      const start = match.index, end = start + match[0].length;
      if (found.some((f) => start < f.index + f.text.length && f.index < end)) continue;
      if (partOfSomethingElse(scanned, start, end) || !valid(match[0], today)) continue;
      found.push({ kind, text: text.slice(start, end), value: normalizePersonalInfo(match[0]), index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

// ── Finding numbers in a Markdown body ──────────────────────────────────────────────────────

/**
 * A table column of amounts or counts (补贴金额（元）, 人数, 面积（亩）): its cells are figures.
 * A heading naming a number, account or contact (号, 码, 账, 卡, 证, 电话, 联系) never is.
 */
function isFigureColumn(heading: string): boolean {
  return /金额|资金|元|数|面积|亩|产量|合计|小计|总计|比例|率|价|%|％/.test(heading) && !/号|码|账|卡|证|电话|手机|联系/.test(heading);
}

/** HTML as a reader sees it: tags blanked (attributes are addresses, not text), comments kept (they ship in the page source). */
function htmlText(html: string): string {
  return html.replace(/<!--|-->/g, '    ').replace(/<[A-Za-z/][^>]*>/g, blank);
}

/**
 * Every number a reader of the body can see, with its 1-based line in `markdown`: text, table
 * cells, inline and block HTML, code, image descriptions. Link targets are skipped (a link's
 * text is not), as are bare web addresses.
 */
export function findPersonalInfoInMarkdown(markdown: string, { today = todayInChina() }: ScanOptions = {}): (PersonalInfoMatch & { line: number })[] {
  const options = { today };
  const found: (PersonalInfoMatch & { line: number })[] = [];
  const scan = (text: string, firstLine: number) => {
    for (const match of findPersonalInfo(text, options)) {
      found.push({ ...match, line: firstLine + (text.slice(0, match.index).match(/\n/g)?.length ?? 0) });
    }
  };
  const walk = (node: Root | RootContent): void => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return scan(node.value, line);
      case 'code':
        // A fenced block's text starts on the line after its fence; an indented one on its own line.
        return scan(node.value, /^\s*(```|~~~)/.test(markdown.split('\n', line)[line - 1] ?? '') ? line + 1 : line);
      case 'html':
        return scan(htmlText(node.value), line);
      case 'image':
        return scan(node.alt ?? '', line);
      case 'definition':
        return;
      case 'link': {
        // `<https://…>` and bare www./http addresses are the address itself; `[text](url)` shows its text.
        const written = markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
        if (!written.startsWith('[') && !node.url.startsWith('mailto:')) return;
        break;
      }
      case 'table':
        return walkTable(node, walk);
    }
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
  };
  walk(parseBody(markdown));
  return found;
}

function walkTable(table: Table, walk: (node: RootContent) => void): void {
  const [head, ...rows] = table.children;
  if (!head) return;
  walk(head);
  const figures = head.children.map((cell) => isFigureColumn(toString(cell)));
  for (const row of rows) {
    row.children.forEach((cell, column) => {
      if (!figures[column]) walk(cell);
    });
  }
}

// ── Reviewing a notice ──────────────────────────────────────────────────────────────────────

/** What a notice publishes, with lines in its source file, and the exceptions it lists. */
export interface PersonalInfoSource {
  file: string;
  /** Frontmatter text readers see (标题, 摘要), with the line of its key. */
  fields: readonly { field: string; text: string; line: number }[];
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** 允许公开 values, with the line each is listed on. */
  allowed: readonly { value: string; line: number }[];
  /** The office's own published numbers (site.yaml 电话, 传真): never a leak. */
  ownNumbers?: readonly string[];
}

/**
 * An error for each ID, mobile or card number the notice would publish without an exception,
 * and a warning for each exception that no longer matches anything (it would hide a future leak).
 */
export function personalInfoProblems(source: PersonalInfoSource, { today = todayInChina() }: ScanOptions = {}): Problem[] {
  const options = { today };
  const found = [
    ...source.fields.flatMap(({ field, text, line }) => findPersonalInfo(text, options).map((m) => ({ ...m, field, line }))),
    ...findPersonalInfoInMarkdown(source.body, options).map((m) => ({ ...m, field: '正文', line: source.bodyLine + m.line - 1 })),
  ];
  const allowed = new Set([...source.allowed.map((a) => a.value), ...(source.ownNumbers ?? [])].map(normalizePersonalInfo));
  const problems: Problem[] = found
    .filter((match) => !allowed.has(match.value))
    .map((match) => {
      const masked = maskPersonalInfo(match.value);
      return {
        file: source.file, line: match.line, field: match.field, severity: 'error', kind: 'personal-info',
        message: `${match.field}中有${PERSONAL_INFO_LABEL[match.kind]} ${masked}：公开的信息不得含有完整的身份证号码、手机号码、银行卡号等个人信息`,
        fix: `删除，或只保留前后几位（如 ${masked}）；确需公开的（例如本人同意公开的服务电话），在字段区“允许公开”中列出这个号码并写明理由`,
      };
    });
  for (const { value, line } of source.allowed) {
    if (found.some((match) => match.value === normalizePersonalInfo(value))) continue;
    problems.push({
      file: source.file, line, field: '允许公开', severity: 'warning', kind: 'stale-allowance',
      message: `允许公开列出的 ${maskPersonalInfo(value)} 在标题、摘要和正文中都没有找到（或不是身份证号码、手机号码、银行卡号）`,
      fix: '号码已删除或已部分隐藏的，请从“允许公开”中删去这一项；否则核对写法是否与正文一致',
    });
  }
  return problems;
}

// ── Report of published exceptions ──────────────────────────────────────────────────────────

/** Heading of the list of exceptions the build and `check` print. */
export const EXCEPTIONS_HEADING = '个人信息公开例外（已在公文中列明理由）：';

/**
 * The exceptions to publish, for the build log: a heading, then one line per 允许公开 entry
 * (file, masked number, reason). Empty when no notice lists any, so nothing is printed.
 */
export function personalInfoExceptionLines(notices: readonly { file: string; allowedPersonalInfo: readonly AllowedPersonalInfo[] }[]): string[] {
  const lines = notices.flatMap((notice) =>
    notice.allowedPersonalInfo.map((allowed) => `  ${notice.file}  ${maskPersonalInfo(allowed.value)}  理由：${allowed.reason}`),
  );
  return lines.length ? [EXCEPTIONS_HEADING, ...lines] : [];
}
