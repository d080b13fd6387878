/**
 * One build at a time per OUT: two builds swapping into one folder would each publish a site
 * and leave a mix of both. The lock is a file beside OUT (`.OUT.lock`), created with 'wx' so
 * that of two builds starting together exactly one gets it, and holding who took it. A lock
 * whose process is gone (killed, the machine switched off) is taken over; a lock from another
 * computer (OUT on a shared drive) cannot be checked, so that build is refused with the file
 * to delete.
 */
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { chinaTimeParts } from '../../domain/text/china-time.ts';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the build started. */
  startedAt: string;
  /** Tells this build's lock from a later one with the same pid (after a restart). */
  token: string;
}

export interface OutLock {
  owner: LockOwner;
  /** Removes the lock if it is still this build's. Safe to call more than once. */
  release(): void;
}

export type LockAttempt = { ok: true; lock: OutLock; tookOverFrom?: LockOwner } | { ok: false; error: string };

export const lockPath = (out: string): string => join(dirname(out), `.${basename(out)}.lock`);

/** A lock being written is empty for a moment; only one this old with no owner is abandoned. */
const UNWRITTEN_LOCK_MS = 10_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function takeOutLock(out: string): LockAttempt {
  const file = lockPath(out);
  let tookOverFrom: LockOwner | undefined;
  // Each pass either takes the lock, refuses, or removes one abandoned lock and tries again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const owner: LockOwner = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      token: randomUUID(),
    };
    if (createLockFile(file, owner)) return { ok: true, lock: holdLock(file, owner), tookOverFrom };
    const found = readOwner(file);
    if (found === 'gone') continue;
    if (!isAbandoned(file, found)) return { ok: false, error: busyMessage(out, file, found) };
    const removed = removeAbandoned(file, found);
    if (removed === 'raced') return { ok: false, error: busyMessage(out, file, readOwner(file)) };
    if (found !== 'unreadable') tookOverFrom = found;
  }
  return { ok: false, error: busyMessage(out, file, readOwner(file)) };
}

/** What the build prints when it took over a lock left by a build that no longer runs. */
export function tookOverMessage(out: string, owner: LockOwner): string {
  return `上次输出到 ${out} 的生成命令（进程 ${owner.pid}，开始于 ${chinaTime(owner.startedAt)}）已不在运行，它留下的锁已由这次生成接管。`;
}

function createLockFile(file: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(
      `无法在 ${dirname(file)} 建立锁文件 ${basename(file)}（${(error as NodeJS.ErrnoException).code ?? error}）。请确认对这个文件夹有写入权限，或换一个 --out 文件夹。`,
      { cause: error },
    );
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(file: string): LockOwner | 'unreadable' | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof owner.pid === 'number' &&
      typeof owner.host === 'string' &&
      typeof owner.startedAt === 'string' &&
      typeof owner.token === 'string'
    )
      return owner as LockOwner;
  } catch {
    // Empty or cut short: judged by its age below.
  }
  return 'unreadable';
}

function isAbandoned(file: string, owner: LockOwner | 'unreadable'): boolean {
  if (owner === 'unreadable') {
    const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age > UNWRITTEN_LOCK_MS;
  }
  if (owner.host !== hostname()) return false;
  // After a restart our own pid may be the one written there by a build that died before it.
  return owner.pid === process.pid || !processExists(owner.pid);
}

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Moves the abandoned lock out of the way by renaming it, which only one of two builds doing
 * this at once can do. Should the lock renamed turn out to be a live one, created by a build
 * that took over the same abandoned lock a moment earlier, it is put back.
 */
function removeAbandoned(file: string, abandoned: LockOwner | 'unreadable'): 'removed' | 'raced' {
  const aside = `${file}.stale-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    renameSync(file, aside);
  } catch {
    return 'removed'; // another build moved it first: try again from the start
  }
  const moved = readOwner(aside);
  const same =
    abandoned === 'unreadable'
      ? moved === 'unreadable'
      : moved !== 'gone' && moved !== 'unreadable' && moved.token === abandoned.token;
  if (!same) {
    try {
      linkSync(aside, file);
    } catch {
      // Another lock is there by now: the build that holds it goes on.
    }
    unlinkSync(aside);
    return 'raced';
  }
  unlinkSync(aside);
  return 'removed';
}

function holdLock(file: string, owner: LockOwner): OutLock {
  const release = (): void => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('exit', release);
    const current = readOwner(file);
    if (current !== 'gone' && current !== 'unreadable' && current.token === owner.token) rmSync(file, { force: true });
  };
  // Ctrl+C or a service stop: release the lock, then end as the signal would have.
  function onSignal(signal: NodeJS.Signals): void {
    release();
    process.kill(process.pid, signal);
  }
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', release);
  return { owner, release };
}

function busyMessage(out: string, file: string, owner: LockOwner | 'unreadable' | 'gone'): string {
  const who =
    typeof owner === 'string'
      ? ''
      : `（${owner.host === hostname() ? '' : `计算机 ${owner.host} 上的`}进程 ${owner.pid}，开始于 ${chinaTime(owner.startedAt)}）`;
  return `另一个生成命令${who}正在输出到 ${out}，请等它完成后再运行。如果确定没有别的生成命令在运行，可删除锁文件 ${file} 后再运行。`;
}

/** `2026-12-02 20:13:05`, China time, whatever the computer's time zone. */
function chinaTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = chinaTimeParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
