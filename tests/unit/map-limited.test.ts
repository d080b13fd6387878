import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapLimited } from '../../src/build/map-limited.ts';

describe('mapLimited', () => {
  test('gives the results in the order of the items, however the calls finish', async () => {
    const delays = [30, 0, 20, 5, 10];
    const results = await mapLimited(delays, 2, async (ms, i) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return `${i}:${ms}`;
    });
    assert.deepEqual(results, ['0:30', '1:0', '2:20', '3:5', '4:10']);
  });

  test('never has more than `limit` calls in flight, and uses all of them', async () => {
    let inFlight = 0;
    let most = 0;
    await mapLimited(
      Array.from({ length: 50 }, (_, i) => i),
      4,
      async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
      },
    );
    assert.equal(most, 4);
  });

  test('an empty list calls nothing; a failing call rejects the whole', async () => {
    assert.deepEqual(await mapLimited([], 8, async () => assert.fail('called')), []);
    await assert.rejects(
      mapLimited([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
      /two/,
    );
  });
});
