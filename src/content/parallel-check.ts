/**
 * `check` on every core. Reading, parsing and checking each notice file is most of the time of
 * a big check (10,000 notices: about 15 s on one core) and every file is checked on its own, so
 * the files are shared out to worker threads; the rules across files then run once on all the
 * results (content-check.ts). Small folders are checked in-process: starting a thread costs
 * more than it saves.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { readContentFolder } from './content-folder.ts';
import { checkContent, noticeFileChecker, parseSiteYaml, type CheckPurpose, type ContentFolder, type ContentReport, type NoticeFileResult } from './content-check.ts';
import type { CheckWorkerInput } from './check-worker.ts';
import { openCheckCache } from './check-cache.ts';

export interface ParallelCheckOptions {
  /** Threads to use, this one included: one per core by default. */
  threads?: number;
  /** Below this many notice files per thread, another thread does not pay for its start-up. */
  minFilesPerThread?: number;
  /** Reuse and keep the results of earlier checks (check-cache.ts). */
  cache?: boolean;
  /** `build` makes the problems that must not be published errors (content-check.ts BUILD_ERRORS). */
  purpose?: CheckPurpose;
}

/**
 * The same report as `loadContent(dir)`, worked out on several threads; with `cache`, files
 * unchanged since the last check are not checked again (check-cache.ts).
 */
export async function loadContentInParallel(dir: string, { threads = availableParallelism(), minFilesPerThread = 500, cache = false, purpose = 'check' }: ParallelCheckOptions = {}): Promise<ContentReport> {
  const folder = await readContentFolder(dir);
  const cached = cache ? await openCheckCache(folder.siteYaml) : undefined;
  const earlier = folder.notices.map(({ path, bytes }) => cached?.get(path, bytes));
  const toCheck = folder.notices.filter((_, i) => !earlier[i]);
  const checked = await checkFiles(folder.siteYaml, toCheck, Math.max(1, Math.min(threads, Math.floor(toCheck.length / minFilesPerThread))));
  let next = 0;
  const results = earlier.map((result) => result ?? checked[next++]!);
  // A cache that cannot be written (read-only or full disk) only makes the next check slower.
  await cached?.save(folder.notices.map((file, i) => ({ ...file, result: results[i]! }))).catch(() => {});
  return checkContent(folder, results, { purpose });
}

/** `noticeFileChecker`'s results for `files`, in order, on `threads` threads. */
async function checkFiles(siteYaml: Uint8Array | undefined, files: ContentFolder['notices'], threads: number): Promise<NoticeFileResult[]> {
  const shares = splitByBytes(files, threads);
  // This thread checks the first share while the workers check the others.
  const others = shares.slice(1).map((share) => inWorker({ siteYaml, files: share }));
  others.forEach((p) => p.catch(() => {})); // awaited below
  const checkFile = noticeFileChecker(siteYaml ? parseSiteYaml(siteYaml).site : undefined);
  const first = (shares[0] ?? []).map(({ path, bytes }) => checkFile(path, bytes));
  return [first, ...(await Promise.all(others))].flat();
}

/** `count` runs of consecutive files with about the same number of bytes each, in order. */
export function splitByBytes<T extends { bytes: Uint8Array }>(files: readonly T[], count: number): T[][] {
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  const shares: T[][] = [[]];
  let done = 0;
  for (const file of files) {
    if (done >= (total * shares.length) / count && shares.length < count) shares.push([]);
    shares.at(-1)!.push(file);
    done += file.bytes.byteLength;
  }
  return shares.filter((share) => share.length > 0);
}

function inWorker(input: CheckWorkerInput): Promise<NoticeFileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`检查内容的线程意外退出（代码 ${code}）`)));
  });
}

