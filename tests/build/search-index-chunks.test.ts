/**
 * Re-cutting a real Pagefind shard's word index (src/build/search/search-index-chunks.ts): the same
 * words with the same entries, in smaller chunks the shard's metadata lists.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { rechunkWordIndex } from '../../src/build/search/search-index-chunks.ts';
import { arrayItems, readHead, readText } from '../../src/build/cbor.ts';
import { tempDir } from './helpers.ts';

const SIGNATURE_LENGTH = 'pagefind_dcd'.length;
const TOPICS = [
  '安全生产检查',
  '农村人居环境整治',
  '防汛抗旱工作',
  '财政预算公开',
  '义务教育招生',
  '医疗保障待遇',
  '村务公开',
  '森林防火',
];

/** A shard's word index as Pagefind's files list it: each chunk's range and its words' entries. */
function readIndex(dir: string) {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const metaFile = `pagefind.${entry.languages['zh-cn'].hash}.pf_meta`;
  const meta = gunzipSync(readFileSync(join(dir, metaFile)));
  const [, , list] = arrayItems(meta, SIGNATURE_LENGTH);
  const chunks = arrayItems(meta, list![0]).map(([start]) => {
    const [from, to, hash] = arrayItems(meta, start).map(([at]) => readText(meta, at));
    const bytes = gunzipSync(readFileSync(join(dir, 'index', `${hash}.pf_index`)));
    const [words] = arrayItems(bytes, SIGNATURE_LENGTH);
    const entries = arrayItems(bytes, words![0]).map(([s, e]) => ({
      word: readText(bytes, readHead(bytes, s).contentAt),
      entry: bytes.subarray(s, e).toString('base64'),
    }));
    return { from: from!, to: to!, hash: hash!, entries };
  });
  return { metaFile, chunks, files: readdirSync(join(dir, 'index')).sort() };
}

/**
 * The chunks Pagefind's browser code (pagefind_web `request_indexes`, 1.6) loads for a query
 * word: those whose range holds it, or else those whose range's ends match it as prefixes.
 * (JavaScript compares UTF-16 units, Rust code points: the same for these words.)
 */
function chunksLoadedFor(term: string, chunks: readonly { from: string; to: string }[]): number[] {
  const strict = chunks.flatMap((c, k) => (term >= c.from && term <= c.to ? [k] : []));
  if (strict.length > 0) return strict;
  const head = (text: string, n: number) => [...text].slice(0, n).join('');
  const length = [...term].length;
  return chunks.flatMap((c, k) => {
    const fromLength = Math.min(length, [...c.from].length);
    const toLength = Math.min(length, [...c.to].length);
    return head(term, fromLength) >= head(c.from, fromLength) && head(term, toLength) <= head(c.to, toLength)
      ? [k]
      : [];
  });
}

describe('a shard’s word index cut into smaller chunks', () => {
  const work = tempDir('index-chunks');
  const written = join(work, 'pagefind');
  const shard = join(work, 'shard');
  let before_: ReturnType<typeof readIndex>;
  let after_: ReturnType<typeof readIndex>;
  let outcome: Awaited<ReturnType<typeof rechunkWordIndex>>;

  before(async () => {
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    for (let n = 0; n < 120; n++) {
      const topic = TOPICS[n % TOPICS.length]!;
      await index!.addCustomRecord({
        url: `/xxgk/${n}/`,
        language: 'zh-cn',
        content: `关于做好${topic}的通知。各村（社区）要按照${topic}的要求，认真开展第${n}次检查，及时报告情况。`,
        meta: { title: `关于${topic}的通知（${n}）` },
      });
    }
    await index!.writeFiles({ outputPath: written });
    await pagefind.close();
    cpSync(written, shard, { recursive: true });
    before_ = readIndex(written);
    outcome = await rechunkWordIndex(shard, 64);
    after_ = readIndex(shard);
  });
  after(() => pagefind.close());

  test('the shard has more, smaller chunks, and the outcome counts them', () => {
    assert.deepEqual(outcome, { rechunked: true, before: before_.chunks.length, after: after_.chunks.length });
    assert.ok(after_.chunks.length > before_.chunks.length * 4, `${before_.chunks.length} → ${after_.chunks.length}`);
  });

  test('every word keeps its entry byte for byte, in Pagefind’s order', () => {
    assert.deepEqual(
      after_.chunks.flatMap((c) => c.entries),
      before_.chunks.flatMap((c) => c.entries),
    );
  });

  test('the metadata lists exactly the chunk files there are, and the entry file names the new metadata', () => {
    assert.deepEqual(after_.files, after_.chunks.map((c) => `${c.hash}.pf_index`).sort());
    assert.notEqual(after_.metaFile, before_.metaFile);
    assert.ok(!existsSync(join(shard, before_.metaFile)), 'the old metadata is gone');
    assert.deepEqual(
      readdirSync(shard).filter((f) => f.endsWith('.pf_meta')),
      [after_.metaFile],
    );
  });

  test('a search for a word loads the chunk that holds it', () => {
    for (const [k, chunk] of after_.chunks.entries()) {
      for (const { word } of chunk.entries) assert.ok(chunksLoadedFor(word, after_.chunks).includes(k), word);
    }
  });

  test('a shard in a format it does not know is left as Pagefind wrote it', async () => {
    const odd = join(work, 'odd');
    cpSync(written, odd, { recursive: true });
    writeFileSync(join(odd, before_.metaFile), 'not gzip');
    const result = await rechunkWordIndex(odd, 64);
    assert.equal(result.rechunked, false);
    assert.deepEqual(readdirSync(join(odd, 'index')).sort(), before_.files);
  });
});
