/**
 * Nothing leaves this computer unless OUT is a complete site the build made: it carries the
 * build's marker, holds the home and 404 pages, and no build is running into it or was cut off
 * in it. The deploy holds OUT's build lock (src/build/out/) while it reads OUT, so a build cannot
 * swap a new site in halfway through an upload.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openOutFolder } from '../build/out/out-folder.ts';
import { SITE_MARKER, siteBuildOf } from '../build/out/out-site.ts';
import { OFFLINE_MANIFEST } from '../domain/site/offline-manifest.ts';

export type GuardResult =
  | {
      ok: true;
      /** The build id in OUT's marker. */
      build: string;
      /** The URL path the site was built for (`--base`): `/`, or `/gk/`. */
      base: string;
      /** Gives OUT's lock back; safe to call more than once. */
      release(): void;
    }
  | { ok: false; error: string };

/** Files without which OUT is no site to publish. */
export const REQUIRED_PAGES = ['index.html', '404.html'] as const;

const REBUILD = '请先运行 npm run build 生成网站（或用 --out 指定网站所在的文件夹），然后再部署。';

export async function guardOut(out: string): Promise<GuardResult> {
  const info = await stat(out).catch(() => undefined);
  if (!info) return { ok: false, error: `输出文件夹 ${out} 不存在，没有可上传的网站。${REBUILD}` };
  if (!info.isDirectory()) return { ok: false, error: `--out 指向的 ${out} 是一个文件，不是网站文件夹。${REBUILD}` };
  const early = await completeSiteReason(out);
  if (early) return { ok: false, error: early };

  // Taking the lock also finds what an interrupted build left (its lock, its swap journal) and
  // puts OUT back in order; every such repair is logged. The site that is then in OUT is not
  // the one the office meant to publish, so the deploy stops and asks for a build.
  const repairs: string[] = [];
  const opened = await openOutFolder(out, (line) => repairs.push(line));
  if (!opened.ok) return { ok: false, error: opened.error };
  const { folder } = opened;
  if (repairs.length) {
    folder.release();
    return {
      ok: false,
      error: `${repairs.join('\n')}\n上次生成没有正常完成，${out} 里的可能不是要发布的网站，未上传任何文件。请重新运行 npm run build，完成后再部署。`,
    };
  }
  const reason = await completeSiteReason(out);
  const build = await siteBuildOf(out);
  const base = await siteBaseOf(out);
  if (reason || build === undefined || base === undefined) {
    folder.release();
    return {
      ok: false,
      error:
        reason ??
        (build === undefined
          ? `${out} 里没有生成标记 ${SITE_MARKER}。${REBUILD}`
          : `${out} 里的 ${OFFLINE_MANIFEST} 缺失或无法读取，看不出网站的网址前缀（--base），不是完整的网站，拒绝部署。${REBUILD}`),
    };
  }
  return { ok: true, build, base, release: () => folder.release() };
}

/**
 * The `--base` OUT was built for. The build's marker does not record it; the offline manifest
 * does, as the address of every shell file: 404.html is always among them, at `<base>404.html`.
 */
export async function siteBaseOf(out: string): Promise<string | undefined> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(out, OFFLINE_MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  const shell = (manifest as { shell?: unknown } | null)?.shell;
  if (!Array.isArray(shell)) return undefined;
  const pages = shell.filter((url): url is string => typeof url === 'string' && /^\/(.*\/)?404\.html$/.test(url));
  const shortest = pages.sort((a, b) => a.length - b.length)[0];
  return shortest?.slice(0, -'404.html'.length);
}

/** Why `out` is not a complete site from the build, in words for the office; undefined when it is. */
async function completeSiteReason(out: string): Promise<string | undefined> {
  if ((await siteBuildOf(out)) === undefined)
    return `${out} 里没有本工具的生成标记 ${SITE_MARKER}，不是 npm run build 生成的完整网站，为防止上传错误的文件，拒绝部署。${REBUILD}`;
  for (const page of REQUIRED_PAGES) {
    const file = await stat(join(out, page)).catch(() => undefined);
    if (!file?.isFile())
      return `${out} 里缺少 ${page}，不是完整的网站，拒绝部署。请重新运行 npm run build，然后再部署。`;
  }
  return undefined;
}
