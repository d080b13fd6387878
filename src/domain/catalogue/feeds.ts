// Hand-written, not @astrojs/rss: that is async, needs 网址 (no site-relative fallback) and sets guid = link.
// Hand-written, not @astrojs/sitemap: that writes sitemap-index.xml + sitemap-0.xml, and /sitemap.xml is a contract.
/**
 * RSS 2.0 of the latest notices and sitemap.xml. Both need absolute URLs: with site.yaml's 网址
 * they are complete; without it the feed falls back to site-relative links and the sitemap is
 * empty (`check` warns about the missing 网址).
 */
import type { Notice } from '../../content/content-check.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { paths, publicUrl, withBase } from '../site/site-paths.ts';

export const FEED_SIZE = 50;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 822 date at 00:00 China Standard Time, as RSS readers expect. */
function rfc822(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toUTCString();
}

export function rssFeed(site: SiteConfig, newest: readonly Notice[], base: string): string {
  const url = (path: string) => publicUrl(site.url, path) ?? withBase(base, path);
  const items = newest
    .slice(0, FEED_SIZE)
    .map((n) =>
      [
        '<item>',
        `<title>${escapeXml(n.title)}</title>`,
        `<link>${escapeXml(url(paths.notice(n.indexNumber)))}</link>`,
        `<guid isPermaLink="false">${escapeXml(n.indexNumber)}</guid>`,
        `<pubDate>${rfc822(n.publishedOn)}</pubDate>`,
        `<category>${escapeXml(n.category)}</category>`,
        `<description>${escapeXml([n.docNumber, n.lead].filter(Boolean).join(' '))}</description>`,
        '</item>',
      ].join(''),
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    `<title>${escapeXml(`${site.name}政府信息公开`)}</title>`,
    `<link>${escapeXml(url(paths.home))}</link>`,
    `<description>${escapeXml(`${site.name}最新公开的政府信息`)}</description>`,
    '<language>zh-CN</language>',
    ...(newest[0] ? [`<lastBuildDate>${rfc822(newest[0].publishedOn)}</lastBuildDate>`] : []),
    ...items,
    '</channel></rss>',
  ].join('\n');
}

export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

export function sitemapXml(site: SiteConfig, entries: readonly SitemapEntry[]): string {
  const urls = site.url
    ? entries.map(
        (e) =>
          `<url><loc>${escapeXml(publicUrl(site.url, e.path)!)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
      )
    : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
  ].join('\n');
}
