/** /data/catalogue.json: the whole catalogue as open data (fields documented in docs/urls-and-data.md). */
import type { APIRoute } from 'astro';
import { siteContent } from '../../render/context.ts';
import { catalogueJson, exportNotices } from '../../../domain/catalogue/catalogue-export.ts';

export const GET: APIRoute = async () => {
  const { site, newest } = await siteContent();
  return new Response(catalogueJson(exportNotices(newest, site, import.meta.env.BASE_URL), site), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
