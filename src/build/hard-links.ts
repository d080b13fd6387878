/**
 * Copying the build's many small files as hard links: pages reused from the previous build,
 * search shards to and from the shard cache. The build only ever replaces such files, never
 * edits them in place, so a link is as good as a copy. Synchronous on purpose: ten thousand
 * small calls take a fraction of a second this way, and seconds as awaited round trips.
 */
import { copyFileSync, linkSync } from 'node:fs';

/** `target` as a hard link to `source`; across file systems (or without links), a real copy. */
export function linkOrCopySync(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
