/**
 * Every 索引号 written in a content folder's notice files, as typed — including files that
 * `check` rejects for other reasons (GBK encoding, a YAML slip, an unknown 分类, an empty body).
 * A file with a problem is still an issued notice that will be corrected and published, so
 * `npm run new` must not hand its number out again.
 */
import type { ContentFolder } from '../../content/content-check.ts';
import { decodeSource } from '../../content/source-text.ts';
import { detectEncoding } from '../../content/text-encoding.ts';
import { splitNotice } from '../../content/notice-source.ts';

/** A `索引号:` line, for frontmatter the YAML reader gives up on (half-width or full-width colon). */
const INDEX_LINE = /^[ \t]*索引号[ \t]*[:：][ \t]*(.*)$/gm;
const lenientUtf8 = new TextDecoder('utf-8');

export function usedIndexNumbers(folder: Pick<ContentFolder, 'notices'>): string[] {
  const found: string[] = [];
  for (const { path, bytes } of folder.notices) {
    const text = noticeText(bytes);
    const { source } = splitNotice(path, text);
    const value = source?.data['索引号'];
    if (typeof value === 'string') {
      if (value.trim()) found.push(value.trim());
      continue;
    }
    if (source && value === undefined) continue;
    // The frontmatter could not be read (or 索引号 is not text): look for the line itself.
    for (const match of frontmatterOf(text).matchAll(INDEX_LINE)) {
      const raw = unquote(match[1]!);
      if (raw) found.push(raw);
    }
  }
  return found;
}

/**
 * The part of the file where fields are written: between the `---` lines, or everything when
 * they are missing — a body quoting another notice's 索引号 must not use up serials.
 */
function frontmatterOf(text: string): string {
  const fence = /^---[ \t]*$/gm;
  const first = fence.exec(text);
  if (!first || first.index !== 0) return text;
  const second = fence.exec(text);
  return second ? text.slice(0, second.index) : text;
}

/** Decoded text; a GBK file is read as GBK, anything else as well as it can be. */
function noticeText(bytes: Uint8Array): string {
  const decoded = decodeSource(bytes);
  if (decoded.ok) return decoded.text;
  // Any encoding `check --fix` could convert: its 索引号 is taken even before the file is fixed.
  const detected = detectEncoding(bytes);
  return (detected.ok ? detected.text : lenientUtf8.decode(bytes)).replace(/\r\n?/g, '\n');
}

/** `"X/2024-00001"  # note` → `X/2024-00001`. */
function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*?)\1/.exec(trimmed);
  if (quoted) return quoted[2]!.trim();
  return trimmed.replace(/\s+#.*$/, '').trim();
}
