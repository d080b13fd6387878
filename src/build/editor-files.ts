/**
 * Build step: the editor at OUT/guanli/ (Sveltia CMS), unless site.yaml says 在线编辑: 否.
 *
 * - main.js and chunks/: src/cms/browser/main.ts bundled by esbuild with @sveltia/cms from
 *   node_modules (its npm build, whose optional libraries are imported from the package's own
 *   dependencies, not from a CDN). Left out: the locales but 简体中文 and 繁體中文 (Sveltia's
 *   `dist` build fetches them from unpkg; here they are chunks of the site), and the syntax
 *   highlighter's hundreds of grammars (code blocks then show unhighlighted).
 * - assets/: the three fonts Sveltia's UI uses (its icons are a font), copied from the fontsource
 *   packages at the versions Sveltia names; the CDN addresses in its styles are rewritten to them.
 * - config.json (src/cms/cms-config.ts), index.html (src/cms/editor-page.ts), LICENSES.txt.
 *
 * Any address of another host left in what is written fails the build (asset scan below).
 */
import { build, type Plugin } from 'esbuild';
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { cmsConfig, gitHostOrigins } from '../cms/cms-config.ts';
import { editorPage } from '../cms/editor-page.ts';
import { EDITOR_FOLDER } from '../domain/site/security-headers.ts';
import type { SiteConfig } from '../domain/site/site-config.ts';

const NODE_MODULES = new URL('../../node_modules/', import.meta.url).pathname;
const packageDir = (name: string) => join(NODE_MODULES, name);
const ENTRY = new URL('../cms/browser/main.ts', import.meta.url).pathname;
/** Locales of Sveltia's UI kept as chunks: the rest are stubs (the language menu then shows English). */
const KEPT_LOCALES = new Set(['zh-CN', 'zh-TW']);

/** The fonts Sveltia's styles load from cdn.jsdelivr.net, by the file its package publishes. */
const FONTS = [
  {
    cdn: 'material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
    pkg: '@fontsource-variable/material-symbols-outlined',
    file: 'material-symbols-outlined-latin-wght-normal.woff2',
  },
  {
    cdn: 'source-sans-3:vf@5.3.0/latin-wght-normal.woff2',
    pkg: '@fontsource-variable/source-sans-3',
    file: 'source-sans-3-latin-wght-normal.woff2',
  },
  {
    cdn: 'noto-mono@5.3.0/latin-400-normal.woff2',
    pkg: '@fontsource/noto-mono',
    file: 'noto-mono-latin-400-normal.woff2',
  },
];
const CDN_FONTS = 'https://cdn.jsdelivr.net/fontsource/fonts/';
const UNPKG = 'https://unpkg.com/';
const STATUS_APIS = [
  'https://www.githubstatus.com/api/v2/status.json',
  'https://status-api.hostedstatus.com/1.0/status/5b36dc6502d06804c08349f7',
];
/** Where those requests go instead: nothing is there (a 404 on this site). */
export const NO_CDN = './no-cdn/';

/** Other hosts the written files must not name as something to load (see `foreignLoads`). */
const CDN_HOSTS = /https:\/\/(?:cdn\.jsdelivr\.net|unpkg\.com|fonts\.googleapis\.com|fonts\.gstatic\.com)\//;

export interface EditorFiles {
  /** Every file under guanli/ with its size in bytes, by path relative to OUT. */
  files: { path: string; bytes: number }[];
  /** Bytes of what the first screen loads: index.html, main.js, config.json, the 简体 locale, fonts. */
  firstLoadBytes: number;
}

/**
 * The content folder's path from its git repository's root, and the repository folder's name
 * (shown on the sign-in screen). Both depend on where the repository is cloned.
 */
export function repositoryPlace(contentDir: string): { contentPath: string; repoName: string } {
  for (let dir = contentDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      return { contentPath: relative(dir, contentDir).split(sep).join('/'), repoName: basename(dir) };
    }
    if (dirname(dir) === dir) break;
  }
  // Not in a repository (yet): the standard layout, content/ in the folder the clerk opens. Fixed
  // rather than taken from the folder's names, so that two copies build the same files.
  return { contentPath: 'content', repoName: '网站文件夹' };
}

function trimmedSveltia(): Plugin {
  return {
    name: 'gongkai-sveltia',
    setup(b) {
      b.onResolve({ filter: /^@shikijs\/(langs|themes)\// }, () => ({ path: 'empty', namespace: 'stub' }));
      b.onResolve({ filter: /^\.\.\/locales\/[\w-]+\.json$/ }, (args) => {
        const locale = basename(args.path, '.json');
        return KEPT_LOCALES.has(locale) ? undefined : { path: 'empty', namespace: 'stub' };
      });
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
      b.onLoad({ filter: /@sveltia[/\\]cms[/\\]npm[/\\]index\.js$/ }, async (args) => {
        let code = await readFile(args.path, 'utf8');
        for (const font of FONTS) {
          const url = CDN_FONTS + font.cdn;
          if (!code.includes(url))
            throw new Error(`在线编辑：Sveltia CMS 的字体地址变了（找不到 ${url}），请更新 src/build/editor-files.ts`);
          code = code.replaceAll(url, `assets/${font.file}`);
          // It also registers them by the hashed names of its own build (`assets/<file>-<hash>.woff2`
          // beside its script, not published): the same file, so it is downloaded once.
          const stem = font.file.replace(/\.woff2$/, '');
          code = code.replace(new RegExp(`assets/${stem}-[\\w-]{8}\\.woff2`, 'g'), `assets/${font.file}`);
        }
        // What is left on unpkg (the code highlighter's engine, fallbacks for bundled files) would be
        // fetched from there: point it at a folder of this site that does not exist, so the feature
        // fails here instead of loading code from another host.
        code = code.replaceAll(UNPKG, NO_CDN);
        // GitHub's and GitLab's status pages, polled while signed in: answered from a data: URL
        // without a status, which Sveltia reads as "unknown" (it shows no warning then).
        for (const status of STATUS_APIS) code = code.replaceAll(status, 'data:application/json,{}');
        return { contents: code, loader: 'js' };
      });
    },
  };
}

/** Writes OUT/guanli/; returns its files and sizes. */
export async function writeEditorFiles(siteDir: string, site: SiteConfig, contentDir: string): Promise<EditorFiles> {
  const dir = join(siteDir, EDITOR_FOLDER);
  await mkdir(join(dir, 'assets'), { recursive: true });
  await build({
    entryPoints: { main: ENTRY },
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    outdir: dir,
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    loader: { '.wasm': 'file', '.woff2': 'file' },
    plugins: [trimmedSveltia()],
    logLevel: 'silent',
  });
  for (const font of FONTS) {
    const source = join(packageDir(font.pkg), 'files', font.file);
    await copyFile(source, join(dir, 'assets', font.file));
  }
  const place = repositoryPlace(contentDir);
  await writeFile(join(dir, 'config.json'), JSON.stringify(cmsConfig(site, place), null, 1));
  await writeFile(join(dir, 'index.html'), editorPage(site.name, gitHostOrigins(site), !site.gitHost));
  await writeFile(join(dir, 'LICENSES.txt'), await licenses());

  const files = await listFiles(siteDir, dir);
  const offenders = [];
  for (const file of files.filter((f) => /\.(js|html|json|css)$/.test(f.path))) {
    const text = await readFile(join(siteDir, file.path), 'utf8');
    for (const load of foreignLoads(text)) offenders.push(`${file.path}：${load}`);
  }
  if (offenders.length) throw new Error(`在线编辑的文件从其他网站加载资源：\n${offenders.slice(0, 20).join('\n')}`);
  const first = new Set(['index.html', 'main.js', 'config.json', ...FONTS.map((f) => `assets/${f.file}`)]);
  const firstLoadBytes = files
    .filter((f) => first.has(f.path.slice(EDITOR_FOLDER.length + 1)) || /\/chunks\/zh-CN-/.test(f.path))
    .reduce((sum, f) => sum + f.bytes, 0);
  return { files, firstLoadBytes };
}

/**
 * Addresses of CDN hosts in code that loads them: a font url(), an import() or fetch() of a
 * string built from one. Sveltia names many services in text and links (its docs, GitHub); only
 * the CDNs it loads code, styles and fonts from are refused.
 */
export function foreignLoads(text: string): string[] {
  return [...text.matchAll(new RegExp(CDN_HOSTS.source + '[^`\'"\\s)]*', 'g'))].map((m) => m[0]);
}

async function listFiles(siteDir: string, dir: string): Promise<{ path: string; bytes: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = [];
  for (const e of entries.filter((x) => x.isFile())) {
    const full = join(e.parentPath, e.name);
    files.push({ path: relative(siteDir, full).split(sep).join('/'), bytes: (await stat(full)).size });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function licenses(): Promise<string> {
  const sveltia = await readFile(join(packageDir('@sveltia/cms'), 'LICENSE.txt'), 'utf8').catch(() => '');
  const parts = [`Sveltia CMS (@sveltia/cms, MIT)\n\n${sveltia}`];
  for (const font of FONTS) {
    const license = await readFile(join(packageDir(font.pkg), 'LICENSE'), 'utf8').catch(
      () => 'SIL Open Font License 1.1',
    );
    parts.push(`${font.pkg} (OFL-1.1)\n\n${license}`);
  }
  return parts.join('\n\n----\n\n');
}
