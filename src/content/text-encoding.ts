/**
 * Which encoding a content file's bytes are in — decided only when the bytes leave no doubt,
 * because `check --fix` rewrites the file on that answer. Editors save from Notepad, Word and
 * WPS, which write UTF-8, UTF-16 (“Unicode”), sometimes without a BOM, and GBK.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'gbk';

/** What the bytes are. `text` is the whole file without its BOM, line ends as written. */
export type Detection =
  | { ok: true; encoding: Encoding; text: string; hadBom: boolean }
  /** The file starts with this encoding's BOM but the rest is not valid in it. */
  | { ok: false; reason: 'bom-mismatch'; encoding: Encoding }
  /** A NUL byte (at this line, counting LF bytes) in a file that is not UTF-16/32 text. */
  | { ok: false; reason: 'nul-byte'; line: number }
  | { ok: false; reason: 'unknown' };

/** UTF-32LE's BOM begins with UTF-16LE's, so it is looked for first. */
const BOMS: readonly { encoding: Encoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-32le', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'utf-32be', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

const WIDE: readonly Encoding[] = ['utf-32le', 'utf-32be', 'utf-16le', 'utf-16be'];

export function detectEncoding(bytes: Uint8Array): Detection {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) {
    const text = decodeStrictly(bom.encoding, bytes.subarray(bom.bytes.length));
    return text === undefined ? { ok: false, reason: 'bom-mismatch', encoding: bom.encoding } : { ok: true, encoding: bom.encoding, text, hadBom: true };
  }
  // No UTF-8 or GBK text has a zero byte; UTF-16/32 text almost always does (every ASCII character).
  const firstZero = bytes.indexOf(0);
  if (firstZero >= 0) return detectWideWithoutBom(bytes) ?? { ok: false, reason: 'nul-byte', line: lineOfByte(bytes, firstZero) };
  const utf8 = decodeStrictly('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, encoding: 'utf-8', text: utf8, hadBom: false };
  const gbk = decodeStrictly('gbk', bytes);
  if (gbk !== undefined && isPlausibleChinese(gbk)) {
    // GB18030 has a BOM too (84 31 95 33), which its decoder turns into U+FEFF.
    return gbk.startsWith('\uFEFF') ? { ok: true, encoding: 'gbk', text: gbk.slice(1), hadBom: true } : { ok: true, encoding: 'gbk', text: gbk, hadBom: false };
  }
  return { ok: false, reason: 'unknown' };
}

/**
 * UTF-16/32 without a BOM: the encoding in which the bytes decode strictly to clean text with
 * line feeds, when exactly one does. The line feed settles the byte order: read in the wrong
 * order it becomes U+0A00 (or U+0A000000, not a code point), which Unicode leaves unassigned, so
 * a file that has lines has line feeds in one byte order only. (Counting zero bytes by position
 * does not: U+3000, the ideographic space that indents 公文 paragraphs, and 一 开 最 需 have a
 * zero low byte, so an indented, CJK-heavy file can have more zeros on the “wrong” side.)
 * UTF-16 read as UTF-32 gives code points above U+10FFFF, and UTF-32 read as UTF-16 gives NUL
 * characters, so the two widths exclude each other too. A one-line file stays unrecognised.
 */
function detectWideWithoutBom(bytes: Uint8Array): Detection | undefined {
  const found: Detection[] = [];
  for (const encoding of WIDE) {
    const text = decodeStrictly(encoding, bytes);
    if (text !== undefined && text.includes('\n') && isCleanText(text)) found.push({ ok: true, encoding, text, hadBom: false });
  }
  return found.length === 1 ? found[0] : undefined;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16leDecoder = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16beDecoder = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });
// The WHATWG “gbk” decoder is the GB18030 one: GBK files are a subset of GB18030.
const gb18030Decoder = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });

/** The text, or undefined when the bytes are not valid in `encoding` (unpaired surrogates, a cut-off character…). */
export function decodeStrictly(encoding: Encoding, bytes: Uint8Array): string | undefined {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  const decoder = { 'utf-8': utf8Decoder, 'utf-16le': utf16leDecoder, 'utf-16be': utf16beDecoder, gbk: gb18030Decoder }[encoding];
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** TextDecoder has no UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  let codePoints: number[] = [];
  for (let at = 0; at < bytes.length; at += 4) {
    const codePoint = view.getUint32(at, littleEndian);
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
    codePoints.push(codePoint);
    // String.fromCodePoint takes its arguments on the stack: convert in slices.
    if (codePoints.length === 8192) {
      chunks.push(String.fromCodePoint(...codePoints));
      codePoints = [];
    }
  }
  chunks.push(String.fromCodePoint(...codePoints));
  return chunks.join('');
}

/** C0 controls but tab, LF and CR; DEL; C1 controls. None belongs in a text a person typed. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The first control character in `text` and its 1-based line (CRLF, CR and LF each end one line). */
export function findControlCharacter(text: string): { line: number; codePoint: number } | undefined {
  const match = CONTROL.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  return { line: 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0), codePoint: match[0].codePointAt(0)! };
}

/**
 * Private use (U+E000–U+F8FF, planes 15–16), noncharacters and planes 4–13, where nothing is
 * assigned: what a wrong decoding produces, not what people type.
 */
const UNTYPED = /[\u{E000}-\u{F8FF}\u{FDD0}-\u{FDEF}\u{FFFE}\u{FFFF}\u{40000}-\u{DFFFF}\u{F0000}-\u{10FFFF}]/u;

function isCleanText(text: string): boolean {
  return !CONTROL.test(text) && !UNTYPED.test(text);
}

/**
 * GB18030 decodes almost any byte sequence, so “it decodes” says little; what it decodes to
 * says more. Genuine GBK Chinese is ASCII plus CJK ideographs and the punctuation and symbols of
 * GB2312's first rows. GBK's other letters (kana, Greek, Cyrillic, pinyin, bopomofo) turn up in
 * a notice as the odd α or pinyin name, well under 1 in 20 of its non-ASCII characters; bytes of
 * another encoding read as GBK land in those rows, in the user-defined (private-use) area or on
 * control bytes far more often — Big5's 的 is GBK's user-defined AABA, 不 (A4A3) a hiragana.
 * Hence: clean text, and at least 95% of the non-ASCII characters Chinese.
 */
export function isPlausibleChinese(text: string): boolean {
  if (!isCleanText(text)) return false;
  let nonAscii = 0;
  let chinese = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x80) continue;
    nonAscii += 1;
    if (isChineseCharacter(codePoint)) chinese += 1;
  }
  return chinese >= 0.95 * nonAscii;
}

/** Inclusive code point ranges of Chinese text: ideographs, punctuation, full-width forms, typesetting symbols. */
const CHINESE_RANGES: readonly (readonly [number, number])[] = [
  [0x00a4, 0x00a4], [0x00a7, 0x00a8], [0x00b0, 0x00b1], [0x00b7, 0x00b7], [0x00d7, 0x00d7], [0x00f7, 0x00f7], // ¤ § ¨ ° ± · × ÷ (GB2312 row 1)
  [0x2000, 0x27bf], // punctuation “”‘’—…‰※, ℃ №, Ⅰ Ⅱ, arrows, ≤ ≥ ∶, ① ⑴ ⒈, box drawing, ■ □ ○ ●, ★ ☆
  [0x3000, 0x303f], // CJK symbols and punctuation: 、。《》「」【】〔〕 and the ideographic space
  [0x3200, 0x32ff], // enclosed CJK: ㈠ ㈡
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms (vertical punctuation in GBK)
  [0xff00, 0xffef], // full-width and half-width forms: ，：（）！？ and ￥
  [0x20000, 0x323af], // CJK Extensions B–H, in GB18030's four-byte sequences
];

function isChineseCharacter(codePoint: number): boolean {
  return CHINESE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** 1-based line of byte `at` in an ASCII-compatible encoding, where 0A is always a line feed. */
function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
