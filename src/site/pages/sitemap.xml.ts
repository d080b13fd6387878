/** /sitemap.xml: the site's main pages and every notice, with the notice's 发布日期 as lastmod. */
import type { APIRoute } from 'astro';
import { siteContent } from '../render/context.ts';
import { sitemapXml } from '../../domain/catalogue/feeds.ts';
import { paths } from '../../domain/site/site-paths.ts';

export const GET: APIRoute = async () => {
  const { site, newest } = await siteContent();
  const entries = [
    { path: paths.home, lastmod: newest[0]?.publishedOn },
    { path: paths.catalogue, lastmod: newest[0]?.publishedOn },
    { path: paths.guide },
    { path: paths.annualFigures },
    // 依申请公开 and its printable 申请表.
    { path: paths.apply },
    { path: paths.applicationForm },
    { path: paths.rules },
    { path: paths.organ },
    ...newest.map((n) => ({ path: paths.notice(n.indexNumber), lastmod: n.publishedOn })),
  ];
  return new Response(sitemapXml(site, entries), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
