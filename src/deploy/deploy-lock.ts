/**
 * Who holds a target's deploy lock, in words for the office. Both targets keep a lock on the
 * remote side (a folder on the server, an object in the bucket) naming the deploy that holds it,
 * so that a second deploy, from this computer or another, is refused with who and since when.
 * A lock left by a deploy that died is not cleared by age (a slow upload of many attachments
 * looks the same from outside as a dead one); the office clears it with --unlock.
 */
import { randomBytes } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { chinaTimeParts } from '../domain/text/china-time.ts';

export interface DeployOwner {
  /** The user on the computer the deploy runs on. */
  user: string;
  /** That computer's name. */
  host: string;
  pid: number;
  /** Run by a CI job rather than by a person. */
  ci: boolean;
}

export function deployOwner(env: NodeJS.ProcessEnv = process.env): DeployOwner {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // No entry for this uid (some containers): fall back to the environment.
  }
  return {
    user: user || env.USER || env.USERNAME || '?',
    host: hostname() || '?',
    pid: process.pid,
    ci: Boolean(env.CI && env.CI !== 'false'),
  };
}

/** Tells this deploy's lock from anyone else's; not a secret. */
export function lockToken(): string {
  return randomBytes(16).toString('hex');
}

/** The owner as text that passes through a remote shell unquoted (base64). */
export function encodeOwner(owner: DeployOwner): string {
  return Buffer.from(JSON.stringify(owner)).toString('base64');
}

export function decodeOwner(text: string | undefined): Partial<DeployOwner> | undefined {
  if (!text) return undefined;
  try {
    return ownerFrom(JSON.parse(Buffer.from(text, 'base64').toString('utf8')));
  } catch {
    return undefined;
  }
}

/** The owner fields of a parsed lock record, each only if it has the right type. */
export function ownerFrom(value: unknown): Partial<DeployOwner> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const owner: Partial<DeployOwner> = {};
  if (typeof record.user === 'string') owner.user = record.user.slice(0, 64);
  if (typeof record.host === 'string') owner.host = record.host.slice(0, 128);
  if (typeof record.pid === 'number') owner.pid = record.pid;
  if (typeof record.ci === 'boolean') owner.ci = record.ci;
  return owner;
}

/** `2026-12-03 10:15:00（北京时间）`. */
export function chinaTime(date: Date): string {
  const p = chinaTimeParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}（北京时间）`;
}

/** `deploy@pc-01 的部署（进程 1234），开始于 2026-12-03 10:15:00（北京时间）`. */
export function describeHolder(owner: Partial<DeployOwner> | undefined, since: Date | undefined): string {
  const who =
    owner?.user || owner?.host
      ? `${owner.ci ? '持续集成 ' : ''}${owner.user ?? '?'}@${owner.host ?? '?'} 的部署${owner.pid ? `（进程 ${owner.pid}）` : ''}`
      : '一个部署（锁里没有写明是谁，可能正在写入或已损坏）';
  return since && !Number.isNaN(since.getTime()) ? `${who}，开始于 ${chinaTime(since)}` : who;
}

/** Why this deploy did not go ahead, and how to clear a lock that a dead deploy left. */
export function lockedMessage(where: string, holder: string, lockName: string, unlockCommand: string): string {
  return (
    `${where}有另一个部署正在进行：${holder}。为防止两次部署交错，这次部署没有上传任何文件。请等它结束后再运行。` +
    `\n如果确认那次部署已经中断（电脑断电、断网、进程被强行结束），它留下的锁 ${lockName} 不会自动解除：` +
    `先运行 ${unlockCommand} 解除，再重新部署。`
  );
}
