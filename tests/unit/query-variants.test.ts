import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mayBeTraditional, simplifiedQuery } from '../../src/domain/search/query-variants.ts';
import { toSimplified } from '../../src/domain/search/chinese-variants.ts';
import {
  TRADITIONAL_CHARACTERS,
  TRADITIONAL_PHRASES,
} from '../../src/domain/search/traditional-characters.generated.ts';
import { traditionalCharactersModule, traditionalForms } from '../../tools/lib/traditional-characters.ts';
import { decodeCodePointSet, encodeCodePointSet } from '../../src/domain/text/code-point-set.ts';

describe('queries in 简体 without loading the converter', () => {
  test('the list of 繁體 characters is up to date with the converter (else run npm run generate)', () => {
    const committed = readFileSync(
      new URL('../../src/domain/search/traditional-characters.generated.ts', import.meta.url),
      'utf8',
    );
    assert.equal(committed, traditionalCharactersModule());
  });

  test('simplified queries need no conversion', () => {
    for (const query of [
      '政务公开',
      '安全生产 检查',
      '宅基地审批',
      '示镇府〔2024〕12号',
      '114400001234567890/2023-00002',
      '春耕 通知',
    ]) {
      assert.equal(mayBeTraditional(query), false, query);
    }
  });

  test('queries with 繁體 are converted', async () => {
    assert.equal(mayBeTraditional('政務公開'), true);
    assert.equal(await simplifiedQuery('政務公開'), '政务公开');
    assert.equal(await simplifiedQuery('宅基地審批'), '宅基地审批');
    assert.equal(
      await simplifiedQuery('一目瞭然'),
      toSimplified('一目瞭然'),
      'a phrase whose characters alone do not change',
    );
  });

  test('each listed phrase needs the converter', () => {
    assert.ok(TRADITIONAL_PHRASES.length > 0);
    for (const phrase of TRADITIONAL_PHRASES) assert.equal(mayBeTraditional(`关于${phrase}的通知`), true, phrase);
  });

  test('text without any listed character converts to itself', () => {
    // Every CJK character outside the list, in runs of a few, as queries would put them.
    const listed = decodeCodePointSet(TRADITIONAL_CHARACTERS);
    const others: string[] = [];
    for (let code = 0x4e00; code <= 0x9fff; code++) if (!listed.has(code)) others.push(String.fromCodePoint(code));
    for (let i = 0; i < others.length; i += 4) {
      const text = others.slice(i, i + 4).join('');
      assert.equal(toSimplified(text), text, text);
    }
  });

  test('the compact list holds exactly the characters the converter changes', () => {
    const { characters } = traditionalForms();
    assert.deepEqual(
      decodeCodePointSet(TRADITIONAL_CHARACTERS),
      new Set(Array.from(characters, (char) => char.codePointAt(0))),
    );
  });
});

describe('a set of characters as gaps between code points', () => {
  test('written as base-36 gaps, in order, each character once', () => {
    assert.equal(encodeCodePointSet('丄一丁一'), 'feo,1,3'); // 一 is U+4E00, 19968, feo in base 36
    assert.deepEqual([...decodeCodePointSet('feo,1,3')], [0x4e00, 0x4e01, 0x4e04]);
  });

  test('characters beyond the basic plane and the empty set come back as they went', () => {
    for (const text of ['𠀀𪚥丁', '']) {
      assert.deepEqual(
        [...decodeCodePointSet(encodeCodePointSet(text))],
        [...text].map((c) => c.codePointAt(0)).sort((a, b) => a! - b!),
      );
    }
  });
});
