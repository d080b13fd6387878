/**
 * The build script's side of page reuse (src/site/render/page-reuse.ts): which pages of the previous
 * build in OUT may be reused, copying them into the new build, and remembering this build's
 * pages for the next one. A record (in the build cache, per OUT folder) names the code,
 * site.yaml and base path the pages were made with, the bundled assets they link to, and the
 * key and SHA-256 of each page as the build wrote it. Any difference in the first three means
 * every page is rendered again; a page missing from OUT, or whose file no longer has that hash
 * (edited by hand, damaged, replaced), is rendered again: nothing in OUT is trusted for being
 * there. Should the new build's assets differ from those the
 * old pages link to (the same code gives the same names, so this is not expected), the build
 * stops without touching OUT and forgets the record, rather than publish a page that links
 * to a stylesheet or script that is gone.
 */
import { createHash, hash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SiteConfig } from '../domain/site/site-config.ts';
import type { PageReuse } from '../site/render/page-reuse.ts';
import { cacheDir, writeFileWhole } from './cache-dir.ts';
import { linkOrCopySync } from './hard-links.ts';
import { codeVersion } from './code-version.ts';

interface PageRecord {
  scope: string;
  /** Files in OUT/_assets/ that the pages link to. */
  assets: string[];
  /** Root-relative page path → key of its inputs and SHA-256 of the file the build wrote. */
  pages: Record<string, PageWritten>;
}

interface PageWritten {
  key: string;
  sha256: string;
}

export interface PageReuseStore {
  reuse: PageReuse;
  /** Copies the reused pages from OUT into `staging`; false when they cannot be used (see above). */
  copyReused(staging: string): Promise<boolean>;
  /** Records the pages of the build now in OUT. */
  save(): Promise<void>;
  /** Drops the record: the next build renders every page. */
  forget(): Promise<void>;
}

/** The build's `_assets` folder (astro.config.mjs `build.assets`). */
const ASSETS = '_assets';

export async function openPageReuse(out: string, base: string, site: SiteConfig): Promise<PageReuseStore> {
  const file = join(cacheDir('pages'), `${createHash('sha256').update(resolve(out)).digest('hex')}.json`);
  const scope = createHash('sha256')
    .update(await codeVersion())
    .update('\0')
    .update(base)
    .update('\0')
    .update(JSON.stringify(site))
    .digest('hex');
  const record = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as PageRecord,
    () => undefined,
  );
  const previous = new Map<string, string>();
  /** Page → the hash its file in OUT was checked to have. */
  const checked = new Map<string, string>();
  if (record?.scope === scope) {
    for (const [path, page] of Object.entries(record.pages)) {
      if (!isPageWritten(page) || pageHash(pageFile(out, path)) !== page.sha256) continue;
      previous.set(path, page.key);
      checked.set(path, page.sha256);
    }
  }
  const reuse: PageReuse = { previous, keys: new Map(), reused: new Set() };
  const written = new Map<string, string>();
  return {
    reuse,
    async copyReused(staging) {
      if (reuse.reused.size > 0) {
        const assets = new Set(await assetsOf(staging));
        if (!record || !record.assets.every((asset) => assets.has(asset))) return false;
      }
      // Synchronous, like the links (hard-links.ts).
      for (const path of reuse.reused) {
        const target = pageFile(staging, path);
        mkdirSync(dirname(target), { recursive: true });
        linkOrCopySync(pageFile(out, path), target);
        // The hash checked before rendering: a file changed since then (while this build ran)
        // no longer matches it, so the next build renders it again.
        written.set(path, checked.get(path)!);
      }
      for (const path of reuse.keys.keys()) {
        const sha256 = reuse.reused.has(path) ? undefined : pageHash(pageFile(staging, path));
        if (sha256) written.set(path, sha256);
      }
      return true;
    },
    async save() {
      const pages = [...reuse.keys]
        .filter(([path]) => written.has(path))
        .map(([path, key]): [string, PageWritten] => [path, { key, sha256: written.get(path)! }]);
      const next: PageRecord = { scope, assets: await assetsOf(out), pages: Object.fromEntries(pages) };
      await writeFileWhole(file, JSON.stringify(next));
    },
    forget: () => rm(file, { force: true }),
  };
}

/** SHA-256 of a page file; undefined when it is not there. Synchronous, as the links are. */
function pageHash(path: string): string | undefined {
  try {
    return hash('sha256', readFileSync(path), 'base64url');
  } catch {
    return undefined;
  }
}

/** Records written before pages had hashes hold bare keys: those pages are rendered again. */
function isPageWritten(page: unknown): page is PageWritten {
  return (
    typeof page === 'object' &&
    page !== null &&
    typeof (page as PageWritten).key === 'string' &&
    typeof (page as PageWritten).sha256 === 'string'
  );
}

/** Where a page's HTML is (build.format 'directory'). */
function pageFile(root: string, path: string): string {
  return join(root, path, 'index.html');
}

async function assetsOf(root: string): Promise<string[]> {
  return existsSync(join(root, ASSETS)) ? (await readdir(join(root, ASSETS))).sort() : [];
}
