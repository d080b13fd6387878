/** /data/catalogue.csv: the same as catalogue.json, as a spreadsheet (UTF-8 with BOM for Excel). */
import type { APIRoute } from 'astro';
import { siteContent } from '../../render/context.ts';
import { catalogueCsv, exportNotices } from '../../../domain/catalogue/catalogue-export.ts';

export const GET: APIRoute = async () => {
  const { site, newest } = await siteContent();
  return new Response(catalogueCsv(exportNotices(newest, site, import.meta.env.BASE_URL)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
};
