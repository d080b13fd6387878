/**
 * Reading a content folder from disk: the file-system edge of content-check.ts.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FILES_AT_ONCE, mapLimited } from './map-limited.ts';
import { checkContent, GUIDE_FILE, SITE_FILE, type ContentFolder, type ContentReport } from './content-check.ts';

const NOTICE_FILE = /\.mdx?$/i;
/** Editor and OS litter that is never content. */
const IGNORED = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|~\$[^/]*|\.[^/]*\.swp)$/i;

export async function readContentFolder(dir: string): Promise<ContentFolder> {
  const noticeFiles = await listFiles(join(dir, 'notices'), dir);
  const attachments = await listFiles(join(dir, 'attachments'), join(dir, 'attachments'));
  return {
    siteYaml: await readOptional(join(dir, SITE_FILE)),
    guide: await readOptional(join(dir, GUIDE_FILE)),
    notices: await mapLimited(noticeFiles.filter((f) => NOTICE_FILE.test(f)), FILES_AT_ONCE, async (path) => ({ path, bytes: await readFile(join(dir, path)) })),
    strayFiles: noticeFiles.filter((f) => !NOTICE_FILE.test(f)),
    attachments: new Map(
      await mapLimited(attachments, FILES_AT_ONCE, async (f) => [f, (await stat(join(dir, 'attachments', f))).size] as const),
    ),
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

async function readOptional(path: string): Promise<Uint8Array | undefined> {
  return existsSync(path) ? readFile(path) : undefined;
}
