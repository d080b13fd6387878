/**
 * Peak resident memory of a process and all its children (Pagefind runs as a separate
 * binary), sampled from /proc on Linux. Used by `npm run bench` only.
 */
import { readFileSync, readdirSync } from 'node:fs';

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of `pid` itself and of its descendants (Pagefind), in bytes. */
export interface TreeRss {
  total: number;
  own: number;
}

export function treeRss(pid: number): TreeRss {
  const own = rssBytes(pid);
  let total = own;
  const queue = children(pid);
  for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
    total += rssBytes(p);
    queue.push(...children(p));
  }
  return { total, own };
}
