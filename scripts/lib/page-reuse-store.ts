/**
 * The build script's side of page reuse (src/site/page-reuse.ts): which pages of the previous
 * build in OUT may be reused, copying them into the new build, and remembering this build's
 * pages for the next one. A record (in the build cache, per OUT folder) names the code,
 * site.yaml and base path the pages were made with, the bundled assets they link to, and the
 * key of each page. Any difference in the first three, or a page missing from OUT, means that
 * page (or every page) is rendered again. Should the new build's assets differ from those the
 * old pages link to (the same code gives the same names, so this is not expected), the build
 * stops without touching OUT and forgets the record, rather than publish a page that links
 * to a stylesheet or script that is gone.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SiteConfig } from '../../src/lib/site-config.ts';
import type { PageReuse } from '../../src/site/page-reuse.ts';
import { cacheDir, writeFileWhole } from './cache-dir.ts';
import { linkOrCopySync } from './hard-links.ts';
import { codeVersion } from './code-version.ts';

interface PageRecord {
  scope: string;
  /** Files in OUT/_assets/ that the pages link to. */
  assets: string[];
  /** Root-relative page path → key of its inputs. */
  pages: Record<string, string>;
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
  const scope = createHash('sha256').update(await codeVersion()).update('\0').update(base).update('\0').update(JSON.stringify(site)).digest('hex');
  const record = await readFile(file, 'utf8').then((text) => JSON.parse(text) as PageRecord, () => undefined);
  const previous = new Map<string, string>();
  if (record?.scope === scope) {
    for (const [path, key] of Object.entries(record.pages)) if (existsSync(pageFile(out, path))) previous.set(path, key);
  }
  const reuse: PageReuse = { previous, keys: new Map(), reused: new Set() };
  return {
    reuse,
    async copyReused(staging) {
      if (reuse.reused.size === 0) return true;
      const assets = new Set(await assetsOf(staging));
      if (!record || !record.assets.every((asset) => assets.has(asset))) return false;
      // Synchronous, like the links (hard-links.ts).
      for (const path of reuse.reused) {
        const target = pageFile(staging, path);
        mkdirSync(dirname(target), { recursive: true });
        linkOrCopySync(pageFile(out, path), target);
      }
      return true;
    },
    async save() {
      const next: PageRecord = { scope, assets: await assetsOf(out), pages: Object.fromEntries(reuse.keys) };
      await writeFileWhole(file, JSON.stringify(next));
    },
    forget: () => rm(file, { force: true }),
  };
}

/** Where a page's HTML is (build.format 'directory'). */
function pageFile(root: string, path: string): string {
  return join(root, path, 'index.html');
}

async function assetsOf(root: string): Promise<string[]> {
  return existsSync(join(root, ASSETS)) ? (await readdir(join(root, ASSETS))).sort() : [];
}
