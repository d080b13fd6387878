/**
 * Reading a content folder from disk: the file-system edge of content-check.ts.
 */
import { readdir } from 'node:fs/promises';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkContent, GUIDE_FILE, SITE_FILE, type ContentFolder, type ContentReport } from './content-check.ts';

const NOTICE_FILE = /\.mdx?$/i;
/** Editor and OS litter that is never content. */
const IGNORED = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|~\$[^/]*|\.[^/]*\.swp)$/i;

/**
 * The folder's files, read one after another: reading is the first thing a check or build does,
 * with nothing to overlap, and for 10,000 notices promise-based reads took about 1 s, these a
 * fraction of that (one open file at a time, too: 50,000 at once ran out of file handles).
 */
export async function readContentFolder(dir: string): Promise<ContentFolder> {
  const noticeFiles = await listFiles(join(dir, 'notices'), dir);
  const attachments = await listFiles(join(dir, 'attachments'), join(dir, 'attachments'));
  return {
    siteYaml: readOptional(join(dir, SITE_FILE)),
    guide: readOptional(join(dir, GUIDE_FILE)),
    notices: noticeFiles.filter((f) => NOTICE_FILE.test(f)).map((path) => ({ path, bytes: readFileSync(join(dir, path)) })),
    strayFiles: noticeFiles.filter((f) => !NOTICE_FILE.test(f)),
    attachments: new Map(attachments.map((f) => [f, statSync(join(dir, 'attachments', f)).size] as const)),
  };
}

export async function loadContent(dir: string): Promise<ContentReport> {
  return checkContent(await readContentFolder(dir));
}

/** Files below `dir`, as "/"-separated paths relative to `base`, sorted, litter skipped. */
async function listFiles(dir: string, base: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(base, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !IGNORED.test(f))
    .sort();
}

function readOptional(path: string): Uint8Array | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}
