/**
 * Attachments of imported pages: which links are attachments, and where each file goes in the
 * content folder (`attachments/<year>/<name>`). A name already taken by another file gets -2,
 * -3 …; the same source file linked from several pages is copied once; a file already in the
 * folder with the same bytes is used as it is, so importing again copies nothing twice.
 */
import { copyFile, constants, lstat, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extensionOf } from '../domain/notice/attachments.ts';

/** Link targets the importer treats as attachments (the documents offices publish), all publishable types. */
export const DOCUMENT_EXTENSIONS = new Set([
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
  'zip',
  'rar',
  '7z',
]);
export const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp']);

/** The extension of a link's path (query and fragment aside), lower-cased. */
export function linkExtension(href: string): string {
  const path = href.split(/[?#]/)[0]!;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    /* keep it as written */
  }
  return extensionOf(decoded.replace(/\\/g, '/'));
}

/** A file name safe on every system and on the site: no separators, controls or leading dots. */
export function safeFileName(name: string, extension: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    /* a name with a stray % stays as it is */
  }
  const stem = decoded
    .replace(/\.[^.]*$/, '')
    .replace(/[\u0000-\u001f\u007f\\/:*?"<>|#%\s\u202a-\u202e\u2066-\u2069]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${stem || 'fujian'}.${extension}`;
}

export interface PlacedFile {
  /** Path under the content's attachments/: `2010/a.pdf`. */
  path: string;
  source: string;
  /** False when the same bytes are already there. */
  copy: boolean;
}

export class AttachmentPlacer {
  private readonly onDisk: ReadonlyMap<string, number>;
  private readonly bySource = new Map<string, PlacedFile>();
  private readonly taken = new Set<string>();

  /** `onDisk`: the content folder's attachments (path under attachments/ → size). */
  constructor(onDisk: ReadonlyMap<string, number>) {
    this.onDisk = onDisk;
    for (const path of onDisk.keys()) this.taken.add(path.toLowerCase());
  }

  /** Where `source` (size `size`, a file in the mirror) goes for a notice of `year`. */
  place(source: string, size: number, year: number, extension: string, contentDir: string): PlacedFile {
    const known = this.bySource.get(source);
    if (known) return known;
    const name = safeFileName(basename(source).replace(/\?.*$/, ''), extension);
    const dot = name.lastIndexOf('.');
    for (let n = 1; ; n++) {
      const path = `${year}/${n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`}`;
      const same = this.onDisk.get(path) === size && sameBytes(join(contentDir, 'attachments', path), source);
      if (this.taken.has(path.toLowerCase()) && !same) continue;
      const placed = { path, source, copy: !same };
      this.taken.add(path.toLowerCase());
      this.bySource.set(source, placed);
      return placed;
    }
  }
}

function sameBytes(a: string, b: string): boolean {
  try {
    return Buffer.compare(readFileSync(a), readFileSync(b)) === 0;
  } catch {
    return false;
  }
}

/** Copy a placed file into the content folder; never over an existing file. */
export async function copyPlaced(contentDir: string, placed: PlacedFile): Promise<void> {
  if (!placed.copy) return;
  const target = join(contentDir, 'attachments', placed.path);
  await mkdir(join(target, '..'), { recursive: true });
  try {
    await copyFile(placed.source, target, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    // Something appeared under this name meanwhile (or a link that check would refuse): kept, and said.
    const existing = await lstat(target);
    if (!existing.isFile() || !sameBytes(target, placed.source))
      throw new Error(`attachments/${placed.path} 已存在（内容不同或不是普通文件），没有覆盖`, { cause: error });
  }
  placed.copy = false;
}
