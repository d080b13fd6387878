import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  searchShards,
  shardDir,
  configuredShardSize,
  DEFAULT_SHARD_SIZE,
} from '../../src/domain/search/search-shards.ts';

/** `n` notices published in `year`, one a day from 1 January, named by their date. */
const year = (y: number, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, 0, 1 + i)).toISOString().slice(0, 10));
const dateOf = (item: string) => item;
const sizes = <T>(shards: { items: T[] }[]) => shards.map((s) => s.items.length);

describe('search shards', () => {
  test('a site that fits in one shard has Pagefind’s usual single index', () => {
    const shards = searchShards([...year(2024, 3), ...year(2025, 2)], dateOf, 10);
    assert.equal(shards.length, 1);
    assert.equal(shards[0]!.dir, 'pagefind/');
    assert.deepEqual(shards[0]!.years, ['2025', '2024']);
  });

  test('shards hold consecutive whole years, packed from the oldest, listed newest first', () => {
    const items = [...year(2021, 4), ...year(2022, 4), ...year(2023, 4), ...year(2024, 4), ...year(2025, 2)];
    const shards = searchShards(items, dateOf, 8);
    assert.deepEqual(
      shards.map((s) => s.years),
      [['2025'], ['2024', '2023'], ['2022', '2021']],
    );
    assert.deepEqual(
      shards.map((s) => s.dir),
      ['pagefind/', 'pagefind/1/', 'pagefind/2/'],
    );
    assert.deepEqual(shards.flatMap((s) => s.items).sort(), [...items].sort(), 'every notice is in exactly one shard');
  });

  test('the order the notices come in does not matter', () => {
    const items = [...year(2021, 4), ...year(2022, 4), ...year(2023, 4)];
    assert.deepEqual(searchShards([...items].reverse(), dateOf, 5), searchShards(items, dateOf, 5));
  });

  test('a new notice changes only the newest shard', () => {
    const items = [...year(2021, 4), ...year(2022, 4), ...year(2023, 4), ...year(2024, 3)];
    const before = searchShards(items, dateOf, 8);
    const after = searchShards([...items, '2024-12-31'], dateOf, 8);
    assert.deepEqual(after.slice(1), before.slice(1));
    assert.deepEqual(after[0]!.items, [...before[0]!.items, '2024-12-31']);
  });

  test('a year bigger than a shard is cut in date order, and no shard is bigger than the size', () => {
    const shards = searchShards([...year(2023, 2), ...year(2024, 12), ...year(2025, 3)], dateOf, 5);
    assert.deepEqual(sizes(shards), [5, 5, 5, 2]);
    assert.deepEqual(
      shards.map((s) => s.years),
      [['2025', '2024'], ['2024'], ['2024'], ['2023']],
    );
    // The remainder of 2024 (its last two days) shares a shard with 2025.
    assert.deepEqual(shards[0]!.items, ['2024-01-11', '2024-01-12', ...year(2025, 3)]);
    // Newest first: every notice of shard k is newer than every notice of shard k + 1.
    for (let k = 0; k + 1 < shards.length; k++) assert.ok(shards[k]!.items[0]! > shards[k + 1]!.items.at(-1)!);
  });

  test('a year does not join a shard it would overfill', () => {
    const shards = searchShards([...year(2025, 3), ...year(2024, 3)], dateOf, 5);
    assert.deepEqual(
      shards.map((s) => s.years),
      [['2025'], ['2024']],
    );
  });

  test('an empty site still has one (empty) index', () => {
    assert.deepEqual(searchShards([], dateOf, 5), [{ dir: 'pagefind/', years: [], items: [] }]);
  });

  test('shard folders', () => {
    assert.equal(shardDir(0), 'pagefind/');
    assert.equal(shardDir(3), 'pagefind/3/');
  });

  test('the shard size comes from GONGKAI_SEARCH_SHARD_SIZE, else the default', () => {
    assert.equal(configuredShardSize({}), DEFAULT_SHARD_SIZE);
    assert.equal(configuredShardSize({ GONGKAI_SEARCH_SHARD_SIZE: '24' }), 24);
    assert.throws(() =>
      searchShards(['2024-01-01'], dateOf, configuredShardSize({ GONGKAI_SEARCH_SHARD_SIZE: 'many' })),
    );
  });
});
