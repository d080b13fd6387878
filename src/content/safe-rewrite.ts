/**
 * Rewriting an editor's file so that it can never be lost: the original bytes are copied to a
 * backup first, the new bytes are written beside the file and renamed over it (a crash leaves
 * the old file or the new one, never half of either), and the result is read back.
 */
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** The folder, beside the content folder, that holds every `check --fix` run's originals. */
export const BACKUP_FOLDER = '.gongkai-fix-backup';

export interface BackupRun {
  /** Copies `bytes` (file `file` of the content folder, "/"-separated) and returns the copy's path. */
  save(file: string, bytes: Uint8Array): Promise<string>;
}

/**
 * One run's backups, in `<parent of content>/.gongkai-fix-backup/<YYYYMMDD-HHMMSS>/<path in content>`.
 * Beside the content folder, not in it: there the build would publish the copies and check
 * would read their notices. Not in node_modules, which npm deletes on a reinstall. On the same
 * disk, where the editor looks first. The run folder is only made when a file is changed.
 */
export function backupRun(contentDir: string, now: Date): BackupRun {
  const content = resolve(contentDir);
  const root = join(dirname(content), BACKUP_FOLDER);
  let run: Promise<string> | undefined;
  return {
    async save(file, bytes) {
      if (!relative(content, root).startsWith('..')) throw new Error('内容文件夹是磁盘的根目录，无法在它旁边放备份');
      run ??= makeRunFolder(root, timestamp(now));
      const copy = join(await run, ...file.split('/'));
      await mkdir(dirname(copy), { recursive: true });
      await writeFile(copy, bytes, { flag: 'wx' });
      if (!Buffer.from(await readFile(copy)).equals(bytes)) throw new Error(`备份 ${copy} 读回的内容与原文件不同`);
      return copy;
    },
  };
}

/** A fresh folder: a second run in the same second gets `-2`, so no backup is ever overwritten. */
async function makeRunFolder(root: string, name: string): Promise<string> {
  await mkdir(root, { recursive: true });
  for (let n = 1; ; n += 1) {
    const folder = join(root, n === 1 ? name : `${name}-${n}`);
    try {
      await mkdir(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** `YYYYMMDD-HHMMSS` in the computer's own time, as the editor reads the clock. */
function timestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

/**
 * Replaces `path` by `data` in one step: a temporary file in the same folder (a rename is only
 * atomic within one file system), flushed to disk, renamed over the original, keeping its mode.
 */
export async function replaceFile(path: string, data: Uint8Array): Promise<void> {
  const { mode } = await stat(path);
  const temp = join(dirname(path), `.${basename(path)}.gongkai-fix-${process.pid}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode & 0o777);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A file-system error in words an editor can act on. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') return '没有写入权限，或文件正被其他程序（如 Word、WPS、杀毒软件）占用';
  if (code === 'ENOSPC') return '磁盘空间已满';
  if (code === 'EROFS') return '磁盘是只读的';
  return error instanceof Error ? error.message : String(error);
}
