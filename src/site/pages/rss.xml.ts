/** /rss.xml: the latest notices as RSS 2.0. */
import type { APIRoute } from 'astro';
import { siteContent } from '../render/context.ts';
import { rssFeed } from '../../domain/catalogue/feeds.ts';

export const GET: APIRoute = async () => {
  const { site, newest } = await siteContent();
  return new Response(rssFeed(site, newest, import.meta.env.BASE_URL), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
};
