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
});

describe('categorySlug', () => {
  test('is the two-digit position in the taxonomy', () => {
    assert.equal(categorySlug('综合政务', DEFAULT_TAXONOMY), '01');
    assert.equal(categorySlug('国防', DEFAULT_TAXONOMY), '20');
  });
});
