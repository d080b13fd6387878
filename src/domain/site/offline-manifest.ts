/**
 * What the offline features need to know about a build: its version, the site shell that every
 * reader gets cached, and every notice page and search file that "离线保存" downloads.
 * Written to OUT/offline-manifest.json by the build; read by the service worker's install and
 * by the save-offline button.
 */
export interface OfflineFile {
  url: string;
  bytes: number;
}

export interface OfflineManifest {
  /** The build id; caches are named after it, so two builds never mix. */
  version: string;
  /** Cached when the service worker installs: pages, styles, scripts, search start-up files. */
  shell: string[];
  /** Every notice page, with its title for the offline list. */
  notices: (OfflineFile & { title: string; date: string })[];
  /** Every search file (index chunks, fragments, filters). */
  search: OfflineFile[];
}

export const OFFLINE_MANIFEST = 'offline-manifest.json';
/**
 * Posted by the service worker to the site's pages when a search file is neither cached nor
 * reachable: the search page then says the search files are not on this device, instead of
 * "nothing found" (Pagefind reads a chunk it cannot fetch as no match).
 */
export const SEARCH_FILE_MISSING = 'gongkai:search-file-missing';
export const SERVICE_WORKER = 'sw.js';

/** Cache names of one build: the service worker and the page agree on these. */
export function cacheNames(version: string) {
  return { shell: `gongkai-${version}-shell`, pages: `gongkai-${version}-pages`, saved: `gongkai-${version}-saved` };
}

/**
 * Scripts larger than this are loaded on demand (the 繁體 converter, ~1 MB) and cached when first
 * used, not downloaded by every visitor's service worker.
 */
export const SHELL_ASSET_LIMIT = 512 * 1024;

/** Site files that make up the shell, relative to the site root, `/`-separated. */
export function isShellFile(path: string, bytes: number): boolean {
  return (
    [
      'index.html',
      'mulu/index.html',
      'zhinan/index.html',
      // The 专栏's statutory pages, linked from the home: small, and what a reader offline still needs
      // to apply (the 申请表 prints without a network).
      'zhidu/index.html',
      'jigou/index.html',
      'yishenqing/index.html',
      'yishenqing/shenqingbiao/index.html',
      'sousuo/index.html',
      'lixian/index.html',
      '404.html',
      'favicon.svg',
      'reading-prefs.js',
      OFFLINE_MANIFEST,
    ].includes(path) ||
    (path.startsWith('_assets/') && bytes <= SHELL_ASSET_LIMIT) ||
    // Pagefind's script and WebAssembly, and each search shard's entry, metadata and filters.
    /^pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+|(\d+\/)?(pagefind-entry\.json|[^/]+\.pf_meta|filter\/.*))$/.test(
      path,
    )
  );
}

/** The URL a file is requested by: `mulu/index.html` → `/base/mulu/`. */
export function fileUrl(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}
