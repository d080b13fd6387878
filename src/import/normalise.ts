/**
 * Values as legacy pages write them → values as notices write them: dates to YYYY-MM-DD
 * (2010年4月24日, 2010/4/24, 二○一○年四月十九日), 文号 brackets to 〔〕, 主题词 split into words,
 * 分类 to an entry of the office's taxonomy, 有效性 to 有效/失效/废止. Each function says what it
 * changed or could not use, so the report can tell the clerk.
 */
import { isCalendarDate, type CalendarDate } from '../domain/notice/calendar-date.ts';
import { checkDocNumber, fixDocNumberBrackets } from '../domain/notice/doc-number.ts';
import { parseIndexNumber } from '../domain/notice/index-number.ts';
import { VALIDITIES, type Validity } from '../domain/notice/fields.ts';
import type { Taxonomy } from '../domain/notice/taxonomy.ts';
import { editDistance } from '../domain/text/edit-distance.ts';
import { toSimplified } from '../domain/search/chinese-variants.ts';
import { SPACE, squash } from './page-lines.ts';

/** A value as the notice will carry it, and what the clerk should know about the change. */
export interface Normalised<T> {
  value?: T;
  note?: string;
}

/** Zeros as typed in dates (〇, ○, 零, and the letter O standing in for them), then 一 to 九. */
const ZEROS = '〇○零OＯoО';
const ONE_TO_NINE = '一二三四五六七八九';

function chineseDigit(char: string): number {
  if (ZEROS.includes(char)) return 0;
  const at = ONE_TO_NINE.indexOf(char);
  return at < 0 ? NaN : at + 1;
}
const DIGIT_CLASS = ZEROS + ONE_TO_NINE;

const ARABIC_DATE = /((?:19|20)\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)/;
const COMPACT_DATE = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/;
const CHINESE_DATE = new RegExp(
  `([${DIGIT_CLASS}]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日`,
);

/** 十 → 10, 十九 → 19, 二十 → 20, 三十一 → 31, 四 → 4. */
function chineseNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? chineseDigit(text) : NaN;
  const tens = ten === 0 ? 1 : ten === 1 ? chineseDigit(text[0]!) : NaN;
  const units = ten === text.length - 1 ? 0 : ten === text.length - 2 ? chineseDigit(text.at(-1)!) : NaN;
  return tens * 10 + units;
}

function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(text) ? text : undefined;
}

/** The first real date in `text`, in any of the ways pages write one; the time of day is dropped. */
export function parseDate(text: string): CalendarDate | undefined {
  const plain = text.normalize('NFKC');
  const arabic = ARABIC_DATE.exec(plain) ?? COMPACT_DATE.exec(plain);
  if (arabic) return calendarDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const chinese = CHINESE_DATE.exec(text);
  if (chinese) {
    const year = Number([...chinese[1]!].map(chineseDigit).join(''));
    return calendarDate(year, chineseNumber(chinese[2]!), chineseNumber(chinese[3]!));
  }
  return undefined;
}

/** True when a whole line is a date and nothing else: the date under a signature. */
export function isDateLine(text: string): boolean {
  const line = text.replace(SPACE, '');
  return (
    parseDate(line) !== undefined &&
    /^[\d０-９〇○零OＯoО一二三四五六七八九十]{4}\s*[-./年]/.test(line) &&
    line.length <= 16
  );
}

/** 文号 values that mean “none”. */
const NO_VALUE = /^(无|暂无|空|[-—/／\\]+)$/;

/** 文号: spaces and full-width digits out, brackets to 〔〕; a number that stays irregular is kept as written. */
export function normaliseDocNumber(text: string): Normalised<string> {
  const value = text.replace(SPACE, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!value || NO_VALUE.test(value)) return {};
  const checked = checkDocNumber(fixDocNumberBrackets(value));
  if (checked.ok) {
    return value === checked.value
      ? { value }
      : { value: checked.value, note: `文号“${text}”已改为“${checked.value}”` };
  }
  if (checked.fixed) return { value: checked.fixed, note: `文号“${text}”已改为“${checked.fixed}”` };
  return { value, note: `文号“${value}”${checked.reason}，已照原样写入，check 会报错：${checked.fix}` };
}

/**
 * 索引号: spaces and full-width characters out; a lower-case or dashed organ code as `check`
 * would correct it. A number that is still not standard is kept as written: a 索引号 never
 * changes, so replacing it is the clerk's decision, not the importer's.
 */
export function normaliseIndexNumber(text: string): Normalised<string> {
  const plain = text.normalize('NFKC').replace(SPACE, '');
  if (!plain || NO_VALUE.test(plain)) return {};
  if (parseIndexNumber(plain).ok) return { value: plain };
  const slash = plain.indexOf('/');
  if (slash > 0) {
    const corrected = `${plain.slice(0, slash).toUpperCase().replace(/-/g, '')}${plain.slice(slash)}`;
    if (parseIndexNumber(corrected).ok) return { value: corrected, note: `索引号“${plain}”已改为“${corrected}”` };
  }
  const problem = parseIndexNumber(plain);
  return {
    value: plain,
    note: `索引号“${plain}”不是标准格式${problem.ok ? '' : `（${problem.reason}）`}，已照原样写入，check 会报错`,
  };
}

/** 主题词 as words: pages separate them with spaces, 、, ；, commas. */
export function splitKeywords(text: string): string[] {
  return text
    .split(/[\s\u00a0\u3000、，,；;]+/)
    .map((k) => k.trim())
    .filter(Boolean);
}

/** 有效性 as pages word it (现行有效, 已失效, 廢止) → 有效, 失效 or 废止. */
export function normaliseValidity(text: string): Normalised<Validity> {
  const plain = toSimplified(text);
  const value =
    VALIDITIES.find((v) => v !== '有效' && plain.includes(v)) ?? (plain.includes('有效') ? '有效' : undefined);
  return value ? { value } : { note: `有效性“${text}”不是 有效、失效 或 废止，没有写入` };
}

/**
 * 分类 → an entry of the taxonomy, compared in 简体: the entry itself; the first level of a
 * two-level 分类 (`综合政务\政务公开`); the one entry sharing the most of its 、-separated parts
 * (a renamed entry: 民政、乡村振兴、救灾 → 民政、扶贫、救灾); a one-character slip. Anything
 * else is unknown and says so. `exactOnly` for sources that are rarely the taxonomy (a page's
 * ColumnName is its site section): only the first two rules.
 */
export function mapCategory(text: string, taxonomy: Taxonomy, { exactOnly = false } = {}): Normalised<string> {
  const raw = squash(text);
  const plain = toSimplified(raw).replace(/\s/g, '');
  const first = plain.split(/[\\/>＞»|｜·]/)[0]!;
  for (const candidate of [raw, plain, first]) if (taxonomy.includes(candidate)) return { value: candidate };
  if (exactOnly) return {};

  const pieces = first.split(/[、，,；;]/).filter(Boolean);
  const scored = taxonomy
    .map((entry) => {
      // Characters in common, part by part: 安全生产 is nearer 安全生产监管 than 安全.
      const score = entry
        .split('、')
        .map((part) =>
          Math.max(
            0,
            ...pieces.map((piece) =>
              part.includes(piece) || piece.includes(part) ? Math.min(part.length, piece.length) : 0,
            ),
          ),
        )
        .reduce((sum, n) => sum + n, 0);
      return { entry, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const mapped = (entry: string) => ({ value: entry, note: `分类“${raw}”按最接近的“${entry}”导入，请核对` });
  if (scored.length && (scored.length === 1 || scored[0]!.score > scored[1]!.score)) return mapped(scored[0]!.entry);
  const near = taxonomy.filter((entry) => editDistance(stripPunctuation(first), stripPunctuation(entry)) <= 1);
  if (near.length === 1) return mapped(near[0]!);
  const options = scored.map((s) => s.entry);
  return {
    note: `分类“${raw}”不在分类表中${options.length ? `（可能是：${options.slice(0, 3).join('；')}）` : ''}`,
  };
}

function stripPunctuation(text: string): string {
  return text.replace(/[、，,；;\s/\\]/g, '');
}

/** Visible characters only: control characters and text-direction overrides are refused by check and show nothing. */
export function visibleText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
