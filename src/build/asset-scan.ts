/** Build step: refuse a site whose pages or styles load anything from another host. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { foreignAssets } from '../domain/site/asset-policy.ts';

export async function assertNoForeignAssets(siteDir: string, siteUrl?: string): Promise<void> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const files = entries.filter(
    (e) => e.isFile() && /\.(html|css)$/.test(e.name) && !e.parentPath.includes(`${join(siteDir, 'pagefind')}`),
  );
  const offenders: string[] = [];
  for (const entry of files) {
    const path = join(entry.parentPath, entry.name);
    for (const asset of foreignAssets(await readFile(path, 'utf8'), siteUrl)) {
      offenders.push(`${relative(siteDir, path)}：${asset.via} ${asset.url}`);
    }
  }
  if (offenders.length) {
    throw new Error(
      `生成的页面从其他网站加载资源（政府网站不得加载第三方资源）：\n${offenders.slice(0, 20).join('\n')}`,
    );
  }
}
