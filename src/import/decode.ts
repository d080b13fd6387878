/**
 * The text of a saved page. Legacy CMS pages are served in GBK/GB2312, GB18030, Big5 or UTF-8;
 * wget and HTTrack keep the bytes as served, browsers' “save page” sometimes re-encode them.
 * Node's TextDecoder (full ICU) reads all of these; what is decided here is which one applies.
 */
import { isPlausibleChinese } from '../content/text-encoding.ts';

export type PageEncoding = 'utf-8' | 'gb18030' | 'big5';

export interface DecodedPage {
  text: string;
  encoding: PageEncoding;
}

/** How a charset label maps to a decoder: the WHATWG rules, where gb2312 and gbk read as GB18030. */
const LABELS: Readonly<Record<string, PageEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  'x-euc-cn': 'gb18030',
  'euc-cn': 'gb18030',
  hz: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
};

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. */
const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

function strictly(encoding: PageEncoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The charset a page declares in its first 4 KB, as an encoding we decode, if any. */
function declaredEncoding(bytes: Uint8Array): PageEncoding | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  return label ? LABELS[label] : undefined;
}

/**
 * Decode a page. Order: a UTF-8 BOM; valid UTF-8 with non-ASCII text (a legacy-encoded Chinese
 * page is practically never valid UTF-8, while a page re-saved as UTF-8 often keeps its old
 * `charset=gb2312`); the declared charset when the bytes are valid in it; then GB18030 or Big5,
 * whichever reads as Chinese text. GBK and Big5 decode each other's bytes without error, so
 * plausibility decides, as in src/content/text-encoding.ts. Failing everything, lenient UTF-8.
 */
export function decodePage(bytes: Uint8Array): DecodedPage {
  if (BOM_UTF8.every((b, i) => bytes[i] === b)) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  const utf8 = strictly('utf-8', bytes);
  if (utf8 !== undefined && bytes.some((b) => b >= 0x80)) return { text: utf8, encoding: 'utf-8' };
  const declared = declaredEncoding(bytes);
  if (declared) {
    const text = strictly(declared, bytes);
    if (text !== undefined) return { text, encoding: declared };
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = strictly(encoding, bytes);
    if (text !== undefined && isPlausibleChinese(stripMarkup(text))) return { text, encoding };
  }
  return { text: new TextDecoder(declared ?? 'utf-8').decode(bytes), encoding: declared ?? 'utf-8' };
}

/** Tags and entities aside: scripts and styles can hold any byte, the text is what must be Chinese. */
function stripMarkup(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?\w+;/g, ' ');
}
