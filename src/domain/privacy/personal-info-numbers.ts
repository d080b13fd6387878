/**
 * Finding 居民身份证号码, 手机号码 and 银行卡号 in a piece of text (see personal-info.ts for
 * where the texts come from and what happens to a find).
 *
 * A number may be written in any grouping: digits in groups joined by spaces, dashes or dots
 * (`1381-234-5678`, `440901 1990 0101 7717`, `6222 0212 3456 7890 128`), in full-width digits,
 * with invisible characters between (removed before this module sees the text). The rules that
 * keep lists, dates and amounts from being read as one number:
 *
 * - A *run* is digit groups joined by separators: any number of spaces (a page shows several
 *   as one) with at most two dashes or dots among them (`138 - 1234`, `138——1234`). Every group
 *   of a number has at least 2 digits, except that an ID's final check character may stand
 *   alone (`… 004 X`): so `1 2 3 4 5 6 7 8 9 10 11` and `2024-3-1` never add up to one.
 * - A number is the whole run, or a stretch of it whose groups share one kind of separator and
 *   whose neighbours are joined to it by another kind (`0758-1234567 138-1234-5678`), or one
 *   unbroken group set off by spaces (`13812345678 13912345678`). A stretch next to a group
 *   joined the same way is part of something longer (`6222 0212 3456 7890 1280`), and a group
 *   joined to the next by a bare dash or dot is a code, date or decimal (`13800000000.50`).
 * - Separators may mix only where the number's own check is strong: an ID (province, birth
 *   date, MOD 11-2) or a mobile (11 digits, 1[3-9]) that is a whole run. A card's Luhn digit
 *   passes one run in ten, so a card's groups must be joined one way.
 * - Then the number's own checks, and in prose the exemptions: 索引号, paths, codes joined to
 *   letters, file names, and for a mobile-length number amounts (a unit after, a price sign
 *   before); a dotted IP address (`192.168.100.20`) is not a mobile; web addresses are read as
 *   addresses, where a number must stand alone in its part.
 */
import { isCalendarDate, type CalendarDate } from '../notice/calendar-date.ts';
import { addressParts, foldChars, withoutInvisible } from './personal-info-text.ts';

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
  /** As the reader sees it (markup and invisible characters left out): `138 1234 5678`, `+86-13812345678`. */
  text: string;
  /** Normalised (see `normalizePersonalInfo`): what 允许公开 values are compared with. */
  value: string;
  /** Offset of `text` in the scanned string (best effort where markup or escapes were left out). */
  index: number;
}

export interface ScanOptions {
  /** Birth dates after this day are impossible; defaults to today in China. */
  today?: CalendarDate;
}

// ── Normalising and masking ─────────────────────────────────────────────────────────────────

const MOBILE_VALUE = /^1[3-9]\d{9}$/;

/**
 * A number without its spacing: invisible characters, spaces, dashes, dots and brackets of any
 * width dropped, `x` upper-cased, a mobile's +86 / 0086 / 86 country code dropped.
 * `138-1234-5678`, `+86 138 1234 5678`, `138.1234.5678` → `13812345678`.
 */
export function normalizePersonalInfo(text: string): string {
  const compact = foldChars(withoutInvisible(text))
    .replace(/[\s\-.()]/g, '')
    .toUpperCase();
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
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

export function todayInChina(): CalendarDate {
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

/** Which number `value` (digits, maybe a final X) is, if any. */
function kindOf(value: string, today: CalendarDate): PersonalInfoKind | undefined {
  if (value.length === 18 && isIdCardNumber(value, today)) return 'id-card';
  if (value.length >= 16 && isBankCardNumber(value, today)) return 'bank-card';
  return isMobileNumber(value) ? 'mobile' : undefined;
}

// ── Runs of digit groups ────────────────────────────────────────────────────────────────────

/**
 * Digit groups joined by separators (in folded text: spaces and at most two dashes or dots),
 * maybe ending in an ID's X. Every number has 11 or more digits, so a text without such a run
 * has none.
 */
const RUN = /\d+(?:(?: +(?:[.-]{1,2} *)?|[.-]{1,2} *)\d+)*(?:(?: +(?:[.-]{1,2} *)?|[.-]{1,2} *)?[Xx](?![0-9A-Za-z]))?/g;
/**
 * A quick test on text not yet folded, true whenever `RUN` could find 11 digits there: 11 digits
 * (half- or full-width), between each two any spaces (of any width, not a line end) and at most
 * two other characters that are not letters (dashes and dots of every kind).
 */
const SPACE = '[\\t\\v\\f \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\u3164\\uffa0\\u2800]';
const MAYBE_NUMBER = new RegExp(`[0-9０-９](?:${SPACE}*(?:[^0-9０-９\\sA-Za-z]{1,2}${SPACE}*)?[0-9０-９]){10}`);
const DIGIT = /[0-9０-９]/g;

/**
 * False when `text` cannot hold a number however it is spaced or marked up: it has fewer than
 * 11 digits in all (every way of writing a digit — full-width, an entity, a %-escape — has one).
 */
export function hasEnoughDigits(text: string): boolean {
  DIGIT.lastIndex = 0;
  for (let count = 0; DIGIT.test(text);) if (++count === 11) return true;
  return false;
}

interface Group {
  start: number;
  end: number;
}

function groupsOf(text: string, start: number, end: number): Group[] {
  const groups: Group[] = [];
  let from = -1;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text[i]! : ' ';
    const inGroup = (c >= '0' && c <= '9') || c === 'X' || c === 'x';
    if (inGroup && from < 0) from = i;
    if (!inGroup && from >= 0) {
      groups.push({ start: from, end: i });
      from = -1;
    }
  }
  return groups;
}

/** How two groups are joined: `' '` for spaces only, else its dashes and dots (`-`, `.`). */
function joinKind(separator: string): string {
  const marks = separator.replace(/ /g, '');
  return marks === '' ? ' ' : [...new Set(marks)].sort().join('');
}

/** True when the separator has no space in it: the groups are one code, date or decimal. */
const isBare = (separator: string) => !separator.includes(' ');

const COUNTRY_CODE = /^(?:00)?86$/;
/** `192.168.100.20`: an IP address, not a dotted mobile (every part 0–255). */
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** A stretch of groups `first..last` of a run that could be one number. */
interface Stretch {
  kind: PersonalInfoKind;
  start: number;
  end: number;
}

/** The numbers among the stretches of one run (groups `groups` of `text`), overlaps included. */
function numbersInRun(text: string, groups: Group[], today: CalendarDate): Stretch[] {
  const found: Stretch[] = [];
  const separator = (k: number) => text.slice(groups[k]!.end, groups[k + 1]!.start);
  const width = (k: number) => groups[k]!.end - groups[k]!.start;
  const letter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
  const joinedBefore = letter(text[groups[0]!.start - 1]);
  const joinedAfter = letter(text[groups.at(-1)!.end]);
  for (let first = 0; first < groups.length; first++) {
    if (first === 0 && joinedBefore) continue;
    let digits = 0;
    for (let last = first; last < groups.length && digits <= 19; last++) {
      digits += width(last);
      if (last > first && width(last - 1) < 2) break;
      if (digits < 11 || digits > 19 || (last === groups.length - 1 && joinedAfter)) continue;
      const kind = kindOf(valueOf(text, groups, first, last), today);
      if (!kind || (width(last) < 2 && kind !== 'id-card')) continue;
      const whole = first === 0 && last === groups.length - 1;
      const country =
        COUNTRY_CODE.test(text.slice(groups[first]!.start, groups[first]!.end)) && kind === 'mobile' ? 1 : 0;
      const kinds = new Set<string>();
      for (let k = first + country; k < last; k++) kinds.add(joinKind(separator(k)));
      if (kinds.size > 1 && !(whole && kind !== 'bank-card')) continue;
      const inner = kinds.size === 1 ? [...kinds][0] : undefined;
      const setOff = (k: number) => (inner === undefined ? !isBare(separator(k)) : joinKind(separator(k)) !== inner);
      if (first > 0 && !setOff(first - 1)) continue;
      if (last < groups.length - 1 && !setOff(last)) continue;
      found.push({ kind, start: groups[first]!.start, end: groups[last]!.end });
    }
  }
  return found;
}

function valueOf(text: string, groups: Group[], first: number, last: number): string {
  let value = '';
  for (let k = first; k <= last; k++) value += text.slice(groups[k]!.start, groups[k]!.end);
  return value.toUpperCase();
}

/** The longest numbers first; an overlap keeps the longer (a +86 mobile over its last 11 digits). */
function withoutOverlaps(found: Stretch[]): Stretch[] {
  const kept: Stretch[] = [];
  for (const s of [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The numbers in folded `text`. `prose` adds the exemptions of running text (amounts, prices,
 * paths, 索引号); an address part has none of them: its digits are in the URL as they stand.
 */
function findNumbers(text: string, prose: boolean, today: CalendarDate): Stretch[] {
  const found: Stretch[] = [];
  for (const run of text.matchAll(RUN)) {
    if (run[0].length < 11 || IPV4.test(run[0])) continue;
    const groups = groupsOf(text, run.index, run.index + run[0].length);
    for (const number of numbersInRun(text, groups, today)) {
      const start = withCountryCode(text, number);
      if (number.kind === 'mobile' && start === number.start && text[start - 1] === '+') continue; // +1 381…: a foreign number
      if (prose && partOfSomethingElse(text, { ...number, start })) continue;
      found.push({ ...number, start });
    }
  }
  return withoutOverlaps(found);
}

/** Where a mobile starts counting the `+` of `+86` or a `(+86)` before it, as the reader sees it. */
function withCountryCode(text: string, number: Stretch): number {
  if (number.kind !== 'mobile') return number.start;
  if (text[number.start - 1] === '+' && /^(?:00)?86/.test(text.slice(number.start, number.start + 4)))
    return number.start - 1;
  const bracketed = /\(\+?86\) ?$/.exec(text.slice(Math.max(0, number.start - 6), number.start));
  return bracketed ? number.start - bracketed[0].length : number.start;
}

/** Units that make a number an amount or a count: `13800000000元`, `2,846户`, `23418.6亩`. */
const UNIT =
  /^ ?(?:[万亿千百])?(?:元|人次|人|户|亩|吨|次|件|份|台|辆|平方米|立方米|公里|千米|米|公斤|千克|克|斤|升|千瓦时|度|套|间|册|页|条|笔|株|棵|头|只|%|％)/;

/**
 * True when the characters around a number in running text show it is part of something else:
 * the organ code of a 索引号 (`…/2024-00001`), a path (`xxgk/…`, `\`), a file extension, or a
 * code joined to letters by "-" (`ABC-…`). A mobile-length number may also be an amount or a
 * count (a unit follows: `13800000000元`, or a price sign goes before: ¥ $ 人民币); an ID's 18
 * or a card's 16–19 digits are never an amount, so a unit does not hide one. "/" and "," between
 * two numbers separate them (`0758-1234567/13812345678`).
 */
function partOfSomethingElse(text: string, number: Stretch): boolean {
  const before = text.slice(Math.max(0, number.start - 3), number.start);
  const after = text.slice(number.end, number.end + 8);
  if (/(?:\\|[A-Za-z]\/|[A-Za-z]-)$/.test(before) || /^(?:\\|\/\d{4}-\d|\.[A-Za-z])/.test(after)) return true;
  return number.kind === 'mobile' && (/(?:[¥￥$]|人民币)$/.test(before) || UNIT.test(after));
}

// ── Prose and addresses ─────────────────────────────────────────────────────────────────────

/** Web addresses in running text: read as addresses (host skipped, parts scanned). */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[^\s<>()（）“”"'，。、；]+/gi;
/** File name extensions: a file name mentioned in running text is not personal information (`张三13812345678.pdf`). */
const FILE_EXTENSION = /\.(?:pdf|docx?|xlsx?|csv|wps|et|ofd|zip|rar|7z|jpe?g|png|gif|txt|pptx?|html?)\b/gi;
const NAME_END = /[\s<>()（）“”"'，。、；：:|]/;
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** A field value that is itself a link target or file path (附件文件 …): read as an address. */
export function isAddressValue(text: string): boolean {
  const value = text.trim();
  return (
    /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|(?:tel|sms|mailto):)/i.test(value) ||
    (!value.includes('\n') &&
      /\.(?:pdf|docx?|xlsx?|csv|wps|et|ofd|zip|rar|7z|jpe?g|png|gif|txt|pptx?|html?)$/i.test(value))
  );
}

/** File names mentioned in running text blanked out, offsets kept. */
function withoutFileNames(text: string): string {
  let out = text;
  for (const match of text.matchAll(FILE_EXTENSION)) {
    let start = match.index;
    // A file name runs back to a space or punctuation, at most 60 characters (never a whole clause).
    while (start > 0 && match.index - start < 60 && !NAME_END.test(out[start - 1]!)) start--;
    out = out.slice(0, start) + blank(out.slice(start, match.index)) + out.slice(match.index);
  }
  return out;
}

const toMatch =
  (raw: string, value: string, index: number) =>
  (s: Stretch): PersonalInfoMatch => ({
    kind: s.kind,
    text: raw.slice(s.start, s.end),
    value: normalizePersonalInfo(value.slice(s.start, s.end)),
    index: index + s.start,
  });

/**
 * Every ID, mobile and card number in running text that has no invisible characters left
 * (see `VisibleText`), in order. Web addresses in it are read as addresses.
 */
export function findInProse(text: string, today: CalendarDate): PersonalInfoMatch[] {
  if (!MAYBE_NUMBER.test(text)) return [];
  let folded = foldChars(text);
  const found: PersonalInfoMatch[] = [];
  if (/https?:\/\/|www\./i.test(folded)) {
    folded = folded.replace(WEB_ADDRESS, (address, at: number) => {
      found.push(
        ...findInAddress(text.slice(at, at + address.length), today).map((m) => ({ ...m, index: at + m.index })),
      );
      return blank(address);
    });
  }
  const scanned = /\.[A-Za-z]/.test(folded) ? withoutFileNames(folded) : folded;
  found.push(...findNumbers(scanned, true, today).map(toMatch(text, folded, 0)));
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Every number in a link target, image source or file path, read part by part (see
 * `addressParts`): a number must stand alone in its part and pass its checks, so article ids
 * (`content_6935123.htm`, `t20240301_123456.html`) pass, while `?sfz=…`, `tel:…`, `mailto:…@`
 * and a file named after a person's number (`张三-440901199001017717.pdf`) are found.
 */
export function findInAddress(address: string, today: CalendarDate): PersonalInfoMatch[] {
  return addressParts(withoutInvisible(address)).flatMap(({ text, offset }) => {
    if (!MAYBE_NUMBER.test(text)) return [];
    const folded = foldChars(text);
    return findNumbers(folded, false, today).map(toMatch(text, folded, offset));
  });
}
