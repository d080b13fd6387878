/**
 * Copies into the new site the attachments `check` chose to publish (content-check.ts: used by
 * a notice or the 指南, of an allowed type), and nothing else from the attachments folder.
 */
import { copyFile, lstat, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export async function publishAttachments(
  contentDir: string,
  published: ReadonlyMap<string, number>,
  siteDir: string,
): Promise<void> {
  for (const path of published.keys()) {
    const source = join(contentDir, 'attachments', path);
    // Checked when the folder was read; checked again in case the file was swapped for a link since.
    if (!(await lstat(source)).isFile())
      throw new Error(
        `附件 attachments/${path} 在检查之后变成了符号链接或特殊文件，没有发布。请放入文件本身后再生成。`,
      );
    const target = join(siteDir, 'attachments', path);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
  }
}
