/**
 * The site's URLs (a contract: other tools and offices link to them). Every path here is
 * relative to the site root; `withBase` adds the deployment sub-path (`--base /gk/`).
 */
import { indexNumberSlug } from '../notice/index-number.ts';

/** URL segment under /mulu/ of each kind of catalogue narrowing. */
export const CATALOGUE_SLICE_SEGMENT = {
  category: 'fenlei',
  genre: 'ticai',
  year: 'nianfen',
  publisher: 'jigou',
  validity: 'youxiaoxing',
} as const;
type CatalogueSliceKind = keyof typeof CATALOGUE_SLICE_SEGMENT;

const catalogueSlice = (kind: CatalogueSliceKind) => (code: string | number) =>
  `/mulu/${CATALOGUE_SLICE_SEGMENT[kind]}/${code}/`;

export const paths = {
  home: '/',
  catalogue: '/mulu/',
  guide: '/zhinan/',
  search: '/sousuo/',
  notice: (indexNumber: string) => `/xxgk/${indexNumberSlug(indexNumber)}/`,
  /** The 外链提示 page of a link to another site. */
  externalLink: (code: string) => `/waibu/${code}/`,
  offline: '/lixian/',
  /** The 政府信息公开工作年度报告 on the site, by year, then the figures for the next one. */
  annualFigures: '/nianbao/',
  /** 政府信息公开制度: zhidu.md and the notices in the 制度 column. */
  rules: '/zhidu/',
  /** 机构信息: 机构职能, 内设机构, 负责人 (jigou.yaml) and the contact details (site.yaml). */
  organ: '/jigou/',
  /** 法定主动公开内容: the office's columns (栏目). */
  columns: '/fading/',
  column: (code: string) => `/fading/${code}/`,
  /** 依申请公开: how to apply, the channels, time limits and fees. */
  apply: '/yishenqing/',
  /** The 申请表 as a page to print on one A4 sheet, and as a Word file. */
  applicationForm: '/yishenqing/shenqingbiao/',
  applicationFormDocx: '/yishenqing/shenqingbiao.docx',
  /** 规范性文件 with their 有效性; narrowed by 有效性 and by year like the 目录. */
  normative: '/guifan/',
  normativeByValidity: (code: string) => `/guifan/youxiaoxing/${code}/`,
  normativeByYear: (year: number | string) => `/guifan/nianfen/${year}/`,
  /** 政策解读, each beside the document it interprets. */
  interpretations: '/jiedu/',
  feed: '/rss.xml',
  catalogueJson: '/data/catalogue.json',
  catalogueCsv: '/data/catalogue.csv',
  annualFiguresCsv: '/data/nianbao.csv',
  attachment: (file: string) => `/attachments/${file.split('/').map(encodeURIComponent).join('/')}`,
  catalogueByCategory: catalogueSlice('category'),
  catalogueByGenre: catalogueSlice('genre'),
  catalogueByYear: catalogueSlice('year'),
  catalogueByPublisher: catalogueSlice('publisher'),
  catalogueByValidity: catalogueSlice('validity'),
  catalogueSlice: (kind: CatalogueSliceKind, code: string) => catalogueSlice(kind)(code),
} as const;

/**
 * Every file at a fixed URL: one per file in src/site/pages without a [parameter], the files in
 * public/, and the files the build writes beside them (a unit test compares the list with
 * src/site/pages and public/). `check` uses it to tell a link to a page that exists from a dead one.
 */
export const FIXED_PATHS = [
  paths.home,
  paths.catalogue,
  paths.guide,
  paths.search,
  paths.offline,
  paths.annualFigures,
  paths.feed,
  '/sitemap.xml',
  paths.catalogueJson,
  paths.catalogueCsv,
  paths.annualFiguresCsv,
  // 依申请公开 and its 申请表 (page and Word file).
  paths.apply,
  paths.applicationForm,
  paths.applicationFormDocx,
  '/404.html',
  // The office's own pages: 政府信息公开制度 (zhidu.md) and 机构信息 (jigou.yaml).
  paths.rules,
  paths.organ,
  // The lists of 法定主动公开内容: its columns, 规范性文件, 政策解读 (pages 2 on and the
  // narrowings are under PARAMETER_PREFIXES).
  paths.columns,
  paths.normative,
  paths.interpretations,
  // public/
  '/favicon.svg',
  '/reading-prefs.js',
  // Written by the build itself (src/build/offline-files.ts), not by a page.
  '/sw.js',
  '/offline-manifest.json',
] as const;

/**
 * Pages with a parameter, by the URL prefix they live under: /xxgk/<slug>/ per notice,
 * /waibu/<code>/ per link to another site, /mulu/… the paged catalogue and its narrowings.
 * Files under /attachments/ are the content's attachments folder, copied as they are.
 */
export const PARAMETER_PREFIXES = [
  '/xxgk/',
  '/waibu/',
  '/mulu/',
  // Paged lists: /fading/<栏目>/…, /guifan/2/ and its narrowings, /jiedu/2/ ….
  '/fading/',
  '/guifan/',
  '/jiedu/',
] as const;

/** Folders the build fills with content-hashed files (scripts, styles, search index). */
export const GENERATED_PREFIXES = ['/_assets/', '/pagefind/'] as const;

/** Join the deployment base (`/`, `/gk`, `/gk/`) and a root-relative path. */
export function withBase(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The public URL of a page, when site.yaml gives the site's 网址. */
export function publicUrl(siteUrl: string | undefined, path: string): string | undefined {
  if (!siteUrl) return undefined;
  return new URL(path.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
