/**
 * Deploying to S3-compatible object storage (Aliyun OSS, Tencent COS, Huawei OBS, MinIO).
 *
 * Object storage has no atomic switch, so the order of the writes keeps the site whole for
 * readers: the remote objects are listed first; only files whose content differs are uploaded,
 * new hashed files before the pages that use them, pages before the lists and the offline files
 * that name them (http-policy.ts, UPLOAD_STAGES); stale objects are deleted only after every
 * upload succeeded. A failure at any point leaves the previous pages in place, all of whose files
 * are still there. Each object gets its Content-Type (with charset for text) and the same
 * Cache-Control as deploy/nginx.conf sends. The whole deploy runs under the target's lock
 * (s3-lock.ts), so two deploys never interleave their writes.
 *
 * Unchanged files are told by the ETag the listing returns, which these stores set to the MD5 of
 * an object uploaded in one piece; where a store gives another kind of ETag (server-side
 * encryption), the SHA-256 kept in the deploy record (s3-record.ts) or, failing that, in the
 * object's metadata is read instead. The record also holds the headers each object was given,
 * so a change of the header policy alone is seen without asking for every object's headers, and
 * re-applied by copying the object onto itself with the new headers: no bytes are sent again.
 *
 * Files are hashed as streams; files from STREAM_FROM up are uploaded as streams too, so a
 * deploy of large attachments needs little memory whatever their size.
 */
// The AWS SDK rather than the vendors' own SDKs: OSS, COS, OBS and MinIO all speak the S3 API, so one client serves them all.
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { S3Target } from './deploy-config.ts';
import { DeployError, type DeployLog } from './deploy-error.ts';
import { deployOwner, lockToken, type DeployOwner } from './deploy-lock.ts';
import { SITE_POLICY, STAGE_NAMES, UPLOAD_STAGES, uploadStageOf, type HttpPolicy } from './http-policy.ts';
import { acquireS3Lock, breakS3Lock, readS3Lock, type LockContext, type S3Lock } from './s3-lock.ts';
import {
  RECORD_OBJECT,
  decodeRecord,
  encodeRecord,
  normaliseEtag,
  sameRecord,
  type DeployRecord,
  type RecordEntry,
} from './s3-record.ts';
import {
  digestFile,
  forEachLimited,
  formatBytes,
  listSiteFiles,
  type FileDigests,
  type SiteFile,
} from './site-files.ts';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** The environment variables they came from, to name in messages. */
  idVariable: string;
  secretVariable: string;
}

/** Metadata key (x-amz-meta-…) holding the file's SHA-256. */
export const SHA256_METADATA = 'gongkai-sha256';

const CONCURRENCY = 8;
/** Lines listed by a dry run, per kind. */
const DRY_RUN_LIST = 30;
/**
 * Files this big and bigger are uploaded from a stream; smaller ones are read whole (at most
 * CONCURRENCY × this in memory), which lets the SDK retry them itself.
 */
export const STREAM_FROM = 8 * 1024 * 1024;
/** Attempts for a streamed upload, which the SDK does not retry. */
const STREAM_ATTEMPTS = 3;
/** The largest object one upload or copy can make, at S3 and at OSS, COS and OBS alike. */
const MAX_OBJECT_BYTES = 5 * 1024 ** 3;

/** The keys from the environment: GONGKAI_S3_* first, else the standard AWS_* names. */
export function s3CredentialsFrom(
  env: NodeJS.ProcessEnv,
): { ok: true; credentials: S3Credentials } | { ok: false; error: string } {
  for (const [id, secret, token] of [
    ['GONGKAI_S3_ACCESS_KEY_ID', 'GONGKAI_S3_SECRET_ACCESS_KEY', 'GONGKAI_S3_SESSION_TOKEN'],
    ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
  ] as const) {
    const accessKeyId = env[id]?.trim();
    const secretAccessKey = env[secret]?.trim();
    if (!accessKeyId && !secretAccessKey) continue;
    if (!accessKeyId || !secretAccessKey)
      return {
        ok: false,
        error: `环境变量 ${accessKeyId ? id : secret} 已设置，但缺少 ${accessKeyId ? secret : id}：对象存储的 AccessKey ID 和 AccessKey Secret 要一起设置。`,
      };
    return {
      ok: true,
      credentials: {
        accessKeyId,
        secretAccessKey,
        sessionToken: env[token]?.trim() || undefined,
        idVariable: id,
        secretVariable: secret,
      },
    };
  }
  return {
    ok: false,
    error:
      '没有找到对象存储的密钥，未上传任何文件。请设置环境变量 GONGKAI_S3_ACCESS_KEY_ID 和 GONGKAI_S3_SECRET_ACCESS_KEY' +
      '（也可用 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY）。建议在阿里云 RAM、腾讯云 CAM 或华为云 IAM 中为部署单独建一个只能读写这个存储桶的子账号，用它的密钥。',
  };
}

export interface S3DeployOptions {
  credentials: S3Credentials;
  dryRun: boolean;
  log: DeployLog;
  /** The deploy file as shown to the office, for messages that name a field. */
  configFile: string;
  /** The command that clears this target's lock, for the message that refuses a deploy. */
  unlockCommand: string;
  /** Ends pending requests (Ctrl+C); the lock is still released afterwards. */
  signal?: AbortSignal;
  /** The headers each file gets; the site's own (http-policy.ts) unless a test gives another. */
  policy?: HttpPolicy;
  /** Who this deploy is, as the lock records it; this process by default. */
  owner?: DeployOwner;
}

export interface S3DeploySummary {
  files: number;
  uploaded: number;
  uploadedBytes: number;
  /** Unchanged files whose headers were re-applied (copied onto themselves). */
  restyled: number;
  deleted: number;
  unchanged: number;
}

interface RemoteObject {
  etag: string;
  size: number;
}

interface Headers {
  contentType: string;
  cacheControl: string;
}

export function s3Client(target: S3Target, credentials: S3Credentials): S3Client {
  return new S3Client({
    endpoint: target.endpoint,
    region: target.region,
    forcePathStyle: target.pathStyle,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    // Checksums only where S3 requires them: the SDK's default trailing checksums (aws-chunked
    // uploads) are refused by several S3-compatible stores.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 15_000, requestTimeout: 300_000 },
    // The SDK's own warnings are English lines for developers; what matters reaches the office
    // as the error it comes with.
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
}

export async function deployToS3(target: S3Target, out: string, options: S3DeployOptions): Promise<S3DeploySummary> {
  const { log, dryRun, signal } = options;
  const where = `存储桶 ${target.bucket}${target.prefix ? ` 前缀 ${target.prefix} 下` : ''}`;
  const client = s3Client(target, options.credentials);
  const explain = (error: unknown) =>
    error instanceof DeployError || isAbort(error)
      ? (error as Error)
      : new DeployError(explainS3Error(error, target, options));
  const lockContext: LockContext = { client, target, signal, unlockCommand: options.unlockCommand, explain, log };
  try {
    const { files, skipped } = await listSiteFiles(out);
    for (const path of skipped) log(`跳过 ${path}：不是普通文件（例如符号链接），不上传。`);
    const huge = files.find((file) => file.size > MAX_OBJECT_BYTES);
    if (huge)
      throw new DeployError(
        `${huge.path} 有 ${formatBytes(huge.size)}，超过对象存储一次上传的上限 5 GB，未上传任何文件。请把它压缩或拆成几个文件，重新生成网站后再部署。`,
      );
    let lock: S3Lock | undefined;
    if (dryRun) {
      const held = await readS3Lock(lockContext);
      if (held) log(`注意：${where}有另一个部署正在进行（${held.holder}），现在部署会被拒绝。`);
    } else lock = await acquireS3Lock(lockContext, options.owner ?? deployOwner(), lockToken());
    try {
      return await deployUnderLock(client, target, files, options, where, explain);
    } finally {
      await lock?.release();
    }
  } finally {
    client.destroy();
  }
}

async function deployUnderLock(
  client: S3Client,
  target: S3Target,
  files: SiteFile[],
  options: S3DeployOptions,
  where: string,
  explain: (error: unknown) => Error,
): Promise<S3DeploySummary> {
  const { log, dryRun, signal } = options;
  const policy = options.policy ?? SITE_POLICY;
  log(`正在比较 ${files.length} 个网站文件与${where}的文件……`);
  const [remote, record] = await Promise.all([
    listRemote(client, target, signal),
    readRecord(client, target, signal),
  ]).catch((error: unknown) => {
    throw explain(error);
  });
  if (record === 'unreadable')
    log(`${where}的部署记录 ${RECORD_OBJECT} 无法读取，这次逐个读取已有文件的响应头，部署后重新记录。`);
  const known = record === 'unreadable' ? undefined : record;
  const headsNeeded = files.filter((file) => {
    const found = remote.get(target.prefix + file.path);
    return found && known?.get(file.path)?.etag !== normaliseEtag(found.etag);
  }).length;
  if (headsNeeded > 50)
    log(
      `${headsNeeded} 个已有文件没有部署记录（本工具以前的版本或别的工具上传的），逐个读取它们的响应头，只需这一次……`,
    );

  const digests = new Map<string, FileDigests>();
  const upload: SiteFile[] = [];
  const restyle: SiteFile[] = [];
  const next: DeployRecord = new Map();
  const wanted = (path: string): Headers => ({
    contentType: policy.contentTypeFor(path),
    cacheControl: policy.cacheControlFor(path),
  });
  await forEachLimited(files, CONCURRENCY, async (file) => {
    const digest = await digestFile(file.file);
    digests.set(file.path, digest);
    const found = remote.get(target.prefix + file.path);
    const kept = found && (await keptObject(client, target, file, digest, found, known?.get(file.path), signal));
    if (!kept) {
      upload.push(file);
      return;
    }
    const headers = wanted(file.path);
    if (kept.contentType === headers.contentType && kept.cacheControl === headers.cacheControl)
      next.set(file.path, kept);
    else restyle.push(file);
  }).catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).syscall ? error : explain(error);
  });
  const byStage = (a: SiteFile, b: SiteFile) =>
    UPLOAD_STAGES.indexOf(uploadStageOf(a.path)) - UPLOAD_STAGES.indexOf(uploadStageOf(b.path)) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  upload.sort(byStage);
  restyle.sort(byStage);

  const stale = staleKeys(remote, new Set(files.map((f) => target.prefix + f.path)), target.prefix);
  const remoteIsSite = remote.has(`${target.prefix}index.html`) && remote.has(`${target.prefix}offline-manifest.json`);
  if (stale.length && !remoteIsSite)
    throw new DeployError(
      `${where}已有不是本工具上传的网站的文件（例如 ${stale[0]}）。部署会删除网站里没有的文件，为防止误删，拒绝部署，未上传任何文件。` +
        `请在 ${options.configFile} 中为“${target.name}”换一个空的 前缀 或 存储桶，或先确认并清空它。`,
    );

  const summary: S3DeploySummary = {
    files: files.length,
    uploaded: upload.length,
    uploadedBytes: upload.reduce((sum, f) => sum + f.size, 0),
    restyled: restyle.length,
    deleted: stale.length,
    unchanged: files.length - upload.length - restyle.length,
  };
  if (dryRun) {
    log(
      `试运行（--dry-run），没有上传或删除任何文件。将上传 ${upload.length} 个文件（${formatBytes(summary.uploadedBytes)}），` +
        `${restyle.length ? `更新 ${restyle.length} 个文件的响应头（不重新上传），` : ''}删除 ${stale.length} 个网站中已没有的文件，${summary.unchanged} 个文件不变。`,
    );
    const list = (items: string[], verb: string) => {
      for (const item of items.slice(0, DRY_RUN_LIST)) log(`  ${verb} ${item}`);
      if (items.length > DRY_RUN_LIST) log(`  ……另有 ${items.length - DRY_RUN_LIST} 个文件要${verb}`);
    };
    list(
      upload.map((f) => f.path),
      '上传',
    );
    list(
      restyle.map((f) => f.path),
      '更新响应头',
    );
    list(stale, '删除');
    return summary;
  }

  if (upload.length || restyle.length || stale.length)
    log(
      `需要上传 ${upload.length} 个文件（${formatBytes(summary.uploadedBytes)}），${restyle.length ? `更新 ${restyle.length} 个文件的响应头，` : ''}` +
        `${summary.unchanged} 个文件不变；上传完成后删除 ${stale.length} 个网站中已没有的文件。`,
    );
  const failed = (what: string, error: unknown) => {
    if (isAbort(error)) return error as Error;
    return new DeployError(
      `${what}失败：${explainS3Error(error, target, options)}\n网上仍是原来的页面（它们用到的文件都还在）；排除问题后再运行一次 npm run deploy 即可，已上传的文件不会重复上传。`,
    );
  };
  const entry = (file: SiteFile, etag: string) => {
    if (!etag) return;
    const sha256 = /^[0-9a-f]{32}$/.test(etag) ? undefined : digests.get(file.path)!.sha256;
    next.set(file.path, { etag, ...wanted(file.path), ...(sha256 ? { sha256 } : {}) });
  };
  for (const stage of UPLOAD_STAGES) {
    const batch = upload.filter((file) => uploadStageOf(file.path) === stage);
    if (!batch.length) continue;
    log(`上传${STAGE_NAMES[stage]}：${batch.length} 个文件……`);
    const progress = throttledProgress(log, batch.length, '已上传');
    await forEachLimited(batch, CONCURRENCY, async (file) => {
      const etag = await putFile(client, target, file, digests.get(file.path)!, wanted(file.path), signal).catch(
        (error: unknown) => {
          throw failed(`上传 ${file.path} `, error);
        },
      );
      entry(file, etag);
      progress();
    });
  }
  if (restyle.length) {
    log(`更新响应头（文件内容不变，不重新上传）：${restyle.length} 个文件……`);
    const progress = throttledProgress(log, restyle.length, '已更新');
    await forEachLimited(restyle, CONCURRENCY, async (file) => {
      const found = remote.get(target.prefix + file.path)!;
      const etag = await copyInPlace(
        client,
        target,
        file,
        digests.get(file.path)!,
        found,
        wanted(file.path),
        signal,
      ).catch((error: unknown) => {
        throw failed(`更新 ${file.path} 的响应头`, error);
      });
      entry(file, etag);
      progress();
    });
  }
  if (!sameRecord(known, next)) await writeRecord(client, target, next, signal, log);
  if (stale.length) {
    log(`删除网站中已没有的文件：${stale.length} 个……`);
    await forEachLimited(stale, CONCURRENCY, async (key) => {
      await client
        .send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key }), { abortSignal: signal })
        .catch((error: unknown) => {
          if (isAbort(error)) throw error;
          throw new DeployError(
            `删除 ${key} 失败：${explainS3Error(error, target, options)}\n新网站已完整上传；再运行一次 npm run deploy 会删除剩下的旧文件。`,
          );
        });
    });
  }
  return summary;
}

/** `--unlock`: removes the target's deploy lock whoever holds it; returns who held it. */
export async function unlockS3(
  target: S3Target,
  options: Pick<S3DeployOptions, 'credentials' | 'configFile' | 'unlockCommand' | 'dryRun' | 'log' | 'signal'>,
): Promise<string | undefined> {
  const client = s3Client(target, options.credentials);
  try {
    return await breakS3Lock(
      {
        client,
        target,
        signal: options.signal,
        unlockCommand: options.unlockCommand,
        log: options.log,
        explain: (error) => new DeployError(explainS3Error(error, target, options)),
      },
      options.dryRun,
    );
  } finally {
    client.destroy();
  }
}

/** Every object under the prefix, by key. */
async function listRemote(
  client: S3Client,
  target: S3Target,
  signal?: AbortSignal,
): Promise<Map<string, RemoteObject>> {
  const objects = new Map<string, RemoteObject>();
  const add = (contents: { Key?: string; ETag?: string; Size?: number }[] | undefined) => {
    for (const object of contents ?? [])
      if (object.Key) objects.set(object.Key, { etag: object.ETag ?? '', size: object.Size ?? -1 });
  };
  const Prefix = target.prefix || undefined;
  let token: string | undefined;
  try {
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: target.bucket, Prefix, ContinuationToken: token }),
        { abortSignal: signal },
      );
      add(page.Contents);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects;
  } catch (error) {
    // A store without the second version of the listing (older S3-compatible servers) has the first.
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (objects.size || !(name === 'NotImplemented' || $metadata?.httpStatusCode === 501)) throw error;
  }
  let marker: string | undefined;
  do {
    const page = await client.send(new ListObjectsCommand({ Bucket: target.bucket, Prefix, Marker: marker }), {
      abortSignal: signal,
    });
    add(page.Contents);
    marker = page.IsTruncated ? (page.NextMarker ?? page.Contents?.at(-1)?.Key) : undefined;
  } while (marker);
  return objects;
}

/** The last deploy's record; undefined when there is none, 'unreadable' when it is damaged. */
async function readRecord(
  client: S3Client,
  target: S3Target,
  signal?: AbortSignal,
): Promise<DeployRecord | 'unreadable' | undefined> {
  try {
    const object = await client.send(
      new GetObjectCommand({ Bucket: target.bucket, Key: target.prefix + RECORD_OBJECT }),
      {
        abortSignal: signal,
      },
    );
    const bytes = await object.Body?.transformToByteArray();
    return (bytes && decodeRecord(bytes)) || 'unreadable';
  } catch (error) {
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404) return undefined;
    throw error;
  }
}

/**
 * Writes the record after the uploads. A failure here costs the next deploy some header reads,
 * not a wrong site, so it is reported and the deploy goes on.
 */
async function writeRecord(
  client: S3Client,
  target: S3Target,
  record: DeployRecord,
  signal: AbortSignal | undefined,
  log: DeployLog,
): Promise<void> {
  try {
    await client.send(
      new PutObjectCommand({
        Bucket: target.bucket,
        Key: target.prefix + RECORD_OBJECT,
        Body: encodeRecord(record),
        ContentType: 'application/gzip',
        CacheControl: 'no-store',
      }),
      { abortSignal: signal },
    );
  } catch (error) {
    if (isAbort(error)) throw error;
    log(
      `注意：部署记录 ${target.prefix}${RECORD_OBJECT} 没能写入（${(error as Error).name ?? error}）。网站已更新；下次部署会逐个读取文件的响应头。`,
    );
  }
}

/**
 * How the remote object stands, when its bytes are the file's: its ETag and the headers it has.
 * Undefined when the file must be uploaded. Asks the store for the object's headers only when
 * the record does not vouch for this object.
 */
async function keptObject(
  client: S3Client,
  target: S3Target,
  file: SiteFile,
  digest: FileDigests,
  remote: RemoteObject,
  recorded: RecordEntry | undefined,
  signal?: AbortSignal,
): Promise<RecordEntry | undefined> {
  if (remote.size !== file.size) return undefined;
  const etag = normaliseEtag(remote.etag);
  const entry = recorded?.etag === etag ? recorded : undefined;
  const md5Etag = /^[0-9a-f]{32}$/.test(etag);
  let head: HeadObjectCommandOutput | undefined;
  const headObject = async () =>
    (head ??= await client.send(new HeadObjectCommand({ Bucket: target.bucket, Key: target.prefix + file.path }), {
      abortSignal: signal,
    }));
  const same = md5Etag
    ? etag === digest.md5
    : entry?.sha256
      ? entry.sha256 === digest.sha256
      : (await headObject()).Metadata?.[SHA256_METADATA] === digest.sha256;
  if (!same) return undefined;
  const sha256 = md5Etag ? {} : { sha256: digest.sha256 };
  if (entry) return { ...entry, ...sha256 };
  const { ContentType, CacheControl } = await headObject();
  return { etag, contentType: ContentType ?? '', cacheControl: CacheControl ?? '', ...sha256 };
}

/** Uploads one file; returns the new object's ETag ('' when the store gave none). */
async function putFile(
  client: S3Client,
  target: S3Target,
  file: SiteFile,
  digest: FileDigests,
  headers: Headers,
  signal?: AbortSignal,
): Promise<string> {
  const input = {
    Bucket: target.bucket,
    Key: target.prefix + file.path,
    ContentType: headers.contentType,
    CacheControl: headers.cacheControl,
    ContentLength: file.size,
    // The store checks the bytes it received against this.
    ContentMD5: Buffer.from(digest.md5, 'hex').toString('base64'),
    Metadata: { [SHA256_METADATA]: digest.sha256 },
  };
  if (file.size < STREAM_FROM) {
    const sent = await client.send(new PutObjectCommand({ ...input, Body: await readFile(file.file) }), {
      abortSignal: signal,
    });
    return normaliseEtag(sent.ETag);
  }
  // The SDK cannot rewind a stream to retry it, so a failed attempt is retried here with a new one.
  for (let attempt = 1; ; attempt++) {
    const body = createReadStream(file.file);
    try {
      const sent = await client.send(new PutObjectCommand({ ...input, Body: body }), { abortSignal: signal });
      return normaliseEtag(sent.ETag);
    } catch (error) {
      if (attempt >= STREAM_ATTEMPTS || isAbort(error) || !isTransient(error)) throw error;
      await sleep(1000 * attempt, undefined, { signal });
    } finally {
      body.destroy();
    }
  }
}

/**
 * New headers on an object whose bytes are already right: a copy onto itself that replaces its
 * metadata, done inside the store. Only if the object is still the one compared (its ETag).
 */
async function copyInPlace(
  client: S3Client,
  target: S3Target,
  file: SiteFile,
  digest: FileDigests,
  remote: RemoteObject,
  headers: Headers,
  signal?: AbortSignal,
): Promise<string> {
  const key = target.prefix + file.path;
  const copied = await client.send(
    new CopyObjectCommand({
      Bucket: target.bucket,
      Key: key,
      CopySource: `${target.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
      CopySourceIfMatch: `"${normaliseEtag(remote.etag)}"`,
      MetadataDirective: 'REPLACE',
      ContentType: headers.contentType,
      CacheControl: headers.cacheControl,
      Metadata: { [SHA256_METADATA]: digest.sha256 },
    }),
    { abortSignal: signal },
  );
  return normaliseEtag(copied.CopyObjectResult?.ETag);
}

/** Failures worth another attempt: the network, the store busy or briefly failing. */
function isTransient(error: unknown): boolean {
  const e = error as { $retryable?: unknown; code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    Boolean(e.$retryable) ||
    status >= 500 ||
    status === 429 ||
    ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED'].includes(e.code ?? '') ||
    ['TimeoutError', 'RequestTimeout'].includes(e.name ?? '')
  );
}

function isAbort(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'AbortError';
}

/**
 * Remote objects the site no longer has. Never: "folder" placeholders, hidden objects (a
 * `.well-known/` challenge, say: the deploy never uploads hidden files, so someone else put
 * them there), and another gongkai site published under a sub-prefix (it has its own
 * offline-manifest.json), which is not this site's to delete.
 */
function staleKeys(remote: Map<string, RemoteObject>, local: Set<string>, prefix: string): string[] {
  const relative = [...remote.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  const otherSites = relative
    .map((path) => /^(.+\/)offline-manifest\.json$/.exec(path)?.[1])
    .filter((root): root is string => root !== undefined);
  return relative
    .filter(
      (path) =>
        path !== '' &&
        !path.endsWith('/') &&
        !path.split('/').some((segment) => segment.startsWith('.')) &&
        !otherSites.some((root) => path.startsWith(root)) &&
        !local.has(prefix + path),
    )
    .map((path) => prefix + path)
    .sort();
}

/** A progress line at most every two seconds, and the last one. */
function throttledProgress(log: DeployLog, total: number, verb: string): () => void {
  let done = 0;
  let last = Date.now();
  return () => {
    done++;
    if (total < 50) return;
    if (done === total || Date.now() - last > 2000) {
      last = Date.now();
      log(`  ${verb} ${done}/${total}`);
    }
  };
}

/** What went wrong talking to the store, with the field or variable to fix. */
export function explainS3Error(
  error: unknown,
  target: S3Target,
  options: Pick<S3DeployOptions, 'credentials' | 'configFile'>,
): string {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? '';
  const code = e.code ?? '';
  const status = e.$metadata?.httpStatusCode;
  const field = (key: string) => `${options.configFile} 中“${target.name}”的 ${key}`;
  const bucket = `存储桶 ${target.bucket}（端点 ${target.endpoint}）`;
  const { idVariable, secretVariable } = options.credentials;
  if (name === 'NoSuchBucket')
    return `${bucket}不存在。请检查${field('存储桶')}，以及${field('端点')}是否为存储桶所在地域的端点。`;
  if (name === 'InvalidAccessKeyId')
    return `对象存储不认识环境变量 ${idVariable} 中的 AccessKey ID。请确认它是这家云服务商、这个账号的密钥。`;
  if (name === 'SignatureDoesNotMatch')
    return `签名不对：环境变量 ${secretVariable} 与 ${idVariable} 不是一对，或${field('区域')}写错。`;
  if (name === 'SecondLevelDomainForbidden' || /path.?style|second.?level/i.test(e.message ?? ''))
    return `这个对象存储不接受路径风格的访问：请把${field('路径风格')}改为 否。`;
  if (
    [
      'PermanentRedirect',
      'AuthorizationHeaderMalformed',
      'IllegalLocationConstraintException',
      'InvalidRegion',
    ].includes(name) ||
    status === 301
  )
    return `${bucket}不在这个端点所指的地域：请按存储桶所在地域改正${field('端点')}和${field('区域')}。`;
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403)
    return `没有权限访问${bucket}：请给这对密钥（${idVariable}）授予这个存储桶的列出、上传和删除文件的权限。`;
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'].includes(
      code,
    ) ||
    name === 'TimeoutError'
  )
    return `无法连接对象存储 ${target.endpoint}（${code || name}）。请检查${field('端点')}和本机的网络。`;
  if (/certificate|self[- ]signed|SSL|TLS/i.test(`${code} ${e.message}`))
    return `与 ${target.endpoint} 的 HTTPS 连接不安全（${code || e.message}）。请检查${field('端点')}是否为云服务商给出的端点。`;
  return `${name || '错误'}${status ? `（HTTP ${status}）` : ''}：${e.message ?? String(error)}`;
}
