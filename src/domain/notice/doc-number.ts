/**
 * 文号 (发文字号), GB/T 9704-2012 §7.2.4: 机关代字 + the full year in hexagonal brackets
 * 〔〕 + the serial without 第 and without leading zeros + 号: `汕府办函〔2021〕201号`.
 * Orders keep 第: `国务院令第711号`. A 繁體 document is published as written, so 號 ends the
 * number as well as 号 (`肇府辦〔2010〕31號`); the 机关代字 is any text, 繁體 or 简体.
 */
export type DocNumber = string & { readonly __brand: 'DocNumber' };

const STANDARD = /^(\S+?)〔(\d{4})〕([1-9]\d*)[号號]$/;
const ORDER = /^(\S*令)第([1-9]\d*)[号號]$/;

/** The two forms check accepts (after trimming), for editors that validate as clerks type (src/cms/). */
export const DOC_NUMBER_FORMS: readonly RegExp[] = [STANDARD, ORDER];

/** Brackets editors type instead of 〔〕: ASCII, full-width, lenticular, small and tortoise-shell look-alikes. */
const WRONG_BRACKETS = /[[(（【［﹝〖{｛〈《]\s*(\d{2,4})\s*[\])）】］﹞〗}｝〉》]/;

export type DocNumberCheck =
  | { ok: true; value: DocNumber }
  | {
      ok: false;
      /** Rule id: `bad-doc-number-brackets`, `bad-doc-number-zeros`, `bad-doc-number`. */
      kind: string;
      reason: string;
      fix: string;
      /** Safe automatic rewrite, when one exists (`check --fix`). */
      fixed?: string;
    };

export function checkDocNumber(text: string): DocNumberCheck {
  const value = text.trim();
  if (STANDARD.test(value) || ORDER.test(value)) return { ok: true, value: value as DocNumber };

  const bracketFixed = fixDocNumberBrackets(value);
  if (bracketFixed !== value) {
    const after = checkDocNumber(bracketFixed);
    const fix = after.ok
      ? `改为 ${bracketFixed}（可运行 npm run check -- --fix 自动改正）`
      : `改用六角括号〔〕；${after.fix}`;
    return {
      ok: false,
      kind: 'bad-doc-number-brackets',
      reason: `年份应使用六角括号〔〕，而不是“${WRONG_BRACKETS.exec(value)![0]}”中的括号`,
      fix,
      ...(after.ok ? { fixed: bracketFixed } : {}),
    };
  }

  const parts = /^(\S*?)〔(\d+)〕(第?)(\d+)[号號]?$/.exec(value);
  if (parts) {
    const [, agency, year, di, serial] = parts as unknown as [string, string, string, string, string];
    // A correction keeps the script the number is written in.
    const mark = value.includes('號') ? '號' : '号';
    const correct = `${agency}〔${year.length === 4 ? year : '20' + year.padStart(2, '0')}〕${String(Number(serial))}${mark}`;
    if (year.length !== 4)
      return { ok: false, kind: 'bad-doc-number', reason: `年份“${year}”应写全4位`, fix: `例如 ${correct}` };
    if (!agency) return { ok: false, kind: 'bad-doc-number', reason: '缺少机关代字', fix: `例如 示镇府${value}` };
    if (di) return { ok: false, kind: 'bad-doc-number', reason: '序号前不加“第”', fix: `改为 ${correct}` };
    if (/^0/.test(serial))
      return {
        ok: false,
        kind: 'bad-doc-number-zeros',
        reason: `序号“${serial}”不编虚位（不补零）`,
        fix: `改为 ${correct}`,
      };
    if (!/[号號]$/.test(value))
      return { ok: false, kind: 'bad-doc-number', reason: '文号应以“号”结尾', fix: `改为 ${correct}` };
  }
  return {
    ok: false,
    kind: 'bad-doc-number',
    reason: `“${value}”不是规范的发文字号`,
    fix: '格式为 机关代字〔年份〕序号号，例如 示镇府〔2024〕12号；命令用 X令第N号',
  };
}

/** Rewrite the brackets around the year to 〔〕, leaving everything else as typed. */
export function fixDocNumberBrackets(text: string): string {
  return text.replace(WRONG_BRACKETS, (_whole, year: string) => `〔${year}〕`);
}
