import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NOT_IN_FORCE_FACTOR,
  rankResults,
  SEARCH_RANKING,
  TITLE_WORDS,
  titleHolds,
  titleWords,
  type RankedResult,
} from '../../src/domain/search/search-ranking.ts';

describe('titleWords', () => {
  test('spaces the words as the browser splits a query, without punctuation', () => {
    const words = titleWords('示例镇人民政府办公室关于开展燃气安全隐患排查整治“回头看”的通知');
    assert.doesNotMatch(words, /[“”]/);
    assert.equal(words.replace(/ /g, ''), '示例镇人民政府办公室关于开展燃气安全隐患排查整治回头看的通知');
    // Every word of the query, split the same way, is a word of the title.
    for (const word of titleWords('燃气安全隐患').split(' ')) assert.ok(words.split(' ').includes(word), word);
  });
  test('is empty for a title of punctuation only', () => {
    assert.equal(titleWords('《》“”'), '');
  });
});

describe('titleHolds', () => {
  const title = titleWords('示例镇人民政府办公室关于开展农村人居环境整治“百日攻坚”行动的通知');
  test('the whole query, even across the title’s words', () => {
    assert.ok(titleHolds(title, '人居'));
    assert.ok(titleHolds(title, '农村人居环境'));
    assert.ok(titleHolds(title, '“百日攻坚”'));
  });
  test('not words of the query scattered over the title', () => {
    assert.ok(!titleHolds(title, '农村整治'));
    assert.ok(!titleHolds(title, '人居住'));
  });
  test('each space-separated part of the query, in any order', () => {
    assert.ok(titleHolds(title, '整治 人居'));
    assert.ok(!titleHolds(title, '整治 住房'));
  });
  test('ignores case, and holds nothing for a missing field or an empty query', () => {
    assert.ok(titleHolds(titleWords('关于PM2.5监测的通知'), 'pm2.5'));
    assert.ok(!titleHolds(undefined, '人居'));
    assert.ok(!titleHolds(title, ' “” '));
  });
});

describe('rankResults', () => {
  const result = (name: string, score: number, title: string, validity?: string) => ({
    name,
    score,
    titleWords: titleWords(title),
    validity,
  });
  const names = (query: string, results: (RankedResult & { name: string })[]) =>
    rankResults(query, results).map((r) => r.name);

  test('puts titles holding the query first, whatever their score or 有效性', () => {
    const results = [
      result('text', 9, '关于做好城乡居民医疗保险参保缴费工作的通知'),
      result('title', 2, '关于开展农村人居环境整治的通知', '废止'),
      result('other', 1, '关于开展森林防火工作的通告'),
    ];
    assert.deepEqual(names('人居', results), ['title', 'text', 'other']);
  });
  test('among titles holding the query, puts those in force first', () => {
    const results = [
      result('repealed', 30, '农村宅基地审批管理暂行办法', '废止'),
      result('expired', 20, '宅基地审批工作的通知', '失效'),
      result('current', 10, '农村宅基地审批管理办法', '有效'),
      result('unstated', 12, '农村宅基地审批管理办法政策解读'),
    ];
    assert.deepEqual(names('宅基地', results), ['unstated', 'current', 'repealed', 'expired']);
  });
  test('among the others, puts a notice in force before one no longer in force that scores comparably', () => {
    const results = [
      result('repealed', 10, '农村住房管理暂行办法', '废止'),
      result('current', 10 * NOT_IN_FORCE_FACTOR + 0.1, '农村住房管理办法', '有效'),
      result('unstated', 10 * NOT_IN_FORCE_FACTOR + 0.05, '农村住房管理办法政策解读'),
      result('expired', 9, '住房审批工作的通知', '失效'),
    ];
    assert.deepEqual(names('宅基地', results), ['current', 'unstated', 'repealed', 'expired']);
  });
  test('keeps a notice no longer in force ahead of one that scores far less', () => {
    const results = [result('repealed', 10, '住房办法', '废止'), result('current', 5, '住房通知', '有效')];
    assert.deepEqual(names('宅基地', results), ['repealed', 'current']);
  });
  test('keeps Pagefind’s order on ties', () => {
    const results = [result('a', 3, '甲'), result('b', 3, '乙'), result('c', 3, '丙')];
    assert.deepEqual(names('丁', results), ['a', 'b', 'c']);
  });
});

describe('SEARCH_RANKING', () => {
  test('weighs the title’s words and no other meta field', () => {
    const weights: Record<string, number> = SEARCH_RANKING.metaWeights;
    assert.ok(weights[TITLE_WORDS]! > 1);
    for (const field of ['title', 'original', 'indexNumber', 'docNumber', 'date'])
      assert.equal(weights[field], 0, field);
  });
});
