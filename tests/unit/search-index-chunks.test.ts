import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planChunks, type IndexWord } from '../../src/build/search/search-index-chunks.ts';
import {
  arrayItems,
  encodeArray,
  encodeHead,
  encodeText,
  itemEnd,
  readHead,
  readText,
  UNSIGNED,
} from '../../src/build/cbor.ts';

/** Sorted words, each with an entry of `bytes` bytes (the plan looks only at sizes). */
const words = (spec: [string, number][]): IndexWord[] =>
  spec.map(([word, bytes]) => ({ word, entry: new Uint8Array(bytes) }));
const cut = (chunks: { words: IndexWord[] }[]) => chunks.map((chunk) => chunk.words.map((w) => w.word));

describe('cutting the word index into chunks', () => {
  test('every word lands in exactly one chunk, in order', () => {
    const all = words([
      ['一', 5],
      ['三', 5],
      ['上', 5],
      ['下', 5],
      ['不', 5],
      ['与', 5],
    ]);
    const chunks = planChunks(all, 10);
    assert.deepEqual(
      cut(chunks).flat(),
      all.map((w) => w.word),
    );
    assert.deepEqual(cut(chunks), [
      ['一', '三'],
      ['上', '下'],
      ['不', '与'],
    ]);
  });

  test('an index smaller than a chunk is one chunk from its first word to its last', () => {
    const chunks = planChunks(
      words([
        ['公告', 3],
        ['通知', 3],
      ]),
      100,
    );
    assert.deepEqual(
      chunks.map(({ from, to }) => [from, to]),
      [['公告', '通知']],
    );
  });

  test('a full chunk waits for a word with another first character, so 检查 also finds 检查组 and 检查站', () => {
    const chunks = planChunks(
      words([
        ['检查', 6],
        ['检查组', 6],
        ['检查站', 6],
        ['汇报', 6],
      ]),
      10,
    );
    assert.deepEqual(cut(chunks), [['检查', '检查组', '检查站'], ['汇报']]);
  });

  test('past twice the size, a cut may fall between words that share only their first character', () => {
    const chunks = planChunks(
      words([
        ['安全', 11],
        ['安全生产', 11],
        ['安排', 11],
        ['安置', 11],
      ]),
      10,
    );
    assert.deepEqual(cut(chunks), [
      ['安全', '安全生产'],
      ['安排', '安置'],
    ]);
  });

  test('past four times the size, two shared characters; past eight times, three; and so on', () => {
    const chunks = planChunks(
      words([
        ['检查', 20],
        ['检查组', 20],
        ['检查站', 20],
        ['检查表', 20],
      ]),
      10,
    );
    assert.deepEqual(cut(chunks), [
      ['检查', '检查组'],
      ['检查站', '检查表'],
    ]);
    const bigger = planChunks(
      words([
        ['检查组长', 40],
        ['检查组员', 40],
        ['检查组织', 40],
      ]),
      10,
    );
    assert.deepEqual(cut(bigger), [['检查组长', '检查组员'], ['检查组织']]);
  });

  test('chunk ranges are Pagefind’s: each end one character past what the neighbours share', () => {
    // Pagefind's rule (chunk_meta): a query word outside every range, such as 安置 here, is
    // matched by Pagefind against the ranges' prefixes instead.
    const chunks = planChunks(
      words([
        ['安全', 11],
        ['安全生产', 11],
        ['安排', 11],
        ['安置', 11],
        ['检查', 11],
      ]),
      10,
    );
    assert.deepEqual(
      chunks.map(({ from, to }) => [from, to]),
      [
        ['安全', '安全'],
        ['安排', '安'],
        ['检', '检查'],
      ],
    );
  });
});

describe('the CBOR Pagefind writes', () => {
  test('an array of words and numbers comes apart into its items and their text', () => {
    const bytes = encodeArray([encodeText('检查'), encodeHead(UNSIGNED, 1025), encodeArray([encodeHead(UNSIGNED, 7)])]);
    const items = arrayItems(bytes, 0);
    assert.equal(items.length, 3);
    assert.equal(readText(bytes, items[0]![0]), '检查');
    assert.equal(readHead(bytes, items[1]![0]).value, 1025);
    assert.equal(itemEnd(bytes, 0), bytes.length);
  });

  test('lengths use the shortest head, as minicbor writes them', () => {
    assert.deepEqual([...encodeHead(UNSIGNED, 23)], [23]);
    assert.deepEqual([...encodeHead(UNSIGNED, 24)], [24, 24]);
    assert.deepEqual([...encodeHead(UNSIGNED, 300)], [25, 1, 44]);
    assert.deepEqual([...encodeHead(UNSIGNED, 70000)], [26, 0, 1, 17, 112]);
  });

  test('data cut short is an error, not a wrong answer', () => {
    const bytes = encodeArray([encodeText('检查'), encodeText('公告')]);
    assert.throws(() => itemEnd(bytes.subarray(0, bytes.length - 2), 0), /ends at byte/);
  });
});
