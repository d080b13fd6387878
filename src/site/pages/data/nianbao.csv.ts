/** /data/nianbao.csv: the 年度报告 figures of /nianbao/ as a spreadsheet. */
import type { APIRoute } from 'astro';
import { siteContent } from '../../render/context.ts';
import { annualFigures } from '../../../domain/catalogue/annual-figures.ts';
import { annualFiguresCsv } from '../../../domain/catalogue/annual-figures-csv.ts';

export const GET: APIRoute = async () => {
  const { notices } = await siteContent();
  return new Response(annualFiguresCsv(annualFigures(notices)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
};
