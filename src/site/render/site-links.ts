/**
 * Where a link written in a body leads on the published site. Shared by the page renderer
 * (body-html.ts) and, for MDX notices compiled as code, Astro's Markdown plugins
 * (markdown-plugins.ts), so both place links alike.
 */
import { externalLinkCode, isForeignUrl } from '../../domain/body/body-links.ts';
import { paths, withBase } from '../../domain/site/site-paths.ts';

/**
 * Links inside the site, as editors write them (`/xxgk/…/`, `/attachments/a.pdf`,
 * `attachments/a.pdf`, `../../attachments/a.pdf`), point at the published files wherever the
 * site is deployed: root-relative paths get the `--base` prefix, and attachment paths relative
 * to the source file become the attachment's URL (a notice page lives at /xxgk/<索引号>/, not
 * beside its source file). `check` has already rejected links that lead nowhere.
 * Undefined when the URL stays as written.
 */
export function siteLinkUrl(url: string, base: string): string | undefined {
  const link = url.trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(link) || link === '') return undefined;
  if (link.startsWith('/')) return base === '/' ? undefined : withBase(base, link);
  const fromRoot = link.replace(/^(\.\.?\/)+/, '');
  return fromRoot.startsWith('attachments/') ? withBase(base, `/${fromRoot}`) : undefined;
}

/**
 * Links to other sites go through a 外链提示 page (/waibu/<code>/, "you are leaving this site")
 * that works without JavaScript; src/site/pages/waibu/[code].astro builds one per link.
 */
export function externalLinkNotice(
  url: string,
  { base, siteUrl }: { base: string; siteUrl?: string },
): { url: string; className: string[]; title: string } | undefined {
  if (!isForeignUrl(url, siteUrl)) return undefined;
  return {
    url: withBase(base, paths.externalLink(externalLinkCode(url))),
    className: ['external-link'],
    title: '外部链接，将离开本站',
  };
}

/**
 * Wide tables (工作任务 / 具体要求 / 落实单位 …) scroll sideways inside their own labelled region
 * on a phone instead of squashing the text or widening the page.
 */
export const TABLE_SCROLL = {
  className: 'table-scroll',
  role: 'region',
  tabindex: '0',
  'aria-label': '表格（可左右滑动查看）',
} as const;
