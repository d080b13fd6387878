/**
 * Allocating the 索引号 of a new notice: the next 流水号 (serial) for an organ code and year.
 *
 * The serial is the highest one ever used for that code and year, plus one. Gaps are never
 * filled: a 索引号 is permanent (《政府信息公开目录系统实施指引（试行）》), and a gap usually
 * means a notice was withdrawn or moved, not that its number is free. Its old page, links to it,
 * citations in other documents and copies in archives and search engines still carry that
 * number, so issuing it again would make one 索引号 name two documents.
 */
import { formatIndexNumber, ORGAN_CODE, parseIndexNumber, type IndexNumber } from './index-number.ts';

/** The 5-digit serial cannot go higher. */
export const MAX_SERIAL = 99999;

/**
 * Serials that plainly belong to a code and year although the 索引号 is misspelt in ways
 * `check` asks the editor to correct (full-width slash, lowercase or dashed code, unpadded
 * serial, full-width characters). They still count: once corrected they would collide with a
 * re-issued number.
 */
const LENIENT = /^\s*([0-9A-Za-z-]+)\s*[/／\\]\s*(\d{4})\s*[-－—]\s*(\d{1,5})\s*$/;

function partsOf(value: string): { code: string; year: number; serial: number } | undefined {
  const strict = parseIndexNumber(value);
  if (strict.ok) return strict.parts;
  // NFKC: full-width digits, letters, slash and hyphen typed with a Chinese IME → ASCII.
  const match = LENIENT.exec(value.normalize('NFKC'));
  if (!match) return undefined;
  return { code: match[1]!.toUpperCase().replace(/-/g, ''), year: Number(match[2]), serial: Number(match[3]) };
}

/**
 * The next free 索引号 for `code` in `year`, given every 索引号 already in use (in any form;
 * values of other codes and other years do not count).
 */
export function nextIndexNumber(existing: readonly string[], code: string, year: number): IndexNumber {
  if (!ORGAN_CODE.test(code)) {
    throw new Error(`机构代码“${code}”应为9位组织机构代码（去掉“-”）或18位统一社会信用代码（数字或大写字母）`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new Error(`年份“${year}”应为4位数字`);
  }
  let highest = 0;
  for (const value of existing) {
    const parts = partsOf(value);
    if (parts && parts.code === code && parts.year === year && parts.serial > highest) highest = parts.serial;
  }
  if (highest >= MAX_SERIAL) {
    throw new Error(
      `机构代码 ${code} 在 ${year} 年的流水号已用到 ${MAX_SERIAL}，不能再分配索引号（用过的流水号不能重复使用）；` +
        '请由下属单位用自己的机构代码编号（npm run new -- --机构代码 代码），或与上级主管部门商定编号办法',
    );
  }
  return formatIndexNumber({ code, year, serial: highest + 1 });
}
