/**
 * Smaller chunks for Pagefind's word index, so a search downloads less.
 *
 * Pagefind cuts a shard's word index (sorted words, each with its pages and positions) into
 * chunks of about 20,000 word positions, hard-coded in Pagefind 1.6, ~26 KB gzip each, and a
 * search downloads the chunk of every query word: "安全生产 检查" (安全, 生产, 检查) cost 80 KB
 * of a first search's 210 KB. After Pagefind writes a shard, this module cuts the same words
 * into chunks of about CHUNK_BYTES and rewrites the shard's metadata to list them. Each word's
 * entry is copied byte for byte; only the cut points change.
 *
 * Where the cuts fall matters. Pagefind matches a query word as a prefix (检查 finds 检查组 too)
 * but loads only the chunk whose range holds the query word itself, so a cut between two words
 * that start alike (检查组 | 检查站) can hide the second chunk's words from a search for 检查. Cuts
 * go between words with different first characters where possible, which hides nothing; a
 * first-character group too big for that is cut where the two words share one character only
 * (which can matter only to a one-character search), a bigger group still where they share two,
 * and so on. Pagefind's own cuts fall anywhere.
 *
 * The files (Pagefind 1.6; gzip of "pagefind_dcd" + CBOR):
 * - `pagefind-entry.json` names each language's metadata file: `pagefind.<hash>.pf_meta`;
 * - metadata: [version, pages, chunks, …], each chunk [from, to, hash] of `index/<hash>.pf_index`;
 * - a chunk: [[word entry, …]], each word entry [word, pages, variants].
 * A shard whose files do not look like that is left as Pagefind wrote it.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip as gzipCallback } from 'node:zlib';
import { mapLimited } from '../map-limited.ts';
import { ARRAY, arrayItems, concat, encodeArray, encodeText, readHead, readText } from '../cbor.ts';

/**
 * About how many bytes (CBOR, before gzip) a chunk holds, more where a cut waits for a clean
 * place. Measured on the 10,000-notice bench ("安全生产 检查"): Pagefind's chunks 80 KB of the
 * first results, 8 KB chunks 28 KB, 6 KB chunks 19 KB; smaller chunks save nothing more, as the
 * query's own words are that big, and cost more files and requests.
 */
export const CHUNK_BYTES = 6 * 1024;

const GZIP_AT_ONCE = 4;

/** Pagefind's files start, once un-gzipped, with this. */
const SIGNATURE = new TextEncoder().encode('pagefind_dcd');
/** Position of the chunk list in the metadata array. */
const META_CHUNKS = 2;

/** One word of the index with its entry (pages and positions), as Pagefind encoded it. */
export interface IndexWord {
  word: string;
  entry: Uint8Array;
}

/** A chunk to write: its words, and the range of query words it is loaded for. */
export interface WordChunk {
  from: string;
  to: string;
  words: IndexWord[];
}

/**
 * Cuts sorted `words` into chunks of about `target` bytes (see the module comment for where),
 * with Pagefind's own `from`/`to` ranges: each end shortened to one character past what it
 * shares with its neighbour across the cut.
 */
export function planChunks(words: readonly IndexWord[], target = CHUNK_BYTES): WordChunk[] {
  const groups: IndexWord[][] = [];
  let current: IndexWord[] = [];
  let size = 0;
  for (const [k, word] of words.entries()) {
    current.push(word);
    size += word.entry.length;
    const next = words[k + 1];
    if (!next) break;
    // Full: cut before a word with another first character; twice full: one that shares at
    // most one; four times: two; and so on, so a chunk stays within a few times the size.
    const mayShare = size < target ? -1 : Math.floor(Math.log2(size / target));
    if (sharedPrefixLength(word.word, next.word) <= mayShare) {
      groups.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) groups.push(current);

  const chunks = groups.map((group) => ({ from: group[0]!.word, to: group.at(-1)!.word, words: group }));
  for (let k = 0; k + 1 < chunks.length; k++) {
    const [left, right] = [chunks[k]!, chunks[k + 1]!];
    const shared = sharedPrefixLength(left.to, right.from);
    left.to = firstCharacters(left.to, shared + 1);
    right.from = firstCharacters(right.from, shared + 1);
  }
  return chunks;
}

export type RechunkOutcome = { rechunked: true; before: number; after: number } | { rechunked: false; reason: string };

/**
 * Re-cuts the word index of the Pagefind shard in `dir` (see the module comment). Everything is
 * read and checked before any file changes; a shard in a format this does not know is left alone.
 */
export async function rechunkWordIndex(dir: string, target = CHUNK_BYTES): Promise<RechunkOutcome> {
  const entryFile = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
  let before = 0;
  let after = 0;
  const rewrites: (() => Promise<void>)[] = [];
  for (const [language, info] of Object.entries(entry.languages ?? {})) {
    if (typeof info.hash !== 'string')
      return { rechunked: false, reason: `pagefind-entry.json: no metadata named for ${language}` };
    const metaFile = join(dir, `pagefind.${info.hash}.pf_meta`);
    let plan: Awaited<ReturnType<typeof readShard>>;
    try {
      plan = await readShard(dir, await readFile(metaFile), target);
    } catch (error) {
      return { rechunked: false, reason: `${language}: ${error instanceof Error ? error.message : String(error)}` };
    }
    before += plan.oldChunks.length;
    after += plan.chunks.length;
    rewrites.push(async () => {
      for (const hash of plan.oldChunks) await rm(chunkPath(dir, hash));
      const named = new Map<string, Uint8Array>();
      const listed = plan.chunks.map((chunk) => {
        const body = withSignature(encodeArray([encodeArray(chunk.words.map((word) => word.entry))]));
        const name = uniqueName(language, body, 7, named);
        named.set(name, body);
        return encodeArray([encodeText(chunk.from), encodeText(chunk.to), encodeText(name)]);
      });
      // On libuv's threads (the build's other core is often idle by the time shards are written),
      // a few at a time: each compression holds ~256 KB of zlib state.
      await mapLimited([...named], GZIP_AT_ONCE, async ([name, body]) =>
        writeFile(chunkPath(dir, name), await gzip(body)),
      );
      const meta = replaceItem(plan.meta, META_CHUNKS, encodeArray(listed));
      const metaName = uniqueName(language, meta, 13);
      await rm(metaFile);
      await writeFile(join(dir, `pagefind.${metaName}.pf_meta`), await gzip(meta));
      info.hash = metaName;
    });
  }
  for (const rewrite of rewrites) await rewrite();
  // Last: the entry file names the new metadata only once it is written.
  await writeFile(entryFile, JSON.stringify(entry));
  return { rechunked: true, before, after };
}

/** The shard's metadata (un-gzipped), its chunk files, and the new chunks for their words. */
async function readShard(dir: string, gzippedMeta: Uint8Array, target: number) {
  const meta = unpack(gzippedMeta, 'metadata');
  const fields = arrayItems(meta, SIGNATURE.length);
  const chunkList = fields[META_CHUNKS];
  if (!chunkList) throw new Error('metadata has no chunk list');
  const oldChunks = arrayItems(meta, chunkList[0]).map(([start]) => {
    const [, , hash] = arrayItems(meta, start);
    if (!hash) throw new Error('metadata chunk without a file name');
    return readText(meta, hash[0]);
  });
  const words: IndexWord[] = [];
  for (const hash of oldChunks) {
    const chunk = unpack(await readFile(chunkPath(dir, hash)), `index/${hash}`);
    const [list] = arrayItems(chunk, SIGNATURE.length);
    if (!list) throw new Error(`index/${hash}: no word list`);
    for (const [start, end] of arrayItems(chunk, list[0])) {
      // [word, pages, variants]: only the word is read.
      const head = readHead(chunk, start);
      if (head.majorType !== ARRAY || head.value === 0) throw new Error(`index/${hash}: a word entry without its word`);
      words.push({ word: readText(chunk, head.contentAt), entry: chunk.subarray(start, end) });
    }
  }
  return { oldChunks, meta, chunks: planChunks(words, target) };
}

function unpack(gzipped: Uint8Array, what: string): Uint8Array {
  const bytes = new Uint8Array(gunzipSync(gzipped));
  if (!SIGNATURE.every((byte, k) => bytes[k] === byte)) throw new Error(`${what}: not a Pagefind file`);
  return bytes;
}

const gzip = promisify(gzipCallback);

const withSignature = (cbor: Uint8Array) => concat([SIGNATURE, cbor]);

/** The metadata with item `index` of its top-level array replaced by `item` (already encoded). */
function replaceItem(meta: Uint8Array, index: number, item: Uint8Array): Uint8Array {
  const [start, end] = arrayItems(meta, SIGNATURE.length)[index]!;
  return concat([meta.subarray(0, start), item, meta.subarray(end)]);
}

/** `<language>_<hex>`, as Pagefind names its files, longer when it would collide. */
function uniqueName(
  language: string,
  body: Uint8Array,
  length: number,
  taken: ReadonlyMap<string, unknown> = new Map(),
): string {
  const hex = createHash('sha256').update(body).digest('hex');
  for (let n = length; ; n++) {
    const name = `${language}_${hex.slice(0, n)}`;
    if (!taken.has(name)) return name;
  }
}

const chunkPath = (dir: string, hash: string) => join(dir, 'index', `${hash}.pf_index`);

/** Common leading characters (code points, as Pagefind counts them); called for every word. */
function sharedPrefixLength(a: string, b: string): number {
  let n = 0;
  for (let at = 0; at < a.length && at < b.length; n++) {
    const code = a.codePointAt(at)!;
    if (code !== b.codePointAt(at)) break;
    at += code > 0xffff ? 2 : 1;
  }
  return n;
}

const firstCharacters = (text: string, n: number) => Array.from(text).slice(0, n).join('');
