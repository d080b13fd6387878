/**
 * Where the build keeps what it can reuse next time (checked notices, search shards, pages):
 * node_modules/.cache/gongkai, where npm tools keep caches (removed with node_modules, never
 * published), or the folder GONGKAI_CACHE names (tests and the benchmark use their own).
 * Deleting it is always safe: the next build is just slower.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

/** Marks a cache entry being written; pruneLeastRecentlyUsed clears those left by a crash. */
const PARTIAL = '.partial-';

export function cacheDir(name: string): string {
  return join(process.env.GONGKAI_CACHE || join(PROJECT_ROOT, 'node_modules/.cache/gongkai'), name);
}

/** Where this process writes `path` before renaming it into place. */
export function partialPath(path: string): string {
  return `${path}${PARTIAL}${process.pid}`;
}

/** Writes `file` whole or not at all, even with builds running side by side. */
export async function writeFileWhole(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(partialPath(file), data);
  await rename(partialPath(file), file);
}

/**
 * Keeps the `keep` most recently used entries of a cache folder (files or folders, by mtime)
 * and drops the rest, with leftovers of writes interrupted over an hour ago (`*.partial-<pid>`).
 */
export async function pruneLeastRecentlyUsed(dir: string, keep: number): Promise<void> {
  if (!existsSync(dir)) return;
  const names = await readdir(dir);
  const entries = await Promise.all(
    names.map(async (name) => ({ name, used: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  const stale = entries.filter((e) => e.name.includes(PARTIAL) && Date.now() - e.used > 3_600_000);
  const complete = entries.filter((e) => !e.name.includes(PARTIAL)).sort((a, b) => b.used - a.used);
  for (const { name } of [...stale, ...complete.slice(keep)])
    await rm(join(dir, name), { recursive: true, force: true });
}
