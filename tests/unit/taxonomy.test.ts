import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TAXONOMY, nearestCategory, categorySlug } from '../../src/domain/notice/taxonomy.ts';

describe('DEFAULT_TAXONOMY', () => {
  test('is the State Council 主题分类 with its 21 first-level topics', () => {
    assert.equal(DEFAULT_TAXONOMY.length, 21);
    assert.equal(DEFAULT_TAXONOMY[0], '综合政务');
    assert.equal(DEFAULT_TAXONOMY.at(-1), '其他');
  });
});

describe('nearestCategory', () => {
  test('finds the category when only the 、 is missing', () => {
    assert.equal(nearestCategory('农业林业水利', DEFAULT_TAXONOMY), '农业、林业、水利');
  });
  test('finds the category from a near miss', () => {
    assert.equal(nearestCategory('财政金融', DEFAULT_TAXONOMY), '财政、金融、审计');
    assert.equal(nearestCategory('民政、扶贫', DEFAULT_TAXONOMY), '民政、扶贫、救灾');
  });
  test('prefers an entry holding what was typed to a nearer edit distance', () => {
    // By edit distance alone 农业 is nearest to 国防 (two characters to change).
    assert.equal(nearestCategory('农业', DEFAULT_TAXONOMY), '农业、林业、水利');
    assert.equal(nearestCategory('水利', DEFAULT_TAXONOMY), '农业、林业、水利');
    assert.equal(nearestCategory('审计。', DEFAULT_TAXONOMY), '财政、金融、审计');
  });
  test('prefers an entry that what was typed holds', () => {
    assert.equal(nearestCategory('国防动员', DEFAULT_TAXONOMY), '国防');
  });
  test('among several entries holding it, the nearest by edit distance', () => {
    assert.equal(nearestCategory('安全', ['市场监管、安全生产监管', '公安、安全、司法']), '公安、安全、司法');
  });
  test('falls back to edit distance when no entry holds it', () => {
    assert.equal(nearestCategory('国方', DEFAULT_TAXONOMY), '国防');
  });
  test('suggests 栏目 the same way', () => {
    assert.equal(nearestCategory('救助', ['民生政策', '社会救助', '财政预决算']), '社会救助');
  });
});

describe('categorySlug', () => {
  test('is the two-digit position in the taxonomy', () => {
    assert.equal(categorySlug('综合政务', DEFAULT_TAXONOMY), '01');
    assert.equal(categorySlug('国防', DEFAULT_TAXONOMY), '20');
  });
});
