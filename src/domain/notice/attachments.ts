/**
 * Which files of the content's attachments/ folder the site publishes: exactly those a notice
 * or the 指南 uses (its 附件 list, or a link or image in its body), of a document or image type.
 * Anything else in the folder — a file no notice mentions, a `.git` or `.env`, Office's `~$`
 * lock files — stays on the office's computer.
 *
 * `.html`, `.svg`, `.xml`, `.js` and the like are refused even when a notice uses them: opened
 * from the site they would run script with the site's own rights (rewrite its pages in readers'
 * offline copies, for one). Serving them as downloads would need headers that static hosts and
 * object storage do not all send; a PDF of the same document is what readers expect anyway.
 */
import type { Problem } from '../problems.ts';

/** File types an attachment may have: documents, archives, images, audio and video. */
export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'ofd',
  'doc',
  'docx',
  'wps',
  'xls',
  'xlsx',
  'et',
  'ppt',
  'pptx',
  'dps',
  'odt',
  'ods',
  'odp',
  'rtf',
  'txt',
  'csv',
  'zip',
  'rar',
  '7z',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'bmp',
  'mp3',
  'mp4',
] as const;

const ALLOWED = new Set<string>(ATTACHMENT_EXTENSIONS);

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
}

export function isAllowedAttachment(path: string): boolean {
  return ALLOWED.has(extensionOf(path));
}

/**
 * An attachment path as editors write it in 附件 (`2024/a.pdf`, `./attachments/2024/a.pdf`,
 * `2024\a.pdf`) → the path under attachments/ (`2024/a.pdf`). `..` segments are kept, so that
 * the existence check refuses them.
 */
export function attachmentPath(written: string): string {
  return written
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.?\/+/, '')
    .replace(/^attachments\//, '');
}

/** One use of an attachment: the file that uses it, where, and the attachment's path. */
export interface AttachmentUse {
  file: string;
  line: number;
  /** `附件` (the frontmatter list) or `正文` (a link or image in the body). */
  field: string;
  path: string;
}

/**
 * The attachments to publish (path → size in bytes), with an error for each use of a file type
 * that may not be published and a warning for each file nobody uses. Uses of files that do not
 * exist are reported elsewhere (missing attachments, dead links).
 */
export function publishedAttachments(
  onDisk: ReadonlyMap<string, number>,
  uses: readonly AttachmentUse[],
): { published: Map<string, number>; problems: Problem[] } {
  const problems: Problem[] = [];
  const published = new Map<string, number>();
  for (const use of uses) {
    const size = onDisk.get(use.path);
    // Missing files and paths out of the folder are errors of their own (missing attachments).
    if (size === undefined || use.path.split('/').includes('..')) continue;
    if (isAllowedAttachment(use.path)) {
      published.set(use.path, size);
      continue;
    }
    problems.push({
      file: use.file,
      line: use.line,
      field: use.field,
      severity: 'error',
      kind: 'attachment-type',
      message: `附件 attachments/${use.path} 是 .${extensionOf(use.path) || '（无扩展名）'} 文件，不能发布：网页、SVG、脚本等文件在本站打开时可以运行程序`,
      fix: `请另存为 PDF 等文档格式后再作为附件（可发布的类型：${ATTACHMENT_EXTENSIONS.join('、')}）`,
    });
  }
  const used = new Set(uses.map((u) => u.path));
  for (const path of onDisk.keys()) {
    if (used.has(path)) continue;
    problems.push({
      file: `attachments/${path}`,
      field: '文件',
      severity: 'warning',
      kind: 'unused-attachment',
      message: '没有哪篇公文或指南用到这个附件，它不会发布',
      fix: '在公文的“附件”字段中列出它，或在正文中链接它；不需要的文件可以删除',
    });
  }
  return { published, problems };
}
