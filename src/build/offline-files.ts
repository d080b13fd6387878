/**
 * Build step after Pagefind: OUT/offline-manifest.json and OUT/sw.js (the service worker,
 * src/site/browser/service-worker/service-worker.ts compiled by esbuild, with this build's constants in front).
 * It runs last so the manifest lists the search files too.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { transform } from 'esbuild';
import type { Notice } from '../content/content-check.ts';
import { paths, withBase } from '../domain/site/site-paths.ts';
import { indexNumberSlug } from '../domain/notice/index-number.ts';
import {
  cacheNames,
  fileUrl,
  isShellFile,
  OFFLINE_MANIFEST,
  SEARCH_FILE_MISSING,
  SERVICE_WORKER,
  type OfflineManifest,
} from '../domain/site/offline-manifest.ts';

const WORKER_SOURCE = new URL('../site/browser/service-worker/service-worker.ts', import.meta.url);

export async function writeOfflineFiles(
  siteDir: string,
  notices: readonly Notice[],
  base: string,
  version: string,
): Promise<OfflineManifest> {
  // The manifest is part of the shell: list it before it exists.
  const files = [...listFiles(siteDir), { path: OFFLINE_MANIFEST, bytes: 0 }];
  const size = new Map(files.map((f) => [f.path, f.bytes]));
  // (OFFLINE_MANIFEST is listed with 0 bytes: it is always in the shell.)
  const manifest: OfflineManifest = {
    version,
    shell: files.filter((f) => isShellFile(f.path, f.bytes)).map((f) => fileUrl(base, f.path)),
    notices: notices.map((n) => ({
      url: withBase(base, paths.notice(n.indexNumber)),
      title: n.title,
      date: n.publishedOn,
      bytes: size.get(`xxgk/${indexNumberSlug(n.indexNumber)}/index.html`) ?? 0,
    })),
    search: files
      .filter((f) => f.path.startsWith('pagefind/') && !isShellFile(f.path, f.bytes))
      .map((f) => ({ url: fileUrl(base, f.path), bytes: f.bytes })),
  };
  await writeFile(join(siteDir, OFFLINE_MANIFEST), JSON.stringify(manifest));
  const build = {
    version,
    base,
    shell: manifest.shell,
    caches: cacheNames(version),
    messages: { searchFileMissing: SEARCH_FILE_MISSING },
  };
  const worker = (await transform(await readFile(WORKER_SOURCE, 'utf8'), { loader: 'ts', target: 'es2020' })).code;
  await writeFile(join(siteDir, SERVICE_WORKER), `const BUILD = ${JSON.stringify(build)};\n${worker}`);
  return manifest;
}

/**
 * Every file of the site with its size, by path. Synchronous on purpose: nothing else runs by
 * now, and for 24,000 files (10,000 notices) the promise-based calls took 1.6 s, these 0.4 s.
 */
function listFiles(dir: string): { path: string; bytes: number }[] {
  return (
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const full = join(e.parentPath, e.name);
        return { path: relative(dir, full).split(sep).join('/'), bytes: statSync(full).size };
      })
      // Sorted: the folder's listing order depends on the file system and the order files were
      // written in, and the manifest and sw.js must be the same for the same site.
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  );
}
