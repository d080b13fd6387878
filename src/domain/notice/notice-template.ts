/**
 * The text of a new notice file (`npm run new`): frontmatter listing every contract key, so the
 * editor sees what can be filled in, and a placeholder body to overwrite. Also the file name.
 */
import { parse } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import type { CalendarDate } from './calendar-date.ts';
import { alwaysQuoted, NOTICE_FIELDS, type NoticeTemplateFields } from './fields.ts';
import { genrePinyin } from './genre.ts';

export { genrePinyin } from './genre.ts';

export type { NoticeTemplateFields } from './fields.ts';

/** The words in the placeholder body that the editor must replace. */
export const BODY_PLACEHOLDER = '（在此填写正文。）';

/**
 * Non-empty on purpose: `check` rejects an empty body, and a new file should pass `check`
 * as soon as it is written, so what is left to do shows in the text itself.
 */
export const PLACEHOLDER_BODY = `${BODY_PLACEHOLDER}\n`;

/**
 * The whole file. Keys come from the field table, in its order, so a key added to the contract
 * appears in new files at once (blank: the checker reads a blank value as absent).
 */
export function noticeTemplate(fields: NoticeTemplateFields): string {
  const values: Partial<Record<string, string | readonly string[]>> = fields;
  const lines = NOTICE_FIELDS.map((field) => {
    const key = field.key;
    const value = values[field.name];
    if (Array.isArray(value)) {
      const items = value.map((v) => v.trim()).filter(Boolean);
      return items.length ? `${key}: ${yamlList(key, items)}` : `${key}: `;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) return `${key}: `;
    return `${key}: ${alwaysQuoted(field) ? JSON.stringify(text) : yamlText(key, text)}`;
  });
  return `---\n${lines.join('\n')}\n---\n\n${PLACEHOLDER_BODY}`;
}

/** True when `key: <written>` reads back as `{key: expected}` in YAML 1.2 and 1.1 (Astro's js-yaml sits between). */
export function readsBack(key: string, written: string, expected: unknown): boolean {
  return (['1.2', '1.1'] as const).every((version) => {
    try {
      const data: unknown = parse(`${key}: ${written}`, { version });
      return (
        typeof data === 'object' &&
        data !== null &&
        Object.keys(data).length === 1 &&
        isDeepStrictEqual((data as Record<string, unknown>)[key], expected)
      );
    } catch {
      return false;
    }
  });
}

/**
 * `value` as it should follow `key: `: plain when every YAML reader reads it back as this exact
 * text (our failsafe reader, YAML 1.2 and Astro's 1.1-style one), double-quoted otherwise —
 * a title `2024` would become a number, `是: 否` a map, `a #b` would lose `#b` as a comment.
 * A JSON string is a valid YAML double-quoted scalar.
 */
function yamlText(key: string, value: string): string {
  return readsBack(key, value, value) ? value : JSON.stringify(value);
}

/** A flow list, `[春耕, 农业生产]` as the example office writes it; JSON (also YAML) when an item needs quotes. */
function yamlList(key: string, items: readonly string[]): string {
  const plain = `[${items.join(', ')}]`;
  return readsBack(key, plain, items) ? plain : `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}

/**
 * The file name (without `.md`) of a new notice: `<YYYYMMDD>-<genre in pinyin>`, e.g.
 * `20261123-tongzhi`. Titles are Chinese; an ASCII name is safe on every OS, zip tool and
 * static host, and the date keeps a folder listing in order. The 体裁 comes from `genre`, or
 * from how the title ends (…的通知), else `xinxi`; `isTaken` adds -2, -3 … until the name is free.
 */
export function noticeSlug(
  title: string,
  date: CalendarDate,
  options: { genre?: string; isTaken?: (slug: string) => boolean } = {},
): string {
  const base = `${date.replace(/-/g, '')}-${genrePinyin(options.genre) ?? genrePinyin(title) ?? 'xinxi'}`;
  const isTaken = options.isTaken ?? (() => false);
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    if (!isTaken(`${base}-${n}`)) return `${base}-${n}`;
  }
}
