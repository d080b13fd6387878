import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePage } from '../../src/import/decode.ts';
import { gbk } from '../encode-text.ts';
import { big5 } from '../fixtures/import/mirror.ts';

const page = (charset: string, text: string) =>
  `<html><head>${charset}<title>${text}</title></head><body><p>${text}</p></body></html>`;

describe('decodePage', () => {
  test('reads a GB2312-declared page saved as GBK', () => {
    const html = page(
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
      '关于做好政务公开工作的通知',
    );
    assert.deepEqual(decodePage(gbk(html)), { text: html, encoding: 'gb18030' });
  });
  test('reads a Big5 page, keeping its 繁體 text', () => {
    const html = page('<meta charset="big5">', '肇慶市人民政府辦公室關於加強政府信息公開工作的通知');
    assert.deepEqual(decodePage(big5(html)), { text: html, encoding: 'big5' });
  });
  test('tells GBK from Big5 when the page declares nothing', () => {
    const simplified = page('', '各县人民政府，市政府各部门：现将有关事项通知如下。');
    const traditional = page('', '各縣人民政府，市政府各部門：現將有關事項通知如下。');
    assert.equal(decodePage(gbk(simplified)).text, simplified);
    assert.equal(decodePage(big5(traditional)).text, traditional);
  });
  test('a page re-saved as UTF-8 that still declares gb2312 is read as UTF-8', () => {
    const html = page('<meta charset="gb2312">', '政务公开');
    assert.deepEqual(decodePage(new TextEncoder().encode(html)), { text: html, encoding: 'utf-8' });
  });
  test('a UTF-8 BOM is dropped', () => {
    const html = page('', '通知');
    assert.equal(decodePage(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(html)])).text, html);
  });
});
