import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chinaTimeParts } from '../../src/domain/text/china-time.ts';

test('China time is UTC+8 whatever the machine runs in, every part zero-padded', () => {
  assert.deepEqual(chinaTimeParts(new Date('2026-12-31T16:05:09Z')), {
    year: '2027',
    month: '01',
    day: '01',
    hour: '00',
    minute: '05',
    second: '09',
  });
});

test('midnight in China is hour 00, not 24', () => {
  assert.equal(chinaTimeParts(new Date('2026-03-01T16:00:00Z')).hour, '00');
});
