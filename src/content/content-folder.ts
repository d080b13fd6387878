/**
 * Reading a content folder from disk: the file-system edge of content-check.ts.
 */
import { readdir } from 'node:fs/promises';
import { lstatSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkContent, GUIDE_FILE, ORGAN_FILE, RULES_FILE, SITE_FILE, type ContentFolder, type ContentReport, type RefusedEntry } from './content-check.ts';

const NOTICE_FILE = /\.mdx?$/i;
/** Editor, OS and git litter that is never content, skipped without a word. */
const IGNORED = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|~\$[^/]*|\.[^/]*\.swp|\.gitkeep|\.gitignore|\.keep)$/i;

/**
 * The folder's files, read one after another: reading is the first thing a check or build does,
 * with nothing to overlap, and for 10,000 notices promise-based reads took about 1 s, these a
 * fraction of that (one open file at a time, too: 50,000 at once ran out of file handles).
 */
export async function readContentFolder(dir: string): Promise<ContentFolder> {
  const refused: RefusedEntry[] = [];
  const noticeFiles = await listFiles(dir, 'notices', dir, refused);
  const attachments = await listFiles(dir, 'attachments', join(dir, 'attachments'), refused);
  return {
    siteYaml: readOptional(dir, SITE_FILE, refused),
    guide: readOptional(dir, GUIDE_FILE, refused),
    rules: readOptional(dir, RULES_FILE, refused),
    organ: readOptional(dir, ORGAN_FILE, refused),
    notices: noticeFiles.filter((f) => NOTICE_FILE.test(f)).map((path) => ({ path, bytes: readFileSync(join(dir, path)) })),
    strayFiles: noticeFiles.filter((f) => !NOTICE_FILE.test(f)),
    attachments: new Map(attachments.map((f) => [f, statSync(join(dir, 'attachments', f)).size] as const)),
    refused,
  };
}

export async function loadContent(dir: string): Promise<ContentReport> {
  return checkContent(await readContentFolder(dir));
}

/**
 * Regular files in the content folder's `folder`, as "/"-separated paths relative to `base`,
 * sorted, litter skipped. Nothing is read through a symbolic link: a link could lead out of the
 * content folder (to /etc, to the office's documents), so links and other special files are
 * refused, and hidden files and folders (`.git`, `.env`) are left out; each goes into `refused`
 * (paths relative to the content folder).
 */
async function listFiles(contentDir: string, folder: string, base: string, refused: RefusedEntry[]): Promise<string[]> {
  const dir = join(contentDir, folder);
  const top = lstatSafe(dir);
  if (!top) return [];
  if (!top.isDirectory()) {
    refused.push({ path: folder, reason: top.isSymbolicLink() ? 'symlink' : 'special' });
    return [];
  }
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const prefix = base === contentDir ? '' : `${folder}/`;
  const pathOf = (e: Dirent) => relative(base, join(e.parentPath, e.name)).split(sep).join('/');
  const files: string[] = [];
  const hidden = new Set<string>();
  for (const entry of entries) {
    const path = pathOf(entry);
    if (IGNORED.test(path)) continue;
    const dot = path.split('/').findIndex((segment) => segment.startsWith('.'));
    if (dot >= 0) {
      // One report per hidden file or folder, not one per file inside .git.
      hidden.add(path.split('/').slice(0, dot + 1).join('/'));
      continue;
    }
    if (entry.isSymbolicLink()) refused.push({ path: prefix + path, reason: 'symlink' });
    else if (entry.isFile()) files.push(path);
    else if (!entry.isDirectory()) refused.push({ path: prefix + path, reason: 'special' });
  }
  for (const path of hidden) refused.push({ path: prefix + path, reason: 'hidden' });
  return files.sort();
}

/** site.yaml, guide.md, zhidu.md or jigou.yaml, unless absent, or a link or special file (refused, as above). */
function readOptional(dir: string, name: string, refused: RefusedEntry[]): Uint8Array | undefined {
  const path = join(dir, name);
  const stat = lstatSafe(path);
  if (!stat) return undefined;
  if (!stat.isFile()) {
    refused.push({ path: name, reason: stat.isSymbolicLink() ? 'symlink' : 'special' });
    return undefined;
  }
  return readFileSync(path);
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
