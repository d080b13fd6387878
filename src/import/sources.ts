/**
 * The pages an import reads: every page file in a saved copy of the old site (a wget --mirror
 * or HTTrack folder), one page, or the pages a list file names. Also the mirror's root, the only
 * folder attachments may be copied from: the folder itself, the page's folder, or the list
 * file's folder. Symbolic links are not followed, hidden folders and HTTrack's cache are skipped.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface PageSource {
  /** Absolute path. */
  file: string;
  /** As the report shows it: relative to the root, `/`-separated. */
  shown: string;
}

export interface Sources {
  root: string;
  pages: PageSource[];
  /** Entries of a list file that cannot be imported, and why. */
  refused: { shown: string; reason: string }[];
}

/** Bad arguments: the message says what to give instead. */
export class SourceError extends Error {}

/** Saved pages as servers name them, wget's `page.jsp?id=3` (`page.jsp@id=3` on Windows) included. */
const PAGE_FILE = /\.(s?html?|xhtml|jsp|aspx?|php|cgi)([?@][^/]*)?$/i;
/** HTTrack's own files and cache. */
const SKIPPED_FOLDER = /^(hts-cache|hts-log\.txt|\.)/;

export async function listSources(source: string): Promise<Sources> {
  const path = resolve(source);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    throw new SourceError(`找不到 ${source}：请给出保存的网站文件夹、一个网页文件，或列出网页路径的文本文件`);
  }
  if (stat.isSymbolicLink()) throw new SourceError(`${source} 是符号链接：请直接给出它指向的文件夹或文件`);
  if (stat.isDirectory()) return { root: path, pages: await pagesIn(path), refused: [] };
  if (!stat.isFile()) throw new SourceError(`${source} 不是文件夹，也不是普通文件`);
  if (PAGE_FILE.test(path) || looksLikeHtml(path)) {
    return { root: dirname(path), pages: [{ file: path, shown: relative(dirname(path), path) }], refused: [] };
  }
  return listFile(path);
}

async function pagesIn(root: string): Promise<PageSource[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const pages: PageSource[] = [];
  for (const entry of entries) {
    const file = join(entry.parentPath, entry.name);
    const shown = relative(root, file).split(sep).join('/');
    if (shown.split('/').some((segment) => SKIPPED_FOLDER.test(segment))) continue;
    if (entry.isFile() && PAGE_FILE.test(entry.name)) pages.push({ file, shown });
  }
  return pages.sort((a, b) => a.shown.localeCompare(b.shown, 'en', { numeric: true }));
}

function looksLikeHtml(path: string): boolean {
  const head = readFileSync(path).subarray(0, 2048).toString('latin1');
  return /<(!doctype\s+html|html|head|body|meta)\b/i.test(head);
}

/** One path a line, relative to the list file's folder; `#` starts a comment line. */
function listFile(path: string): Sources {
  const root = dirname(path);
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  const pages: PageSource[] = [];
  const refused: Sources['refused'] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.replace(/^\uFEFF/, '').trim())) {
    if (!line || line.startsWith('#')) continue;
    const file = resolve(root, line);
    const shown = relative(root, file).split(sep).join('/');
    const reason = refusal(root, file);
    if (reason) refused.push({ shown: line, reason });
    else pages.push({ file, shown });
  }
  if (!pages.length && !refused.length) throw new SourceError(`${path} 中没有列出任何网页（每行写一个网页文件的路径）`);
  return { root, pages, refused };
}

function refusal(root: string, file: string): string | undefined {
  const inside = relative(root, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return '不在列表文件所在的文件夹中，没有导入';
  try {
    if (lstatSync(file).isSymbolicLink()) return '是符号链接，没有导入';
    if (!statSync(file).isFile()) return '不是文件';
  } catch {
    return '找不到这个文件';
  }
  return undefined;
}
