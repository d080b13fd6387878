import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isBodyEmpty, leadSentences } from '../../src/domain/body/body-text.ts';

describe('isBodyEmpty', () => {
  test('is true for whitespace only', () => assert.equal(isBodyEmpty('\n   \n\t\n'), true));
  test('is false for a heading, a table, an image or an HTML element', () => {
    for (const body of ['# 标题', '| a |\n|---|\n| 1 |', '![图](a.png)', '<aside>提示</aside>'])
      assert.equal(isBodyEmpty(body), false, body);
  });
});

describe('leadSentences', () => {
  test('takes the first sentence of the first paragraph, skipping headings', () => {
    assert.equal(leadSentences('## 一、总则\n\n为做好工作，现通知如下。第二句。'), '为做好工作，现通知如下。');
  });
  test('skips the 主送机关 line that opens a 公文', () => {
    assert.equal(
      leadSentences('各村（居）委会，镇直各单位：\n\n现将有关事项通知如下，请遵照执行。'),
      '现将有关事项通知如下，请遵照执行。',
    );
  });
  test('adds the second sentence when the first is very short', () => {
    assert.equal(leadSentences('特此公告。本公告自发布之日起施行。'), '特此公告。本公告自发布之日起施行。');
  });
  test('cuts a very long sentence with an ellipsis', () => {
    const lead = leadSentences('字'.repeat(300), 120);
    assert.equal([...lead].length, 120);
    assert.ok(lead.endsWith('…'));
  });
  test('drops Markdown emphasis and links', () => {
    assert.equal(leadSentences('根据**条例**和[通知](x.html)要求，制定本办法。'), '根据条例和通知要求，制定本办法。');
  });
});

describe('CJK-friendly bold', () => {
  test('the summary drops the asterisks of **bold。** next to Chinese punctuation', () => {
    assert.equal(leadSentences('一、**慰问对象。**本镇困难归侨。'), '一、慰问对象。本镇困难归侨。');
  });
});
