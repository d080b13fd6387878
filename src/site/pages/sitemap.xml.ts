/** /sitemap.xml: the site's main pages and every notice, with the notice's 发布日期 as lastmod. */
import type { APIRoute } from 'astro';
import { siteContent } from '../render/context.ts';
import { sitemapXml } from '../../domain/catalogue/feeds.ts';
import { paths } from '../../domain/site/site-paths.ts';

export const GET: APIRoute = async () => {
  const { site, newest, normative, columnNotices } = await siteContent();
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
    // The lists of 法定主动公开内容, 规范性文件 and 政策解读; each changes when its newest entry does.
    { path: paths.columns, lastmod: newest[0]?.publishedOn },
    { path: paths.normative, lastmod: normative[0]?.publishedOn },
    { path: paths.interpretations, lastmod: newest.find((n) => n.interprets)?.publishedOn },
    ...site.columns.map((c) => ({ path: paths.column(c.code), lastmod: columnNotices.get(c.code)?.[0]?.publishedOn })),
    ...newest.map((n) => ({ path: paths.notice(n.indexNumber), lastmod: n.publishedOn })),
  ];
  return new Response(sitemapXml(site, entries), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
