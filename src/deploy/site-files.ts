/**
 * The files of OUT that are published: every regular file, except anything hidden (a name
 * starting with a dot at any depth: the build's marker, an editor's or the system's files) and
 * symbolic links (the build makes none; one found in OUT was put there by hand).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface SiteFile {
  /** Relative to OUT, `/`-separated: `xxgk/abc/index.html`. */
  path: string;
  /** Absolute path on this computer. */
  file: string;
  size: number;
}

export interface SiteFiles {
  files: SiteFile[];
  /** What was left out besides hidden files: links and other non-regular files. */
  skipped: string[];
}

export async function listSiteFiles(out: string): Promise<SiteFiles> {
  const files: SiteFile[] = [];
  const skipped: string[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      const file = join(dir, entry.name);
      if (entry.isDirectory()) await walk(file, path);
      else if (entry.isFile()) files.push({ path, file, size: (await lstat(file)).size });
      else skipped.push(path);
    }
  }
  await walk(out, '');
  return { files, skipped };
}

export interface FileDigests {
  /** Hex MD5: what S3-compatible stores give as the ETag of an object uploaded in one piece. */
  md5: string;
  /** Hex SHA-256, kept in the object's metadata. */
  sha256: string;
}

export async function digestFile(file: string): Promise<FileDigests> {
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  for await (const chunk of createReadStream(file)) {
    md5.update(chunk as Buffer);
    sha256.update(chunk as Buffer);
  }
  return { md5: md5.digest('hex'), sha256: sha256.digest('hex') };
}

/** Runs `work` on every item, at most `limit` at a time; the first failure stops the rest. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const runner = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}

/** `1.2 MB`, `340 KB`, `12 字节`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
