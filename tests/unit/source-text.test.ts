import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource } from '../../src/content/source-text.ts';
import { BOM, gbk, randomBytes, utf16, utf32, utf8, withBom } from '../encode-text.ts';

const NOTICE = '---\r\n标题: 关于开展植树活动的通知\r\n---\r\n\r\n正文。\r\n';

describe('decodeSource', () => {
  test('accepts UTF-8 with BOM and CRLF, giving LF text and the original line end', () => {
    assert.deepEqual(decodeSource(withBom(BOM.utf8, utf8(NOTICE))), {
      ok: true,
      text: NOTICE.replace(/\r\n/g, '\n'),
      hadBom: true,
      newline: '\r\n',
    });
  });

  test('refuses UTF-16 and UTF-32, naming the byte order and offering --fix', () => {
    const cases = [
      [utf16(NOTICE, true), 'UTF-16（小端）'],
      [withBom(BOM.utf16be, utf16(NOTICE, false)), 'UTF-16（大端）'],
      [utf32(NOTICE, false), 'UTF-32（大端）'],
    ] as const;
    for (const [bytes, name] of cases) {
      const decoded = decodeSource(bytes);
      assert.equal(decoded.ok, false);
      if (decoded.ok) continue;
      assert.equal(decoded.message, `文件是 ${name} 编码，网站只接受 UTF-8`);
      assert.match(decoded.fix, /npm run check -- --fix.*备份/);
      assert.equal(decoded.kind, 'not-utf8');
    }
  });

  test('refuses a UTF-16LE file of pure ASCII, which is also valid UTF-8 full of NUL bytes', () => {
    const decoded = decodeSource(utf16('---\ntitle: a\n---\n\nbody\n', true));
    assert.equal(decoded.ok, false);
    assert.match(decoded.ok ? '' : decoded.message, /UTF-16（小端）/);
  });

  test('refuses GBK, naming it', () => {
    const decoded = decodeSource(gbk(NOTICE));
    assert.match(
      decoded.ok ? '' : decoded.message,
      /^文件是 GBK\/GB18030 编码（Windows 编辑器的常见默认编码），网站只接受 UTF-8$/,
    );
  });

  test('refuses UTF-8 with a control character, naming its line', () => {
    const decoded = decodeSource(utf8('---\r\n标题: 甲\r\n---\r\n\r\n第一段\u000B第二段\r\n'));
    assert.equal(decoded.ok, false);
    if (decoded.ok) return;
    assert.equal(decoded.kind, 'control-character');
    assert.equal(decoded.line, 5);
    assert.match(decoded.message, /^第 5 行有看不见的控制字符 U\+000B（垂直制表符/);
    assert.match(decoded.fix, /删掉/);
  });

  test('refuses DEL and C1 controls but accepts tabs', () => {
    assert.equal(decodeSource(utf8('甲\t乙\n')).ok, true);
    assert.equal(decodeSource(utf8('甲\n乙\u007F\n')).ok, false);
    const c1 = decodeSource(utf8('甲\n\n乙\u0085\n'));
    assert.equal(c1.ok ? 0 : c1.line, 3);
  });

  test('refuses a file with NUL bytes as not text, naming the line', () => {
    const decoded = decodeSource(Uint8Array.from([...utf8('---\n标题: 甲\n'), 0x00, 0x01]));
    assert.equal(decoded.ok ? 0 : decoded.line, 3);
    assert.match(decoded.ok ? '' : decoded.message, /^第 3 行有空字节（NUL），这不是文本文件/);
  });

  test('says 无法识别的编码 for bytes it cannot tell, with a way out', () => {
    const decoded = decodeSource(randomBytes(300, 7, { from: 0x80 }));
    assert.equal(decoded.ok, false);
    if (decoded.ok) return;
    assert.match(decoded.message, /^无法识别的编码/);
    assert.match(decoded.fix, /另存为.*UTF-8/);
    assert.equal(decoded.line, undefined);
  });
});
