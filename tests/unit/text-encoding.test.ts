import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  detectEncoding,
  findControlCharacter,
  isPlausibleChinese,
  type Encoding,
} from '../../src/content/text-encoding.ts';
import { BOM, gbk, randomBytes, utf16, utf32, utf8, withBom } from '../encode-text.ts';

/** A notice as offices write them: CJK keys, ASCII values, paragraphs indented with U+3000. */
const CJK_HEAVY =
  '---\r\n标题: 关于进一步做好春季森林防火工作的通知\r\n索引号: "114400001234567890/2024-00001"\r\n---\r\n\r\n' +
  '\u3000\u3000为进一步做好春季森林防火工作，切实保障人民群众生命财产安全，现将有关事项通知如下：\r\n' +
  '\u3000\u3000一、提高思想认识。“防”字当头——最需要的是开展巡查……\r\n';
const ASCII_HEAVY = '---\ntitle: Notice 2024\nindex: "114400001234567890/2024-00001"\n---\n\nBody text, plain ASCII.\n';
const hex = (text: string) => Uint8Array.from(text.match(/../g)!, (pair) => parseInt(pair, 16));

const WIDE: { encoding: Encoding; encode: (text: string) => Uint8Array; bom: readonly number[] }[] = [
  { encoding: 'utf-16le', encode: (t) => utf16(t, true), bom: BOM.utf16le },
  { encoding: 'utf-16be', encode: (t) => utf16(t, false), bom: BOM.utf16be },
  { encoding: 'utf-32le', encode: (t) => utf32(t, true), bom: BOM.utf32le },
  { encoding: 'utf-32be', encode: (t) => utf32(t, false), bom: BOM.utf32be },
];

describe('detectEncoding', () => {
  test('reads UTF-8, with and without BOM', () => {
    assert.deepEqual(detectEncoding(utf8(CJK_HEAVY)), { ok: true, encoding: 'utf-8', text: CJK_HEAVY, hadBom: false });
    assert.deepEqual(detectEncoding(withBom(BOM.utf8, utf8(CJK_HEAVY))), {
      ok: true,
      encoding: 'utf-8',
      text: CJK_HEAVY,
      hadBom: true,
    });
  });

  for (const { encoding, encode, bom } of WIDE) {
    for (const [sample, text] of [
      ['CJK-heavy', CJK_HEAVY],
      ['ASCII-only', ASCII_HEAVY],
    ] as const) {
      test(`recognises ${encoding} with a BOM (${sample})`, () => {
        assert.deepEqual(detectEncoding(withBom(bom, encode(text))), { ok: true, encoding, text, hadBom: true });
      });
      test(`recognises ${encoding} without a BOM (${sample})`, () => {
        assert.deepEqual(detectEncoding(encode(text)), { ok: true, encoding, text, hadBom: false });
      });
    }
  }

  test('recognises a UTF-16LE file with more zero bytes at even offsets than odd (U+3000 and 一 indent and open paragraphs)', () => {
    const text = '---\n' + '\u3000\u3000一一一开最需要。\n'.repeat(20);
    const bytes = utf16(text, true);
    const zerosAt = (parity: number) => bytes.filter((b, i) => b === 0 && i % 2 === parity).length;
    assert.ok(zerosAt(0) > zerosAt(1), 'the sample really has more zeros on the “big-endian” side');
    assert.deepEqual(detectEncoding(bytes), { ok: true, encoding: 'utf-16le', text, hadBom: false });
  });

  test('takes FF FE 00 00 as the UTF-32LE BOM, not UTF-16LE followed by NUL', () => {
    const detected = detectEncoding(withBom(BOM.utf32le, utf32('---\n标题: 甲\n', true)));
    assert.equal(detected.ok && detected.encoding, 'utf-32le');
  });

  test('refuses a BOM followed by bytes that are not valid in its encoding', () => {
    const unpaired = withBom(BOM.utf16le, Uint8Array.of(0x2d, 0x00, 0x00, 0xd8, 0x0a, 0x00));
    assert.deepEqual(detectEncoding(unpaired), { ok: false, reason: 'bom-mismatch', encoding: 'utf-16le' });
    assert.deepEqual(detectEncoding(withBom(BOM.utf16be, Uint8Array.of(0x00, 0x2d, 0x00))), {
      ok: false,
      reason: 'bom-mismatch',
      encoding: 'utf-16be',
    });
    const beyondUnicode = withBom(BOM.utf32be, Uint8Array.of(0x00, 0x11, 0x00, 0x00));
    assert.deepEqual(detectEncoding(beyondUnicode), { ok: false, reason: 'bom-mismatch', encoding: 'utf-32be' });
    const surrogate = withBom(BOM.utf32le, Uint8Array.of(0x00, 0xd8, 0x00, 0x00));
    assert.deepEqual(detectEncoding(surrogate), { ok: false, reason: 'bom-mismatch', encoding: 'utf-32le' });
  });

  test('does not guess UTF-16 without a BOM when the text has an unpaired surrogate', () => {
    const bytes = Uint8Array.from([...utf16('---\n标题: 甲\n', true), 0x00, 0xd8, 0x0a, 0x00]);
    assert.equal(detectEncoding(bytes).ok, false);
  });

  test('refuses a file with NUL bytes that is not UTF-16/32, naming the line of the first', () => {
    const damaged = Uint8Array.from([...utf8('---\n标题: 甲\n'), 0x00, ...utf8('正文\n')]);
    assert.deepEqual(detectEncoding(damaged), { ok: false, reason: 'nul-byte', line: 3 });
    const png = hex('89504e470d0a1a0a0000000d4948445200000001000000010806000000');
    assert.equal(detectEncoding(png).ok, false);
  });

  test('reads genuine GBK, keeping its line ends', () => {
    const text =
      '---\r\n标题: 关于做好2024年安全生产检查的通知\r\n---\r\n\r\n“安全第一”——请各单位①自查②整改，温度≥5℃。\r\n';
    assert.deepEqual(detectEncoding(gbk(text)), { ok: true, encoding: 'gbk', text, hadBom: false });
  });

  test('reads the GBK fixture as GBK', () => {
    const detected = detectEncoding(readFileSync(new URL('../fixtures/broken/notices/gbk.md', import.meta.url)));
    assert.equal(detected.ok && detected.encoding, 'gbk');
    assert.match(detected.ok ? detected.text : '', /标题: 关于做好2024年安全生产检查的通知/);
  });

  test('does not take Big5 or Windows-1252 text for GBK', () => {
    const big5 = hex('c3f6a9f3ac46a9b2b8eab054a4bdb67daabab371aabea141a4a3a440a6d3a8aca1430a'); // 關於政府資訊公開的通知，不一而足。
    const cp1252 = hex('636166e92072e973756de9206e61ef7665205afc7269636820dc6265727369636874'); // café résumé naïve Zürich Übersicht
    assert.deepEqual(detectEncoding(big5), { ok: false, reason: 'unknown' });
    assert.deepEqual(detectEncoding(cp1252), { ok: false, reason: 'unknown' });
  });

  test('refuses random bytes of any length from 100 bytes', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      for (const range of [{}, { from: 0x80 }, { from: 0x20 }]) {
        const detected = detectEncoding(randomBytes(100 + seed * 7, seed, range));
        assert.equal(detected.ok, false, `seed ${seed}, bytes from ${range.from ?? 0}`);
      }
    }
  });
});

describe('findControlCharacter', () => {
  test('finds none in text with tabs and any line ends', () => {
    assert.equal(findControlCharacter('甲\t乙\r\n丙\r丁\n'), undefined);
  });

  test('names the line of a vertical tab pasted from Word, counting CRLF and CR as one line end each', () => {
    assert.deepEqual(findControlCharacter('一\r\n二\r三\n四\u000B五'), { line: 4, codePoint: 0x0b });
  });

  test('finds NUL, DEL and C1 controls', () => {
    assert.equal(findControlCharacter('a\u0000')?.codePoint, 0);
    assert.equal(findControlCharacter('a\u007F')?.codePoint, 0x7f);
    assert.equal(findControlCharacter('\n\n\u0085')?.line, 3);
  });
});

describe('isPlausibleChinese', () => {
  test('accepts Chinese with its punctuation, symbols and the odd Greek letter', () => {
    assert.ok(isPlausibleChinese('关于《通知》的说明：“安全第一”——①②★ 5℃，系数α。'.repeat(3)));
  });

  test('refuses text whose non-ASCII characters are mostly not Chinese', () => {
    assert.equal(isPlausibleChinese('ぃぁ的ΑΒΓ'), false);
  });

  test('refuses private-use characters, which GBK user-defined codes decode to', () => {
    assert.equal(isPlausibleChinese('关于\uE000通知'), false);
  });
});
