/**
 * 索引号: the permanent, unique index of a piece of government information.
 *
 * Standard form (《政府信息公开目录系统实施指引（试行）》): 前段码 + `/` + 后段码, where
 * 前段码 is the organ's 9-character 组织机构代码 (its "-" dropped) or its 18-character
 * 统一社会信用代码, and 后段码 is a 4-digit year, `-`, and a 5-digit serial:
 * `007141332/2010-02262`, `11441700007280420Y/2021-00050`.
 */
export type IndexNumber = string & { readonly __brand: 'IndexNumber' };

export interface IndexNumberParts {
  /** The organ code (前段码), 9 or 18 digits/uppercase letters. */
  code: string;
  year: number;
  /** The 5-digit serial (流水号) as a number: `00072` → 72. */
  serial: number;
}

const STANDARD = /^([0-9A-Z]{9}|[0-9A-Z]{18})\/(\d{4})-(\d{5})$/;
/** The one form check accepts, for editors that validate as clerks type (src/cms/). */
export const INDEX_NUMBER_FORM: RegExp = STANDARD;
/** An organ code alone: what site.yaml's 机构代码 must be. */
export const ORGAN_CODE = /^(?:[0-9A-Z]{9}|[0-9A-Z]{18})$/;

export type IndexNumberCheck =
  { ok: true; value: IndexNumber; parts: IndexNumberParts } | { ok: false; reason: string; fix: string };

export function parseIndexNumber(text: string): IndexNumberCheck {
  const match = STANDARD.exec(text);
  if (match) {
    return {
      ok: true,
      value: text as IndexNumber,
      parts: { code: match[1]!, year: Number(match[2]), serial: Number(match[3]) },
    };
  }
  return { ok: false, ...diagnose(text) };
}

/** Explain the most likely mistake, so the editor is told what to change, not just "invalid". */
function diagnose(text: string): { reason: string; fix: string } {
  const example = '例如 114400001234567890/2024-00001';
  if (/[／\\]/.test(text)) {
    return { reason: `“${text}”中的斜杠应为半角“/”`, fix: `改为 ${text.replace(/[／\\]/g, '/')}` };
  }
  const slash = text.indexOf('/');
  if (slash < 0) {
    return { reason: `“${text}”缺少前段码与后段码之间的“/”`, fix: `格式为 机构代码/年份-5位流水号，${example}` };
  }
  const code = text.slice(0, slash);
  const rest = text.slice(slash + 1);
  if (/[a-z]/.test(code) && ORGAN_CODE.test(code.toUpperCase())) {
    return { reason: `前段码“${code}”含小写字母`, fix: `改为大写：${code.toUpperCase()}/${rest}` };
  }
  if (code.includes('-') && ORGAN_CODE.test(code.replace(/-/g, ''))) {
    return { reason: `前段码“${code}”中的“-”应去掉`, fix: `改为 ${code.replace(/-/g, '')}/${rest}` };
  }
  if (!ORGAN_CODE.test(code)) {
    return {
      reason: `前段码“${code}”应为9位组织机构代码（去掉“-”）或18位统一社会信用代码（数字或大写字母），现为${code.length}位`,
      fix: example,
    };
  }
  const back = /^(\d+)[-－—](\d+)$/.exec(rest);
  if (back && back[1]!.length === 4 && back[2]!.length < 5) {
    return {
      reason: `流水号“${back[2]}”应为5位数字`,
      fix: `在前面补零：${code}/${back[1]}-${back[2]!.padStart(5, '0')}`,
    };
  }
  return { reason: `后段码“${rest}”应为4位年份、“-”和5位流水号`, fix: example };
}

/** The URL segment of a notice: the 索引号 with "/" replaced by "-". */
export function indexNumberSlug(indexNumber: string): string {
  return indexNumber.replace(/\//g, '-');
}

export function formatIndexNumber(parts: IndexNumberParts): IndexNumber {
  return `${parts.code}/${parts.year}-${String(parts.serial).padStart(5, '0')}` as IndexNumber;
}
