/**
 * Where the build keeps what it can reuse next time (checked notices, search shards, pages):
 * node_modules/.cache/gongkai, where npm tools keep caches (removed with node_modules, never
 * published), or the folder GONGKAI_CACHE names (tests and the benchmark use their own).
 * Deleting it is always safe: the next build is just slower.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export function cacheDir(name: string): string {
  return join(process.env.GONGKAI_CACHE || join(PROJECT_ROOT, 'node_modules/.cache/gongkai'), name);
}

/**
 * Keeps the `keep` most recently used entries of a cache folder (files or folders, by mtime)
 * and drops the rest, with leftovers of writes interrupted over an hour ago (`*.partial-<pid>`).
 */
export async function pruneLeastRecentlyUsed(dir: string, keep: number): Promise<void> {
  if (!existsSync(dir)) return;
  const names = await readdir(dir);
  const entries = await Promise.all(names.map(async (name) => ({ name, used: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  const stale = entries.filter((e) => e.name.includes('.partial-') && Date.now() - e.used > 3_600_000);
  const complete = entries.filter((e) => !e.name.includes('.partial-')).sort((a, b) => b.used - a.used);
  for (const { name } of [...stale, ...complete.slice(keep)]) await rm(join(dir, name), { recursive: true, force: true });
}
