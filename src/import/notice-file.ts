/**
 * The text of an imported notice file: every key of the field table in its order, as
 * `npm run new` writes them (blank when the page had no value), then the body. Values are
 * untrusted page text: each is written plain only when every YAML reader reads it back as the
 * same text, double-quoted otherwise.
 */
import { alwaysQuoted, NOTICE_FIELDS, type Attachment, type NoticeKey } from '../domain/notice/fields.ts';
import { readsBack } from '../domain/notice/notice-template.ts';

export type ImportedValue = string | readonly string[] | readonly Attachment[];
export type ImportedFields = Partial<Record<NoticeKey, ImportedValue>>;

export function noticeFileText(fields: ImportedFields, body: string): string {
  const lines = NOTICE_FIELDS.flatMap((field) => {
    const key = field.key;
    const value = fields[key];
    if (value === undefined || value.length === 0) return [`${key}: `];
    if (typeof value === 'string')
      return [`${key}: ${alwaysQuoted(field) ? JSON.stringify(value) : scalar(key, value)}`];
    if (field.kind === 'attachments') {
      return [
        `${key}:`,
        ...(value as readonly Attachment[]).flatMap((a) => [
          `  - 名称: ${scalar('名称', a.name)}`,
          `    文件: ${scalar('文件', a.file)}`,
        ]),
      ];
    }
    const items = value as readonly string[];
    const flow = `[${items.join(', ')}]`;
    return [`${key}: ${readsBack(key, flow, items) ? flow : `[${items.map((i) => JSON.stringify(i)).join(', ')}]`}`];
  });
  return `---\n${lines.join('\n')}\n---\n\n${body.trimEnd()}\n`;
}

function scalar(key: string, value: string): string {
  return readsBack(key, value, value) ? value : JSON.stringify(value);
}
