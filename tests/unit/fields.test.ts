/**
 * The field table (src/domain/notice/fields.ts) is the one description of a notice field: the
 * schema, `npm run new`, the open data, the notice page and the clerk's guide all follow it.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fieldTableMarkdown, NOTICE_FIELDS, NOTICE_KEYS } from '../../src/domain/notice/fields.ts';
import { EXPORT_COLUMNS } from '../../src/domain/catalogue/catalogue-export.ts';
import { FIELD_FLAGS } from '../../src/cli/new-options.ts';
import { fieldTableIn } from '../../tools/lib/field-table-doc.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the field table', () => {
  test('names each key and each property once', () => {
    assert.equal(new Set(NOTICE_KEYS).size, NOTICE_FIELDS.length);
    assert.equal(new Set(NOTICE_FIELDS.map((f) => f.name)).size, NOTICE_FIELDS.length);
    for (const field of NOTICE_FIELDS) assert.ok(field.help.trim(), `${field.key} has no help text`);
  });

  test('is the table docs/publishing.md shows editors (npm run generate rewrites it)', () => {
    const documented = fieldTableIn(read('docs/publishing.md'));
    assert.ok(documented, 'docs/publishing.md has the field table markers');
    assert.equal(
      documented,
      fieldTableMarkdown(),
      'the field table in docs/publishing.md is out of date: run npm run generate',
    );
  });

  test('gives the open data its columns, in the table’s order', () => {
    const exported = NOTICE_FIELDS.filter((f) => 'exported' in f).map((f) => f.key);
    assert.deepEqual(
      EXPORT_COLUMNS.filter((c) => c !== '内容概述' && c !== '页面网址'),
      exported,
    );
    assert.ok(
      !(EXPORT_COLUMNS as readonly string[]).includes('允许公开'),
      'the reasons for publishing a personal number are not open data',
    );
  });

  test('gives npm run new a Chinese flag (the key) for each field it sets', () => {
    const flagged = NOTICE_FIELDS.filter((f) => 'new' in f && typeof f.new === 'object');
    for (const field of flagged)
      assert.ok(
        FIELD_FLAGS.some((flag) => flag.zh === field.key && flag.field === field.name),
        field.key,
      );
    assert.equal(FIELD_FLAGS.length, flagged.length + 1, 'the fields, and the 机构代码');
  });

  test('says which fields the notice page’s metadata table shows, and the table shows just those', () => {
    const component = read('src/site/components/NoticeMetaTable.astro');
    const shownInPage = new Set([...component.matchAll(/\bn\.(\w+)/g)].map((m) => m[1]));
    assert.deepEqual(
      [...shownInPage].sort(),
      NOTICE_FIELDS.filter((f) => 'shown' in f)
        .map((f) => f.name)
        .sort(),
    );
  });
});
