/**
 * What the last deploy wrote to object storage, kept in the bucket beside the site as one
 * gzipped object `<前缀>.gongkai-deploy.json.gz`: for each file, the ETag its object had, the
 * Content-Type and Cache-Control it was given, and its SHA-256 where the ETag is no MD5.
 *
 * Why: the listing of the bucket gives every object's ETag and size, but not its headers. To
 * see that the header policy (http-policy.ts) changed for a file whose bytes did not, a deploy
 * would otherwise have to ask for every object's headers, one request per file (24,000 for a
 * county's site), every time. One read of this record does instead. An entry counts only while
 * its ETag is the one the listing shows: an object someone else wrote since (another tool, the
 * console) has another ETag, and only that object's headers are then asked for. Headers changed
 * in the console without rewriting the object keep the ETag and are not noticed; deleting the
 * record makes the next deploy ask for every object's headers once.
 *
 * Per file rather than one digest of the policy, so that a policy change re-applies headers to
 * exactly the objects whose headers it changes. The record lists only paths of the public site
 * and their public headers, so it is harmless in a public-read bucket; it is a hidden object,
 * never uploaded from OUT nor deleted as stale.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

export const RECORD_OBJECT = '.gongkai-deploy.json.gz';

export interface RecordEntry {
  /** The object's ETag, lower case, without quotes. */
  etag: string;
  contentType: string;
  cacheControl: string;
  /** Hex SHA-256 of the bytes, for objects whose ETag is not their MD5. */
  sha256?: string;
}

/** By path relative to the prefix. */
export type DeployRecord = Map<string, RecordEntry>;

interface Stored {
  generator: 'gongkai';
  format: 1;
  /** Distinct [Content-Type, Cache-Control] pairs: a site has a dozen, so entries point at them. */
  headers: [string, string][];
  /** [path, etag, index in headers, sha256?]. */
  objects: [string, string, number, string?][];
}

export const normaliseEtag = (etag: string | undefined): string => (etag ?? '').replace(/"/g, '').toLowerCase();

export function encodeRecord(record: DeployRecord): Buffer {
  const headers: [string, string][] = [];
  const headerIndex = new Map<string, number>();
  const objects: Stored['objects'] = [];
  for (const [path, entry] of [...record].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const pair = JSON.stringify([entry.contentType, entry.cacheControl]);
    let index = headerIndex.get(pair);
    if (index === undefined) {
      index = headers.push([entry.contentType, entry.cacheControl]) - 1;
      headerIndex.set(pair, index);
    }
    objects.push(entry.sha256 ? [path, entry.etag, index, entry.sha256] : [path, entry.etag, index]);
  }
  const stored: Stored = { generator: 'gongkai', format: 1, headers, objects };
  return gzipSync(JSON.stringify(stored));
}

/** The record, or undefined when the bytes are not one (cut short, another format). */
export function decodeRecord(bytes: Uint8Array): DeployRecord | undefined {
  let stored: Partial<Stored>;
  try {
    stored = JSON.parse(gunzipSync(bytes).toString('utf8')) as Partial<Stored>;
  } catch {
    return undefined;
  }
  if (stored.generator !== 'gongkai' || stored.format !== 1) return undefined;
  if (!Array.isArray(stored.headers) || !Array.isArray(stored.objects)) return undefined;
  const { headers } = stored;
  const record: DeployRecord = new Map();
  for (const item of stored.objects) {
    if (!Array.isArray(item)) return undefined;
    const [path, etag, index, sha256] = item;
    const pair = typeof index === 'number' ? headers[index] : undefined;
    if (typeof path !== 'string' || typeof etag !== 'string' || !Array.isArray(pair)) return undefined;
    const [contentType, cacheControl] = pair;
    if (typeof contentType !== 'string' || typeof cacheControl !== 'string') return undefined;
    record.set(path, { etag, contentType, cacheControl, ...(typeof sha256 === 'string' ? { sha256 } : {}) });
  }
  return record;
}

/** Whether two records say the same thing (then the deploy does not write it again). */
export function sameRecord(a: DeployRecord | undefined, b: DeployRecord): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [path, entry] of b) {
    const other = a.get(path);
    if (
      !other ||
      other.etag !== entry.etag ||
      other.contentType !== entry.contentType ||
      other.cacheControl !== entry.cacheControl ||
      other.sha256 !== entry.sha256
    )
      return false;
  }
  return true;
}
