import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEARCH_RANKING, TITLE_WORDS, titleWords } from '../../src/domain/search/search-ranking.ts';

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

describe('SEARCH_RANKING', () => {
  test('weighs the title’s words and no other meta field', () => {
    const weights: Record<string, number> = SEARCH_RANKING.metaWeights;
    assert.ok(weights[TITLE_WORDS]! > 1);
    for (const field of ['title', 'original', 'indexNumber', 'docNumber', 'date'])
      assert.equal(weights[field], 0, field);
  });
});
