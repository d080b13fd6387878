/**
 * The body and attachments of a page being imported: links and images resolved in the mirror,
 * the metadata block and page furniture removed, tables prepared, the main text extracted as
 * Markdown. Files are placed (given their path under attachments/) here and copied when the
 * notice is written.
 */
import type { Attachment } from '../domain/notice/fields.ts';
import { yearOf } from '../domain/notice/calendar-date.ts';
import type { AttachmentPlacer, PlacedFile } from './attachments.ts';
import { extractBody } from './body-to-markdown.ts';
import type { Mirror } from './mirror.ts';
import { removeFurniture } from './page-furniture.ts';
import { prepareLinks } from './page-links.ts';
import { prepareTables } from './tables.ts';
import type { ReadPage } from './read-page.ts';
import { basename } from 'node:path';

export interface PageBody {
  markdown: string;
  attachments: Attachment[];
  /** Files to copy into the content folder with the notice. */
  files: PlacedFile[];
  notes: string[];
}

/** Written when a page's body is empty but it has attachments: the text is in them. */
const BODY_IN_ATTACHMENTS = '正文见附件。';

export function pageBody(
  page: ReadPage,
  pageFile: string,
  context: { mirror: Mirror; placer: AttachmentPlacer; contentDir: string },
): PageBody {
  const { document } = page;
  const links = prepareLinks(document, pageFile, context.mirror);
  for (const block of page.metadata.blocks) block.remove();
  removeFurniture(document);
  prepareTables(document);

  const year = yearOf(page.publishedOn);
  const placed = new Map<string, PlacedFile>();
  const place = (token: string) => {
    const file = links.files.get(token);
    if (!file) return undefined;
    let done = placed.get(token);
    if (!done) {
      done = context.placer.place(file.file, file.size, year, file.extension, context.contentDir);
      placed.set(token, done);
    }
    return `/attachments/${done.path}`;
  };
  const docNumber = page.fields['文号'];
  const body = extractBody(document, {
    repeated: [page.title, ...(typeof docNumber === 'string' ? [docNumber] : [])],
    placeOf: place,
  });

  const attachments: Attachment[] = [];
  for (const [token, file] of links.files) {
    if (file.kind !== 'attachment' || !(body.tokens.has(token) || links.listed.has(token))) continue;
    place(token);
    const path = placed.get(token)!.path;
    if (attachments.some((a) => a.file === path)) continue;
    attachments.push({ name: file.text || basename(path), file: path });
  }

  const notes = [...links.notes];
  if (body.signedOn && page.fields['成文日期'] === undefined && body.signedOn <= page.publishedOn) {
    page.fields['成文日期'] = body.signedOn;
    page.missing = page.missing.filter((key) => key !== '成文日期');
    notes.push(`成文日期 ${body.signedOn} 取自正文落款`);
  }
  let markdown = body.markdown;
  if (!markdown.trim() && attachments.length) {
    markdown = `${BODY_IN_ATTACHMENTS}\n`;
    notes.push(`原页面正文为空，正文写为“${BODY_IN_ATTACHMENTS}”`);
  }
  return { markdown, attachments, files: [...placed.values()], notes };
}
