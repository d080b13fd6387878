/**
 * The headers a site file is served with, for hosts where the deploy sets them per object
 * (object storage): Cache-Control and Content-Type. The Cache-Control table is deploy/nginx.conf's
 * `map $uri $gongkai_cache_control`, line for line and in the same order (the first match wins);
 * tests/unit/deploy-http-policy.test.ts reads the map from nginx.conf and compares.
 */

const YEAR = 'public, max-age=31536000, immutable';
const DAY = 'public, max-age=86400';
const NO_CACHE = 'no-cache';

export interface CacheRule {
  /** The regular expression exactly as nginx.conf writes it after `~`. */
  pattern: string;
  value: string;
}

export const CACHE_CONTROL_RULES: readonly CacheRule[] = [
  // Content-hashed build files and Pagefind's hashed index files, in every search shard.
  { pattern: '^/(.*/)?(_assets|pagefind/([0-9]+/)?(index|fragment|filter))/', value: YEAR },
  // Pagefind's entry and start-up files, the service worker and its manifest change with every build.
  { pattern: '^/(.*/)?(pagefind/([0-9]+/)?[^/]+|sw\\.js|offline-manifest\\.json)$', value: NO_CACHE },
  // Attachments.
  { pattern: '^/(.*/)?attachments/', value: DAY },
];

/** Pages and everything else: revalidated every time, so a new deploy is seen at once. */
export const DEFAULT_CACHE_CONTROL = NO_CACHE;

const COMPILED = CACHE_CONTROL_RULES.map((rule) => ({ regex: new RegExp(rule.pattern), value: rule.value }));

/** Cache-Control for a site path (`/`-separated, relative to the site root or with a prefix). */
export function cacheControlFor(path: string): string {
  const uri = `/${path.replace(/^\/+/, '')}`;
  return COMPILED.find((rule) => rule.regex.test(uri))?.value ?? DEFAULT_CACHE_CONTROL;
}

const UTF8 = '; charset=utf-8';

/** By extension. Text types carry the charset: object storage sends no default one. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: `text/html${UTF8}`,
  css: `text/css${UTF8}`,
  js: `text/javascript${UTF8}`,
  mjs: `text/javascript${UTF8}`,
  json: `application/json${UTF8}`,
  webmanifest: `application/manifest+json${UTF8}`,
  xml: `application/xml${UTF8}`,
  rss: `application/rss+xml${UTF8}`,
  txt: `text/plain${UTF8}`,
  csv: `text/csv${UTF8}`,
  svg: `image/svg+xml${UTF8}`,
  wasm: 'application/wasm',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  dps: 'application/vnd.ms-powerpoint',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

/** Content-Type for a site path; files of no known type (Pagefind's index files) are plain bytes. */
export function contentTypeFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** The headers object storage sends with each file, by path relative to the site root. */
export interface HttpPolicy {
  contentTypeFor(path: string): string;
  cacheControlFor(path: string): string;
}

/** The site's policy: the tables above. Tests give deployToS3 another to see a change re-applied. */
export const SITE_POLICY: HttpPolicy = { contentTypeFor, cacheControlFor };

/**
 * When a file is uploaded, so that a reader never gets a page whose styles, scripts or search
 * files are not there yet: hashed files first (nothing current refers to new ones yet), then
 * attachments and other plain files, then the search entry files, then the pages, then the lists
 * of pages (feeds, sitemap, open data), and last the offline manifest and service worker, which
 * name all of the above. Stale files are deleted only after all of it.
 */
export const UPLOAD_STAGES = ['hashed', 'files', 'search-entry', 'pages', 'lists', 'offline'] as const;
export type UploadStage = (typeof UPLOAD_STAGES)[number];

/** Chinese names of the stages, for progress lines. */
export const STAGE_NAMES: Readonly<Record<UploadStage, string>> = {
  hashed: '带哈希的资源和搜索索引',
  files: '附件和其他文件',
  'search-entry': '搜索入口文件',
  pages: '页面',
  lists: '目录数据、RSS 和站点地图',
  offline: '离线清单和 Service Worker',
};

export function uploadStageOf(path: string): UploadStage {
  const uri = `/${path.replace(/^\/+/, '')}`;
  if (cacheControlFor(uri) === YEAR) return 'hashed';
  if (/^\/(sw\.js|offline-manifest\.json)$/.test(uri)) return 'offline';
  if (/^\/pagefind\//.test(uri)) return 'search-entry';
  if (/\.html$/i.test(uri)) return 'pages';
  if (/^\/(rss\.xml|sitemap\.xml|data\/)/.test(uri)) return 'lists';
  return 'files';
}
