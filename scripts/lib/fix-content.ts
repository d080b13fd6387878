/**
 * `check --fix`: rewrites, in place, the mistakes that have exactly one right answer —
 * files saved as GBK become UTF-8, and 文号 brackets become 〔〕. Everything else is left for
 * the editor, with check's message saying how.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readContentFolder } from '../../src/lib/content-folder.ts';
import { decodeGbk, decodeSource } from '../../src/lib/source-text.ts';
import { splitNotice } from '../../src/lib/notice-source.ts';
import { checkDocNumber } from '../../src/lib/doc-number.ts';
import { GUIDE_FILE, SITE_FILE } from '../../src/lib/content-check.ts';

/** Applies the fixes and returns one line per change, in Chinese. */
export async function fixContentFolder(dir: string): Promise<string[]> {
  const folder = await readContentFolder(dir);
  const changes: string[] = [];
  const files = [SITE_FILE, GUIDE_FILE, ...folder.notices.map((n) => n.path)];
  for (const file of files) {
    const path = join(dir, file);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch {
      continue;
    }
    let decoded = decodeSource(bytes);
    if (!decoded.ok) {
      const text = decodeGbk(bytes);
      if (text === undefined) continue;
      await writeFile(path, text, 'utf8');
      changes.push(`已修正 ${file}：由 GBK 编码转为 UTF-8`);
      decoded = decodeSource(await readFile(path));
      if (!decoded.ok) continue;
    }
    if (!file.startsWith('notices/')) continue;
    const fixed = fixDocNumber(file, decoded.text);
    if (fixed) {
      const body = decoded.newline === '\r\n' ? fixed.text.replace(/\n/g, '\r\n') : fixed.text;
      await writeFile(path, (decoded.hadBom ? '\uFEFF' : '') + body, 'utf8');
      changes.push(`已修正 ${file}:${fixed.line} 文号：${fixed.from} → ${fixed.to}`);
    }
  }
  return changes;
}

function fixDocNumber(file: string, text: string): { text: string; line: number; from: string; to: string } | undefined {
  const { source } = splitNotice(file, text);
  const value = source?.data['文号'];
  const line = source?.lineOf('文号');
  if (typeof value !== 'string' || !line) return undefined;
  const checked = checkDocNumber(value);
  if (checked.ok || !checked.fixed) return undefined;
  const lines = text.split('\n');
  const before = lines[line - 1]!;
  const after = before.replace(value.trim(), checked.fixed);
  if (after === before) return undefined;
  lines[line - 1] = after;
  return { text: lines.join('\n'), line, from: value.trim(), to: checked.fixed };
}
