/**
 * The deploy lock on object storage: an object `<前缀>.gongkai-deploy-lock.json` naming the deploy
 * that holds it. Object storage has no mkdir-like atomic step that every vendor offers, so:
 *
 * 1. Read the lock; if someone holds it, refuse.
 * 2. Write it with every "do not overwrite" condition the vendors know: `If-None-Match: *`
 *    (S3, MinIO, Ceph), `x-oss-forbid-overwrite` (Aliyun OSS), `x-cos-forbid-overwrite` (Tencent
 *    COS). A store that honours one of them refuses the write when the lock exists.
 * 3. Write it once more, with the same conditions. A store that honours them refuses this second
 *    write (the lock is there: ours), which proves step 2 was exclusive: done.
 * 4. A store that ignores them took the second write too. Then the lock is only written, not
 *    won: wait SETTLE_MS and read it back. Whoever wrote last within that time holds it; the
 *    others back off without touching it. Two deploys cannot both go ahead as long as each one's
 *    steps 1–3 take less than MAX_WRITE_MS (measured here; a deploy slower than that gives up
 *    and asks to be run again) and the store reads back what was written (every one of these
 *    vendors promises read-after-write consistency).
 *
 * The lock is a hidden object, which the deploy never uploads from OUT and never deletes as
 * stale. In a public-read bucket anyone may read it while a deploy runs, so it holds nothing
 * but the user and computer name, the process id and a random token, and is sent with
 * `Cache-Control: no-store` so that no CDN keeps it.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import { setTimeout as sleep } from 'node:timers/promises';
import type { S3Target } from './deploy-config.ts';
import { DeployError } from './deploy-error.ts';
import { describeHolder, lockedMessage, ownerFrom, type DeployOwner } from './deploy-lock.ts';

export const LOCK_OBJECT = '.gongkai-deploy-lock.json';

/** Longest a deploy may take from reading the lock to its last write of it, on a store without conditions. */
export const MAX_WRITE_MS = 4000;
/** How long it then waits before reading the lock back: longer than anyone else's MAX_WRITE_MS. */
export const SETTLE_MS = 5000;

export interface HeldLock {
  token?: string;
  holder: string;
}

export interface S3Lock {
  /** Whether the store refused to overwrite the lock (step 3), so no wait was needed. */
  conditional: boolean;
  /** Deletes the lock if it is still this deploy's; never throws (says what to do instead). */
  release(): Promise<void>;
}

export interface LockContext {
  client: S3Client;
  target: S3Target;
  /** Ends pending requests; releasing the lock does not use it. */
  signal?: AbortSignal;
  unlockCommand: string;
  /** Turns a store's error into a DeployError for the office. */
  explain(error: unknown): Error;
  log(line: string): void;
}

const lockKey = (target: S3Target) => target.prefix + LOCK_OBJECT;

/**
 * The lock as the store has it now, or undefined when there is none. Not `interruptible` when
 * releasing the lock, which must still happen after Ctrl+C.
 */
export async function readS3Lock(context: LockContext, interruptible = true): Promise<HeldLock | undefined> {
  const { client, target } = context;
  const signal = interruptible ? context.signal : undefined;
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: lockKey(target) }), {
      abortSignal: signal,
    });
    const text = (await object.Body?.transformToString('utf8')) ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const token = (parsed as { token?: unknown } | undefined)?.token;
    return {
      token: typeof token === 'string' ? token : undefined,
      holder: describeHolder(ownerFrom(parsed), object.LastModified),
    };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw context.explain(error);
  }
}

export async function acquireS3Lock(context: LockContext, owner: DeployOwner, token: string): Promise<S3Lock> {
  const { client, target, signal } = context;
  const body = JSON.stringify({ generator: 'gongkai', token, ...owner, started: new Date().toISOString() });
  const refused = (held: HeldLock) =>
    new DeployError(
      lockedMessage(
        `存储桶 ${target.bucket}${target.prefix ? ` 前缀 ${target.prefix} 下` : ''}`,
        held.holder,
        lockKey(target),
        context.unlockCommand,
      ),
    );
  const release = async () => {
    try {
      const held = await readS3Lock(context, false);
      if (held?.token === token)
        await client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: lockKey(target) }));
    } catch {
      context.log(
        `未能删除部署锁 ${lockKey(target)}（连接已断开？）。确认没有别的部署在运行后，运行 ${context.unlockCommand} 解除。`,
      );
    }
  };

  const started = performance.now();
  const found = await readS3Lock(context);
  if (found) throw refused(found);
  try {
    const first = await conditionalPut(context, body);
    if (first === 'refused') {
      // Someone else's lock, or ours: a retry of a write that had in fact arrived.
      const held = await readS3Lock(context);
      if (held && held.token !== token) throw refused(held);
      if (!held)
        throw new DeployError(`部署锁 ${lockKey(target)} 刚被另一个部署写入又删除。请再运行一次 npm run deploy。`);
    }
    if ((await conditionalPut(context, body)) === 'refused') return { conditional: true, release };

    const written = performance.now();
    if (written - started > MAX_WRITE_MS)
      throw new DeployError(
        `与对象存储的连接太慢（写入部署锁用了 ${((written - started) / 1000).toFixed(1)} 秒），无法确认没有另一个部署同时开始，未上传任何文件。请稍后再运行一次 npm run deploy。`,
      );
    context.log(
      `这个对象存储不支持“不覆盖已有文件”的条件写入，等待 ${SETTLE_MS / 1000} 秒后读回部署锁，确认没有另一个部署同时开始……`,
    );
    await sleep(SETTLE_MS - (performance.now() - written), undefined, { signal });
    const held = await readS3Lock(context);
    if (!held)
      throw new DeployError(
        `部署锁 ${lockKey(target)} 刚写入就被删除（有人运行了 --unlock？）。请再运行一次 npm run deploy。`,
      );
    if (held.token !== token) throw refused(held);
    return { conditional: false, release };
  } catch (error) {
    // Ours is deleted (Ctrl+C during the wait, a slow store); someone else's is left alone.
    await release();
    throw error;
  }
}

/** --unlock: deletes the lock whoever holds it; returns who held it. A dry run only reads. */
export async function breakS3Lock(context: LockContext, dryRun: boolean): Promise<string | undefined> {
  const held = await readS3Lock(context);
  if (held && !dryRun)
    await context.client
      .send(new DeleteObjectCommand({ Bucket: context.target.bucket, Key: lockKey(context.target) }), {
        abortSignal: context.signal,
      })
      .catch((error: unknown) => {
        throw context.explain(error);
      });
  return held?.holder;
}

async function conditionalPut(context: LockContext, body: string): Promise<'written' | 'refused'> {
  const { client, target, signal } = context;
  const command = new PutObjectCommand({
    Bucket: target.bucket,
    Key: lockKey(target),
    Body: body,
    ContentType: 'application/json; charset=utf-8',
    CacheControl: 'no-store',
    IfNoneMatch: '*',
  });
  command.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) {
        request.headers['x-oss-forbid-overwrite'] = 'true';
        request.headers['x-cos-forbid-overwrite'] = 'true';
      }
      return next(args);
    },
    { step: 'build', name: 'gongkaiForbidOverwrite' },
  );
  try {
    await client.send(command, { abortSignal: signal });
    return 'written';
  } catch (error) {
    const { name, $metadata } = error as S3ServiceException;
    const status = $metadata?.httpStatusCode;
    if (status === 412 || status === 409 || name === 'PreconditionFailed' || name === 'FileAlreadyExists')
      return 'refused';
    throw context.explain(error);
  }
}

function isMissing(error: unknown): boolean {
  const { name, $metadata } = error as S3ServiceException;
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}
