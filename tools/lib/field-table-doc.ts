/**
 * The field table in docs/publishing.md is made from the code's field table (fields.ts), between
 * two marker lines, so the clerk's guide never describes a field the checker reads differently.
 */
import { fieldTableMarkdown } from '../../src/domain/notice/fields.ts';

export const FIELD_TABLE_START = '<!-- 字段表开始 -->';
export const FIELD_TABLE_END = '<!-- 字段表结束 -->';

/** The table between the markers of `doc`, or undefined when the markers are missing. */
export function fieldTableIn(doc: string): string | undefined {
  const start = doc.indexOf(FIELD_TABLE_START);
  const end = doc.indexOf(FIELD_TABLE_END);
  return start < 0 || end < start ? undefined : doc.slice(start + FIELD_TABLE_START.length, end).trim();
}

/** `doc` with the code's field table between its markers. */
export function withFieldTable(doc: string): string {
  const start = doc.indexOf(FIELD_TABLE_START);
  const end = doc.indexOf(FIELD_TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`docs/publishing.md 中缺少 ${FIELD_TABLE_START} 和 ${FIELD_TABLE_END} 两行，无法写入字段表`);
  return `${doc.slice(0, start + FIELD_TABLE_START.length)}\n${fieldTableMarkdown()}\n${doc.slice(end)}`;
}
