import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitCjkStrong } from '../../src/domain/body/cjk-emphasis.ts';

describe('splitCjkStrong', () => {
  test('makes **慰问对象。** bold when a character follows the closing asterisks', () => {
    assert.deepEqual(splitCjkStrong('一、**慰问对象。**本镇'), [
      { strong: false, value: '一、' },
      { strong: true, value: '慰问对象。' },
      { strong: false, value: '本镇' },
    ]);
  });
  test('handles several pairs in one run', () => {
    assert.deepEqual(
      splitCjkStrong('**（一）**甲**乙。**丙')
        .filter((r) => r.strong)
        .map((r) => r.value),
      ['（一）', '乙。'],
    );
  });
  test('leaves Latin text and lone asterisks alone', () => {
    assert.deepEqual(splitCjkStrong('a **b** c'), [{ strong: false, value: 'a **b** c' }]);
    assert.deepEqual(splitCjkStrong('5 ** 2 = 25'), [{ strong: false, value: '5 ** 2 = 25' }]);
    assert.deepEqual(splitCjkStrong('星号**不成对'), [{ strong: false, value: '星号**不成对' }]);
  });
});
