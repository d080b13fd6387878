/**
 * Where the build keeps what it can reuse next time (checked notices, search shards, pages):
 * node_modules/.cache/gongkai, where npm tools keep caches (removed with node_modules, never
 * published), or the folder GONGKAI_CACHE names (tests and the benchmark use their own).
 * Deleting it is always safe: the next build is just slower.
 */
import { join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export function cacheDir(name: string): string {
  return join(process.env.GONGKAI_CACHE || join(PROJECT_ROOT, 'node_modules/.cache/gongkai'), name);
}
