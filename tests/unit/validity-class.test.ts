import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validityClass } from '../../src/domain/catalogue/validity-class.ts';

describe('validityClass', () => {
  test('marks 废止 and 失效, and nothing else', () => {
    assert.equal(validityClass('废止'), 'repealed');
    assert.equal(validityClass('失效'), 'expired');
    assert.equal(validityClass('有效'), undefined);
    assert.equal(validityClass(undefined), undefined);
  });
});
