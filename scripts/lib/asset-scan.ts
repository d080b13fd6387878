/** Build step: refuse a site whose pages or styles load anything from another host. */
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { foreignAssets } from '../../src/lib/asset-policy.ts';

/** Scans the pages and styles under `siteDir`, less those `skip` names (full paths). */
export async function assertNoForeignAssets(siteDir: string, siteUrl?: string, skip: (file: string) => boolean = () => false): Promise<void> {
  // Synchronous, as in offline-files.ts: a rebuild's folder holds ten thousand page folders
  // (the reused pages, linked in meanwhile), which promise-based calls list several times slower.
  const entries = readdirSync(siteDir, { recursive: true, withFileTypes: true });
  const files = entries.filter(
    (e) => e.isFile() && /\.(html|css)$/.test(e.name) && !e.parentPath.includes(`${join(siteDir, 'pagefind')}`) && !skip(join(e.parentPath, e.name)),
  );
  const offenders: string[] = [];
  for (const entry of files) {
    const path = join(entry.parentPath, entry.name);
    for (const asset of foreignAssets(await readFile(path, 'utf8'), siteUrl)) {
      offenders.push(`${relative(siteDir, path)}：${asset.via} ${asset.url}`);
    }
  }
  if (offenders.length) {
    throw new Error(`生成的页面从其他网站加载资源（政府网站不得加载第三方资源）：\n${offenders.slice(0, 20).join('\n')}`);
  }
}
