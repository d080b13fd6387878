/**
 * Copying the build's many small files as hard links: pages reused from the previous build,
 * search shards to and from the shard cache. The build only ever replaces such files, never
 * edits them in place, so a link is as good as a copy. Synchronous on purpose: ten thousand
 * small calls take a fraction of a second this way, and seconds as awaited round trips.
 */
import { copyFileSync, linkSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { LinkReply, LinkRequest } from './hard-link-worker.ts';

/** `target` as a hard link to `source`; across file systems (or without links), a real copy. */
export function linkOrCopySync(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/** Links sent to the thread at a time: few messages, and the thread starts early. */
const BATCH = 256;

/**
 * Links made on a worker thread (hard-link-worker.ts) while this one goes on: the pages a
 * rebuild reuses are linked while Astro renders the others. Each page has a folder of its own,
 * and on a county site making ten thousand folders is a second or two of file-system time.
 * Call `finish` to wait for the links, or `close` to give up on them.
 */
export class BackgroundLinks {
  #worker: Worker | undefined;
  #batch: [string, string][] = [];

  /** Links `target` to `source` (making its folder), soon. */
  add(source: string, target: string): void {
    this.#batch.push([source, target]);
    if (this.#batch.length >= BATCH) this.#send();
  }

  /** Resolves once every link added is made; rejects with the first that could not be. */
  async finish(): Promise<void> {
    this.#send();
    const worker = this.#worker;
    if (!worker) return;
    const reply = await new Promise<LinkReply>((resolve, reject) => {
      worker.once('message', resolve).once('error', reject);
      worker.once('exit', (code) => reject(new Error(`复制页面的线程意外退出（代码 ${code}）`)));
      worker.postMessage({ type: 'finish' } satisfies LinkRequest);
    });
    await this.close();
    if (reply.failure) throw new Error(`复制上次生成的页面失败：${reply.failure}`);
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#batch = [];
    if (worker) {
      worker.removeAllListeners();
      await worker.terminate();
    }
  }

  #send(): void {
    if (this.#batch.length === 0) return;
    this.#worker ??= new Worker(new URL('./hard-link-worker.ts', import.meta.url));
    this.#worker.postMessage({ type: 'link', pairs: this.#batch } satisfies LinkRequest);
    this.#batch = [];
  }
}
