/**
 * Which folders the build may replace: none, an empty one, or a site it made. Every site it
 * makes carries a marker file naming the build. The marker is a dotfile, which neither
 * deploy/nginx.conf nor `npm start` serves, and it is written after the offline manifest and
 * the search index are made, so neither lists it.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OFFLINE_MANIFEST, SERVICE_WORKER } from '../../domain/site/offline-manifest.ts';

export const SITE_MARKER = '.gongkai-site.json';

interface SiteMarker {
  generator: 'gongkai';
  /** The build id (as in offline-manifest.json), which the swap journal names too. */
  build: string;
}

/**
 * No build time in it: uploads that copy dotfiles (rsync, some CI artifact steps) would send a
 * changed marker for an unchanged site. The file's own time says when the site was built.
 */
export async function writeSiteMarker(site: string, build: string): Promise<void> {
  const marker: SiteMarker = { generator: 'gongkai', build };
  await writeFile(join(site, SITE_MARKER), JSON.stringify(marker));
}

/** The build id in `site`'s marker, if it has one. */
export async function siteBuildOf(site: string): Promise<string | undefined> {
  const marker = await readJson(join(site, SITE_MARKER));
  return isRecord(marker) && marker.generator === 'gongkai' && typeof marker.build === 'string'
    ? marker.build
    : undefined;
}

/** Why the build must not replace `out`, in words for the office; undefined when it may. */
export async function foreignOutReason(out: string): Promise<string | undefined> {
  const info = await stat(out).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory())
    return `--out 指向的 ${out} 是一个文件，不是文件夹。为防止误删，拒绝覆盖。请换一个 --out 文件夹（例如 dist）。`;
  if ((await siteBuildOf(out)) !== undefined || (await isEarlierSite(out))) return undefined;
  const example = firstEntry(out);
  if (example === undefined) return undefined;
  return `输出文件夹 ${out} 里已有不是本工具生成的文件（例如 ${example}），为防止误删，拒绝覆盖。请换一个 --out 文件夹，或先清空它。`;
}

/**
 * Sites built before the marker existed, recognised by their top level: the home page, the
 * bundled assets, the search index, the offline manifest (with its build version and shell
 * list) and the service worker. A folder of documents or another program's output does not
 * have these five together, least of all a manifest in our format, so taking such a folder for
 * a site of ours is not a realistic risk, while refusing the dist/ an office has published for
 * months would stop every upgrade.
 */
async function isEarlierSite(out: string): Promise<boolean> {
  const kind = async (name: string) =>
    stat(join(out, name)).then(
      (s) => (s.isDirectory() ? 'folder' : 'file'),
      () => undefined,
    );
  const shape = await Promise.all([
    kind('index.html'),
    kind('_assets'),
    kind('pagefind'),
    kind(OFFLINE_MANIFEST),
    kind(SERVICE_WORKER),
  ]);
  if (shape.join() !== ['file', 'folder', 'folder', 'file', 'file'].join()) return false;
  const manifest = await readJson(join(out, OFFLINE_MANIFEST));
  return isRecord(manifest) && typeof manifest.version === 'string' && Array.isArray(manifest.shell);
}

/**
 * A file in `dir` to name in the refusal, preferring files to folders; undefined for a folder
 * with nothing in it. Stops at the first file: `--out` may be a home folder.
 */
function firstEntry(dir: string, prefix = ''): string | undefined {
  let listed: Dirent[];
  try {
    listed = readdirSync(dir, { withFileTypes: true });
  } catch {
    return prefix ? `${prefix}/` : '（无法读取的内容）';
  }
  const entries = listed.sort(
    (a, b) => Number(a.isDirectory()) - Number(b.isDirectory()) || a.name.localeCompare(b.name),
  );
  const first = entries[0];
  if (!first) return prefix ? `${prefix}/` : undefined;
  const path = prefix ? `${prefix}/${first.name}` : first.name;
  return isFolder(dir, first) && prefix.split('/').length < 8 ? firstEntry(join(dir, first.name), path) : path;
}

function isFolder(dir: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  return entry.isSymbolicLink() && (statSync(join(dir, entry.name), { throwIfNoEntry: false })?.isDirectory() ?? false);
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
