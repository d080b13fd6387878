/**
 * The build id: names a build in readers' browsers (the offline caches `gongkai-<id>-…`, the
 * search cache tag) and in OUT's marker and swap journal. It is a digest of what the site is made
 * of — the content as checked (site.yaml, guide.md, zhidu.md, jigou.yaml, notices), the
 * published attachments' bytes, the base path, the search shard size and the code version — not
 * of the clock: an unchanged site rebuilds byte for byte (a deploy uploads nothing, readers keep
 * their caches), and any change that can change a page, the search index or an attachment gives a
 * new id, so readers' caches of the previous build are replaced.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Content } from '../content/content-check.ts';
import { configuredShardSize } from '../domain/search/search-shards.ts';
import { codeVersion } from './code-version.ts';
import { mapLimited } from './map-limited.ts';

/** Hex digits kept: 48 bits, plenty to tell one office's builds apart, short in cache names. */
const ID_LENGTH = 12;

/** A build id's shape: what the service worker, the search tag and the journal may rely on. */
export const BUILD_ID = /^[0-9a-f]{12}$/;

export async function buildIdOf(
  content: Content,
  contentDir: string,
  base: string,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const hash = createHash('sha256');
  const part = (label: string, value: unknown) => hash.update(`${label}\0${JSON.stringify(value)}\0`);
  part('code', await codeVersion());
  part('base', base);
  part('search-shard-size', configuredShardSize(env));
  part('site', content.site);
  part('guide', content.guide);
  part('rules', content.rules ?? null);
  part('organ', content.organ ?? null);
  // By file, so the id does not depend on the order the folder was read in.
  part(
    'notices',
    [...content.notices].sort((a, b) => compare(a.file, b.file)),
  );
  part(
    'external-links',
    [...content.externalLinks].sort(([a], [b]) => compare(a, b)),
  );
  const attachments = [...content.attachments].sort(([a], [b]) => compare(a, b));
  const digests = await mapLimited(attachments, 8, ([path]) => fileDigest(join(contentDir, 'attachments', path)));
  part(
    'attachments',
    attachments.map(([path, bytes], i) => [path, bytes, digests[i]]),
  );
  // MDX notices run as code may import any file of the content folder: those files make the site too.
  if (content.site.mdxCode) {
    const files = await contentFiles(contentDir);
    part('content-files', files);
    for (const file of files) hash.update(await fileDigest(join(contentDir, file)));
  }
  return hash.digest('hex').slice(0, ID_LENGTH);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** SHA-256 of a regular file's bytes; of nothing else (publish-attachments.ts refuses those). */
async function fileDigest(path: string): Promise<string> {
  if (!(await lstat(path)).isFile()) return 'not a file';
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every file of the content folder outside attachments/, `/`-separated, sorted. */
async function contentFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(contentDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('attachments/'))
    .sort(compare);
}
