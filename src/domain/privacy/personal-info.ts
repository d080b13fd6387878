/**
 * Personal information in what a notice (or the 指南) publishes (保密审查, 先审后发). Under the
 * Personal Information Protection Law, public lists (低保公示, 补贴名单 …) must not show a full
 * 居民身份证号码, 手机号码 or 银行卡号. `check` finds them in every published frontmatter value
 * and in the body, and stops the build, unless the notice lists the number under 允许公开 with
 * a reason.
 *
 * Content is written by anyone with editor access, so the scan reads what the page shows, not
 * the source: the visible text of each block as one string (bold markers, inline tags and
 * comments between digits vanish; zero-width characters too), every table cell whatever its
 * column, link and image titles, and the targets of links and images (`tel:`, `?sfz=…`, an
 * attachment named after a person's number). How a number is told from 索引号, dates, lists
 * and amounts is in personal-info-numbers.ts; how a body is read, in personal-info-markdown.ts;
 * how the visible text is gathered and folded, in personal-info-text.ts.
 */
import type { Problem } from '../problems.ts';
import { findPersonalInfoInMarkdown } from './personal-info-markdown.ts';
import {
  findInAddress,
  findInProse,
  hasEnoughDigits,
  isAddressValue,
  maskPersonalInfo,
  normalizePersonalInfo,
  todayInChina,
  PERSONAL_INFO_LABEL,
  type PersonalInfoMatch,
  type ScanOptions,
} from './personal-info-numbers.ts';
import { VisibleText, withoutInvisible } from './personal-info-text.ts';

export {
  isBankCardNumber,
  isIdCardNumber,
  isLuhnValid,
  isMobileNumber,
  maskPersonalInfo,
  normalizePersonalInfo,
  PERSONAL_INFO_LABEL,
  type PersonalInfoKind,
  type PersonalInfoMatch,
  type ScanOptions,
} from './personal-info-numbers.ts';
export { findPersonalInfoInMarkdown, type LocatedMatch } from './personal-info-markdown.ts';

/** A number the notice must publish, as listed under 允许公开. */
export interface AllowedPersonalInfo {
  /** `值`: the number as written in the notice. */
  value: string;
  /** `理由`: why it is published (本人同意公开的服务热线 …). */
  reason: string;
}

// ── Plain text and addresses ───────────────────────────────────────────────────────────────

/** Every ID, mobile and card number in a piece of running text, in order. */
export function findPersonalInfo(text: string, { today = todayInChina() }: ScanOptions = {}): PersonalInfoMatch[] {
  if (!hasEnoughDigits(text)) return [];
  // Most values have neither invisible characters nor line ends: their text is what readers see.
  if (!/[\r\n]/.test(text) && withoutInvisible(text) === text) return findInProse(text, today);
  const visible = new VisibleText();
  visible.add(text, 0, 1);
  return findInProse(visible.text, today).map((m) => ({ ...m, index: visible.locate(m.index).origin }));
}

/** Every number a link target, image source or file path publishes (see `findInAddress`). */
export function findPersonalInfoInAddress(
  address: string,
  { today = todayInChina() }: ScanOptions = {},
): PersonalInfoMatch[] {
  return hasEnoughDigits(address) ? findInAddress(address, today) : [];
}

/** A frontmatter value: running text, or an address when the value is a link target or file path (附件文件). */
function findInField(text: string, options: ScanOptions): PersonalInfoMatch[] {
  if (!hasEnoughDigits(text)) return [];
  return isAddressValue(text) ? findPersonalInfoInAddress(text, options) : findPersonalInfo(text, options);
}

// ── Frontmatter ────────────────────────────────────────────────────────────────────────────

/** One published frontmatter value, with a field label editors recognise and its line. */
export interface PublishedText {
  field: string;
  text: string;
  line: number;
}

/** Keys whose values are not published as they stand: 允许公开 is the list of exceptions itself. */
const UNPUBLISHED_KEYS = new Set(['允许公开']);

/**
 * Every text value of a notice's frontmatter that the site publishes, at any depth (lists such as
 * 主题词, the 名称 and 文件 of each 附件), except the 允许公开 entries. A nested value is labelled
 * with its top-level key and its own key (`附件名称`, `附件文件`). Its line is the line of its
 * top-level key or, for a value inside a list or map when `source` is given (the whole notice
 * file, whose lines `lineOf` counts), the line in that key's block where the value is written.
 */
export function frontmatterTexts(
  data: Record<string, unknown>,
  lineOf: (key: string) => number | undefined,
  source?: string,
): PublishedText[] {
  const texts: PublishedText[] = [];
  let lines: string[] | undefined;
  for (const key in data) {
    const value = data[key];
    if (UNPUBLISHED_KEYS.has(key)) continue;
    const keyLine = lineOf(key) ?? 1;
    if (typeof value === 'string' || typeof value === 'number') {
      if (String(value).trim()) texts.push({ field: key, text: String(value), line: keyLine });
      continue;
    }
    // Only the frontmatter's lines, split once: the body can be long, and values are never in it.
    lines ??= source?.slice(0, Math.max(0, source.indexOf('\n---', 3)) || source.length).split('\n');
    const lineOfValue = lines ? valueLineFinder(lines, keyLine) : () => keyLine;
    for (const { field, text } of leafTexts(value, key, key)) texts.push({ field, text, line: lineOfValue(text) });
  }
  return texts;
}

function leafTexts(value: unknown, top: string, field: string): { field: string; text: string }[] {
  if (typeof value === 'string') return value.trim() ? [{ field, text: value }] : [];
  if (typeof value === 'number') return [{ field, text: String(value) }];
  if (Array.isArray(value)) return value.flatMap((item) => leafTexts(item, top, field));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, nested]) => leafTexts(nested, top, `${top}${key}`));
  }
  return [];
}

/**
 * Finds, line by line from a key's line to the end of its block (the next unindented line), the
 * line where each value is written, in order; the key's line when the value is not found
 * verbatim (a quoted value with escapes, a folded one).
 */
function valueLineFinder(lines: readonly string[], keyLine: number): (text: string) => number {
  let end = keyLine;
  while (end < lines.length && !/^[^\s#-]/.test(lines[end]!)) end++;
  let cursor = keyLine - 1;
  return (text) => {
    const needle = text.split('\n')[0]!.trim();
    for (let i = cursor; i < end; i++) {
      if (lines[i]!.includes(needle)) {
        cursor = i;
        return i + 1;
      }
    }
    return keyLine;
  };
}

// ── Reviewing a notice or the 指南 ──────────────────────────────────────────────────────────

/** What a notice (or the 指南) publishes, with lines in its source file, and the exceptions it lists. */
export interface PersonalInfoSource {
  file: string;
  /**
   * Frontmatter text readers see (see `frontmatterTexts`), with its line. A value that is itself
   * a link target or file path (附件文件) is read as an address.
   */
  fields: readonly PublishedText[];
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** 允许公开 values, with the line each is listed on (none for the 指南). */
  allowed: readonly { value: string; line: number }[];
  /** The office's own published numbers (site.yaml 电话, 传真): never a leak. */
  ownNumbers?: readonly string[];
}

/**
 * An error for each ID, mobile or card number the file would publish without an exception
 * (once per field and line), and a warning for each exception that no longer matches anything
 * (it would hide a future leak).
 */
export function personalInfoProblems(
  source: PersonalInfoSource,
  { today = todayInChina() }: ScanOptions = {},
): Problem[] {
  const options = { today };
  const found = [
    ...source.fields.flatMap(({ field, text, line }) => findInField(text, options).map((m) => ({ ...m, field, line }))),
    ...findPersonalInfoInMarkdown(source.body, options).map((m) => ({
      ...m,
      field: '正文',
      line: source.bodyLine + m.line - 1,
    })),
  ];
  const allowed = new Set(
    [...source.allowed.map((a) => a.value), ...(source.ownNumbers ?? [])].map(normalizePersonalInfo),
  );
  const reported = new Set<string>();
  const problems: Problem[] = [];
  for (const match of found) {
    const key = `${match.field} ${match.line} ${match.value}`;
    if (allowed.has(match.value) || reported.has(key)) continue;
    reported.add(key);
    const masked = maskPersonalInfo(match.value);
    problems.push({
      file: source.file,
      line: match.line,
      field: match.field,
      severity: 'error',
      kind: 'personal-info',
      message: `${match.field}中有${PERSONAL_INFO_LABEL[match.kind]} ${masked}：公开的信息不得含有完整的身份证号码、手机号码、银行卡号等个人信息`,
      fix: `删除，或只保留前后几位（如 ${masked}）；公文确需公开的（例如本人同意公开的服务电话），在字段区“允许公开”中列出这个号码并写明理由`,
    });
  }
  for (const { value, line } of source.allowed) {
    if (found.some((match) => match.value === normalizePersonalInfo(value))) continue;
    problems.push({
      file: source.file,
      line,
      field: '允许公开',
      severity: 'warning',
      kind: 'stale-allowance',
      message: `允许公开列出的 ${maskPersonalInfo(value)} 在公开的字段和正文中都没有找到（或不是身份证号码、手机号码、银行卡号）`,
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
export function personalInfoExceptionLines(
  notices: readonly { file: string; allowedPersonalInfo: readonly AllowedPersonalInfo[] }[],
): string[] {
  const lines = notices.flatMap((notice) =>
    notice.allowedPersonalInfo.map(
      (allowed) => `  ${notice.file}  ${maskPersonalInfo(allowed.value)}  理由：${allowed.reason}`,
    ),
  );
  return lines.length ? [EXCEPTIONS_HEADING, ...lines] : [];
}
