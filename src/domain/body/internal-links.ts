/**
 * Dead links inside the site. Inspections (政府网站检查指标) mark a site down for 链接不可用; a
 * static build knows every page and file it will publish, so `check` can find a link in a
 * notice or the 指南 that goes nowhere before anyone publishes it. Links to other sites are
 * body-links.ts's business (外链提示); this module judges only links that stay on this site.
 */
import { posix } from 'node:path';
import type { Problem } from '../problems.ts';
import { eachNode, parseBody } from './body-text.ts';
import { isForeignUrl } from './body-links.ts';
import { FIXED_PATHS, GENERATED_PREFIXES, paths } from '../site/site-paths.ts';
import { catalogueSlices, PAGE_SIZE, type CatalogueItem } from '../catalogue/catalogue.ts';
import { placeNotices, type Column, type Placeable } from '../catalogue/columns.ts';
import { normativeSlicePath, normativeSlices, type NormativeItem } from '../catalogue/normative-list.ts';
import type { Taxonomy } from '../notice/taxonomy.ts';

/** A link as written in a body, with its line in the source file. */
export interface LinkRef {
  url: string;
  line: number;
}

/** Where a link on this site leads. */
export type LinkTarget =
  /** A page or file of the built site: `/xxgk/…/`, `/zhinan/`, `/rss.xml`. */
  | { kind: 'page'; path: string }
  /** A file in the content's attachments/ folder, path relative to it: `2024/a.pdf`. */
  | { kind: 'attachment'; path: string }
  /** Another notice's source file, path relative to the content folder: `notices/2024/a.md`. */
  | { kind: 'notice-file'; path: string }
  /**
   * Any other relative path (`图1.png`, `../表格.xlsx`): on the published page it would resolve
   * beside /xxgk/<索引号>/, where the build puts nothing, so it never exists.
   */
  | { kind: 'unplaced'; path: string };

/** Everything the site will publish, as far as links are concerned. */
export interface SiteInventory {
  /** URL segments of the notices: 索引号 with "/" → "-". */
  noticeSlugs: ReadonlySet<string>;
  /** Notice source files, relative to the content folder → the notice's URL segment, if known. */
  noticeFiles: ReadonlyMap<string, string | undefined>;
  /** Files under attachments/, relative to it. */
  attachments: { has(path: string): boolean };
  /** Codes of the 外链提示 pages (/waibu/<code>/). */
  externalLinkCodes: ReadonlySet<string>;
  /**
   * The paged lists (/mulu/…, /fading/<栏目>/…, /guifan/…, /jiedu/…); a function, so they are
   * worked out only when some link needs them.
   */
  cataloguePaths: () => ReadonlySet<string>;
}

/** What the paged lists need of a notice. */
export type ListedItem = CatalogueItem & Placeable & NormativeItem;

/** URL prefixes of the paged lists, whose pages `cataloguePaths` lists. */
const LIST_PREFIXES = [paths.catalogue, paths.columns, paths.normative, paths.interpretations];

/**
 * Every page of the paged lists the build writes, page 2 on at …/2/: the 目录 and each
 * narrowing; each 栏目 (even an empty one: its page says so); the 规范性文件 and their
 * narrowings; the 政策解读.
 */
export function cataloguePaths(
  notices: readonly ListedItem[],
  taxonomy: Taxonomy,
  columns: readonly Column[] = [],
): Set<string> {
  const found = new Set<string>([paths.catalogue]);
  const paged = (listPath: string, count: number) => {
    found.add(listPath);
    for (let page = 2; page <= Math.ceil(count / PAGE_SIZE); page++) found.add(`${listPath}${page}/`);
  };
  paged(paths.catalogue, notices.length);
  for (const slice of catalogueSlices(notices, taxonomy))
    paged(paths.catalogueSlice(slice.kind, slice.facet.code), slice.items.length);
  // The 法定主动公开内容, 规范性文件 and 政策解读 lists (src/site/pages/fading, guifan, jiedu).
  for (const [code, placed] of placeNotices(notices, columns)) paged(paths.column(code), placed.length);
  const normative = notices.filter((n) => n.normative);
  paged(paths.normative, normative.length);
  for (const slice of normativeSlices(normative))
    paged(normativeSlicePath(slice.kind, slice.facet.code), slice.items.length);
  paged(paths.interpretations, notices.filter((n) => n.interprets).length);
  return found;
}

const ATTACHMENTS = paths.attachment('');
const HTML_LINK = /<(?:a\s[^>]*?\bhref|img\s[^>]*?\bsrc)\s*=\s*["']?([^"'\s>]+)/gi;

/**
 * Every link and image in a body, with its line in the source file (`bodyLine` is the body's
 * first line): Markdown links, images and reference definitions, `<a href>` and `<img src>`.
 */
export function bodyLinks(markdown: string, bodyLine: number): LinkRef[] {
  const found: LinkRef[] = [];
  const lineOf = (node: { position?: { start: { line: number } } }) => bodyLine + (node.position?.start.line ?? 1) - 1;
  eachNode(parseBody(markdown), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition')
      found.push({ url: node.url, line: lineOf(node) });
    if (node.type !== 'html') return;
    for (const match of node.value.matchAll(HTML_LINK)) {
      found.push({ url: match[1]!, line: lineOf(node) + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0) });
    }
  });
  return found;
}

/**
 * Where a link leads when it stays on this site, or undefined for links to other sites, mail,
 * phone and in-page anchors.
 * `fromFile` is the linking file, relative to the content folder (relative links start there);
 * `attachments/…` means the content's attachments folder from any file, as editors write it.
 */
export function linkTarget(url: string, fromFile: string, siteUrl?: string): LinkTarget | undefined {
  let link = url.trim();
  if (link === '' || link.startsWith('#')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(link)) {
    // An absolute address on the site's own 网址 is a page of this site.
    if (!siteUrl || isForeignUrl(link, siteUrl) || !/^(https?:)?\/\//i.test(link)) return undefined;
    const own = new URL(siteUrl);
    const target = new URL(link, own);
    const root = own.pathname.endsWith('/') ? own.pathname : `${own.pathname}/`;
    if (!`${target.pathname}/`.startsWith(root)) return undefined;
    link = `/${target.pathname.slice(root.length)}`;
  }
  const path = decode(link.split(/[?#]/)[0]!);
  if (path === '') return undefined;
  if (path.startsWith(ATTACHMENTS)) return { kind: 'attachment', path: path.slice(ATTACHMENTS.length) };
  if (path.startsWith('/')) return { kind: 'page', path };
  const relative = path.replace(/^(\.\/)+/, '');
  if (relative.startsWith('attachments/')) return { kind: 'attachment', path: relative.slice('attachments/'.length) };
  const resolved = posix.normalize(posix.join(posix.dirname(fromFile), relative));
  if (resolved.startsWith('attachments/')) return { kind: 'attachment', path: resolved.slice('attachments/'.length) };
  if (/\.mdx?$/i.test(resolved)) return { kind: 'notice-file', path: resolved };
  return { kind: 'unplaced', path: relative };
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** True when the built site will have something at `target`. */
export function targetExists(target: LinkTarget, site: SiteInventory): boolean {
  if (target.kind === 'attachment') return site.attachments.has(target.path);
  if (target.kind === 'notice-file') return site.noticeFiles.has(target.path);
  if (target.kind === 'unplaced') return false;
  // Static hosts serve /zhinan for /zhinan/ and /zhinan/index.html: the page is the same.
  let path = target.path.replace(/\/index\.html$/, '/');
  if (!path.endsWith('/') && !/\.[^/]*$/.test(path)) path += '/';
  if ((FIXED_PATHS as readonly string[]).includes(path)) return true;
  if (GENERATED_PREFIXES.some((prefix) => path.startsWith(prefix))) return true;
  const notice = /^\/xxgk\/([^/]+)\/$/.exec(path);
  if (notice) return site.noticeSlugs.has(notice[1]!);
  const external = /^\/waibu\/([^/]+)\/$/.exec(path);
  if (external) return site.externalLinkCodes.has(external[1]!);
  return LIST_PREFIXES.some((prefix) => path.startsWith(prefix)) && site.cataloguePaths().has(path);
}

const NOTICE_URL_HINT = '信息页面的网址是 /xxgk/索引号/（索引号中的“/”换成“-”）';

function deadLinkText(url: string, target: LinkTarget): { message: string; fix: string } {
  switch (target.kind) {
    case 'attachment':
      return {
        message: `链接 ${url} 指向的附件 attachments/${target.path} 不存在`,
        fix: '把文件放进 attachments 文件夹，或改正路径（区分大小写，相对于 attachments）',
      };
    case 'notice-file':
      return {
        message: `链接 ${url} 指向的公文文件 ${target.path} 不存在`,
        fix: `核对文件名和路径；链接其他公文最好用它的页面网址，${NOTICE_URL_HINT}`,
      };
    case 'unplaced':
      return {
        message: `链接 ${url} 是相对路径，网站上这个位置没有文件（图片和附件只从 attachments 文件夹发布）`,
        fix: '把文件放进 attachments 文件夹，写成 attachments/文件名；链接本站页面请写 / 开头的网址，例如 /xxgk/索引号/',
      };
    case 'page':
      return target.path.startsWith('/xxgk/')
        ? {
            message: `链接 ${url} 指向的信息页面不存在：没有哪篇公文的索引号与之对应`,
            fix: `核对索引号；${NOTICE_URL_HINT}`,
          }
        : {
            message: `链接 ${url} 指向本站不存在的页面（网站检查中“链接不可用”是扣分项）`,
            fix: '改为本站存在的网址（/、/mulu/、/zhinan/、/sousuo/、/xxgk/索引号/、/attachments/文件 等，见 docs/urls-and-data.md“网址”一节），或删去链接',
          };
  }
}

/** An error for each link in `links` that points inside the site at nothing. */
export function deadLinkProblems(
  file: string,
  links: readonly LinkRef[],
  site: SiteInventory,
  siteUrl?: string,
): Problem[] {
  return links.flatMap(({ url, line }) => {
    const target = linkTarget(url, file, siteUrl);
    if (!target) return [];
    const problem = { file, line, field: '正文', severity: 'error' as const, kind: 'dead-link' };
    if (!targetExists(target, site)) return [{ ...problem, ...deadLinkText(url.trim(), target) }];
    // The file exists, but the published page has no such file: readers need the notice's URL.
    if (target.kind === 'notice-file') {
      const slug = site.noticeFiles.get(target.path);
      return [
        {
          ...problem,
          message: `链接 ${url.trim()} 写的是公文的源文件 ${target.path}，网站上没有这个文件，读者点开会找不到页面`,
          fix: slug ? `改为该公文的网址 /xxgk/${slug}/` : `改为该公文的网址：${NOTICE_URL_HINT}`,
        },
      ];
    }
    return [];
  });
}
