/** /yishenqing/shenqingbiao.docx: the 申请表 as a Word file, from the same form as the printable page. */
import type { APIRoute } from 'astro';
import { siteContent } from '../../render/context.ts';
import { applicationForm } from '../../../domain/apply/application-form.ts';
import { applicationFormDocx, DOCX_CONTENT_TYPE } from '../../../domain/apply/application-form-docx.ts';

export const GET: APIRoute = async () => {
  const { site } = await siteContent();
  return new Response(await applicationFormDocx(applicationForm(site)), {
    headers: { 'content-type': DOCX_CONTENT_TYPE },
  });
};
