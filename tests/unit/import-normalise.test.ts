import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isDateLine,
  mapCategory,
  normaliseDocNumber,
  normaliseIndexNumber,
  normaliseValidity,
  parseDate,
  splitKeywords,
} from '../../src/import/normalise.ts';
import { DEFAULT_TAXONOMY } from '../../src/domain/notice/taxonomy.ts';

describe('parseDate', () => {
  test('reads the ways pages write a date, time of day dropped', () => {
    for (const [text, date] of [
      ['2010-04-24', '2010-04-24'],
      ['2010-4-24 09:30:00', '2010-04-24'],
      ['2010/4/24', '2010-04-24'],
      ['2010.04.24', '2010-04-24'],
      ['2010年4月24日', '2010-04-24'],
      ['2010 年 04 月 24 日', '2010-04-24'],
      ['２０１０年４月２４日', '2010-04-24'],
      ['20100424', '2010-04-24'],
      ['二○一○年四月十九日', '2010-04-19'],
      ['二〇一九年十一月六日', '2019-11-06'],
      ['二零二一年十二月三十一日', '2021-12-31'],
      ['二○一○年四月二十日', '2010-04-20'],
    ])
      assert.equal(parseDate(text), date, text);
  });
  test('refuses dates that do not exist and text without a date', () => {
    assert.equal(parseDate('2022-02-30'), undefined);
    assert.equal(parseDate('二○二二年二月三十日'), undefined);
    assert.equal(parseDate('暂无'), undefined);
  });
  test('a signature date is a line with a date and nothing else', () => {
    assert.ok(isDateLine('二○一○年四月十九日'));
    assert.ok(isDateLine('2021年3月2日'));
    assert.ok(!isDateLine('请于2021年3月2日前报送'));
  });
});

describe('normaliseDocNumber', () => {
  test('keeps a regular 文号 and a 繁體 one as written', () => {
    assert.deepEqual(normaliseDocNumber('肇府办〔2010〕31号'), { value: '肇府办〔2010〕31号' });
    assert.deepEqual(normaliseDocNumber('肇府辦〔2010〕31號'), { value: '肇府辦〔2010〕31號' });
  });
  test('brackets become 〔〕 and the change is reported', () => {
    for (const typed of ['肇府办[2010]31号', '肇府办（2010）31号', '肇府办【2010】31号', '肇府办 [２０１０] 31号']) {
      const result = normaliseDocNumber(typed);
      assert.equal(result.value, '肇府办〔2010〕31号', typed);
      assert.match(result.note ?? '', /已改为“肇府办〔2010〕31号”/);
    }
  });
  test('an irregular 文号 is kept as written and reported; 无 means none', () => {
    const zeros = normaliseDocNumber('肇府办〔2010〕031号');
    assert.equal(zeros.value, '肇府办〔2010〕031号');
    assert.match(zeros.note ?? '', /照原样写入/);
    assert.deepEqual(normaliseDocNumber('无'), {});
    assert.deepEqual(normaliseDocNumber('—'), {});
  });
});

describe('normaliseIndexNumber', () => {
  test('keeps a standard 索引号, drops spaces and full-width forms', () => {
    assert.deepEqual(normaliseIndexNumber('007141332/2010-02262'), { value: '007141332/2010-02262' });
    assert.deepEqual(normaliseIndexNumber(' ００７１４１３３２／２０１０－０２２６２ '), {
      value: '007141332/2010-02262',
    });
  });
  test('corrects a dashed or lower-case organ code as check would, and says so', () => {
    const dashed = normaliseIndexNumber('00714133-2/2010-02262');
    assert.equal(dashed.value, '007141332/2010-02262');
    assert.match(dashed.note ?? '', /已改为/);
  });
  test('keeps a local scheme as written: a 索引号 never changes', () => {
    const local = normaliseIndexNumber('01527918X-2020-153077');
    assert.equal(local.value, '01527918X-2020-153077');
    assert.match(local.note ?? '', /不是标准格式/);
  });
});

describe('splitKeywords, normaliseValidity', () => {
  test('主题词 split at spaces, 、, ；, commas', () => {
    assert.deepEqual(splitKeywords('行政事务 政务公开　通知、公开；信息,测试'), [
      '行政事务',
      '政务公开',
      '通知',
      '公开',
      '信息',
      '测试',
    ]);
  });
  test('有效性 as pages word it', () => {
    assert.equal(normaliseValidity('现行有效').value, '有效');
    assert.equal(normaliseValidity('已失效').value, '失效');
    assert.equal(normaliseValidity('廢止').value, '废止');
    assert.equal(normaliseValidity('未知').value, undefined);
  });
});

describe('mapCategory', () => {
  test('an entry, a 繁體 entry and a two-level 分类 map without a note', () => {
    assert.deepEqual(mapCategory('综合政务', DEFAULT_TAXONOMY), { value: '综合政务' });
    assert.deepEqual(mapCategory('綜合政務', DEFAULT_TAXONOMY), { value: '综合政务' });
    assert.deepEqual(mapCategory('综合政务\\政务公开', DEFAULT_TAXONOMY), { value: '综合政务' });
    assert.deepEqual(mapCategory('农业、林业、水利/其他', DEFAULT_TAXONOMY), { value: '农业、林业、水利' });
  });
  test('a renamed or partial entry maps to the nearest, and the report says so', () => {
    const renamed = mapCategory('民政、乡村振兴、救灾', DEFAULT_TAXONOMY);
    assert.equal(renamed.value, '民政、扶贫、救灾');
    assert.match(renamed.note ?? '', /按最接近的“民政、扶贫、救灾”导入，请核对/);
    assert.equal(mapCategory('安全生产', DEFAULT_TAXONOMY).value, '市场监管、安全生产监管');
  });
  test('an unknown 分类 is not guessed: no value, a note', () => {
    const unknown = mapCategory('通知公告', DEFAULT_TAXONOMY);
    assert.equal(unknown.value, undefined);
    assert.match(unknown.note ?? '', /不在分类表中/);
  });
  test('a site section (ColumnName) counts only when it is an entry', () => {
    assert.deepEqual(mapCategory('农业', DEFAULT_TAXONOMY, { exactOnly: true }), {});
    assert.deepEqual(mapCategory('综合政务', DEFAULT_TAXONOMY, { exactOnly: true }), { value: '综合政务' });
  });
});
