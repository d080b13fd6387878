/**
 * npm run bench [-- --notices N] [--query "两个 词"] [--keep]
 * Generates N synthetic notices, runs the real build (`src/cli/build.ts`) and prints: wall time
 * and peak resident memory per stage, output sizes, notice page sizes, the bytes a browser
 * fetches for the first results of a two-word query, and rebuilds after editing one notice and
 * after publishing a new one.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, appendFile } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { addNewestNotice, writeSyntheticContent } from './lib/synthetic-notices.ts';
import { treeRss } from './lib/process-memory.ts';
import { STAGE_MARK, STAGES, oldSitePrefix } from '../src/build/build-site.ts';
import { listenOnLoopback } from '../src/cli/static-server.ts';
import { searchSettledInPage, searchShownInPage } from './lib/search-settled.ts';
import { FILES_AT_ONCE, mapLimited } from '../src/build/map-limited.ts';

const { values } = parseArgs({
  options: {
    notices: { type: 'string', default: '1000' },
    query: { type: 'string', default: '安全生产 检查' },
    keep: { type: 'boolean' },
  },
});
const count = Number(values.notices);
const ROOT = new URL('..', import.meta.url).pathname;
const MB = 1024 * 1024;
const fmtMB = (b: number) => `${(b / MB).toFixed(0)} MB`;
const fmtKB = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface StageRun {
  name: string;
  ms: number;
  peak: number;
  /** Of `peak`, the build process itself (the rest is Pagefind). */
  peakOwn: number;
}

/** Runs the build CLI, timing each stage it announces and sampling its memory tree. */
async function timedBuild(content: string, out: string): Promise<{ total: number; stages: StageRun[] }> {
  const labels = new Map<string, string>(Object.entries(STAGES).map(([k, v]) => [v, k]));
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/build.ts'), '--content', content, '--out', out], {
    cwd: ROOT,
  });
  const stages: StageRun[] = [];
  let current: StageRun | undefined;
  let stageStart = started;
  const close = (now: number) => {
    if (current) current.ms = now - stageStart;
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (!line.startsWith(STAGE_MARK)) continue;
      const now = performance.now();
      close(now);
      current = { name: labels.get(line.slice(STAGE_MARK.length)) ?? line, ms: 0, peak: 0, peakOwn: 0 };
      stages.push(current);
      stageStart = now;
    }
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const sampler = setInterval(() => {
    if (!current || !child.pid) return;
    const rss = treeRss(child.pid);
    if (rss.total > current.peak) Object.assign(current, { peak: rss.total, peakOwn: rss.own });
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const total = performance.now() - started;
  close(performance.now());
  if (code !== 0) throw new Error(`build failed (${code}):\n${stderr.slice(-3000)}`);
  return { total, stages };
}

async function filesUnder(dir: string): Promise<{ path: string; bytes: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => ({ path: join(e.parentPath, e.name), bytes: (await stat(join(e.parentPath, e.name))).size })),
  );
}

/** Bytes of the files behind `paths` (as fetched from OUT), raw and gzip, in all and under pagefind/. */
async function transferred(out: string, paths: readonly string[]) {
  const sum = { requests: paths.length, raw: 0, gz: 0, searchRaw: 0, searchGz: 0 };
  for (const path of paths) {
    const bytes = await readFile(join(out, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '')).catch(
      () => undefined,
    );
    if (!bytes) continue;
    const zipped = gzipSync(bytes).length;
    sum.raw += bytes.length;
    sum.gz += zipped;
    if (path.includes('/pagefind/')) {
      sum.searchRaw += bytes.length;
      sum.searchGz += zipped;
    }
  }
  return sum;
}

/**
 * Bytes a fresh browser fetches for the search page and the first page of results: when the
 * first results show (on a sharded site, from the newest shard) and when the search is done.
 */
async function searchTransfer(out: string, query: string) {
  const server = await listenOnLoopback(out, '/', 0);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  const fetched: string[] = [];
  page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.urls[0]}sousuo/?q=${encodeURIComponent(query)}`);
  // A function, not a string: the page's CSP forbids the eval a string predicate needs.
  await page.waitForFunction(searchShownInPage, null, { timeout: 60000 });
  const firstShown = fetched.length;
  await page.waitForFunction(searchSettledInPage, null, { timeout: 60000 });
  const status = await page.textContent('#search-status');
  await browser.close();
  await server.close();
  return { status, first: await transferred(out, fetched.slice(0, firstShown)), all: await transferred(out, fetched) };
}

const work = await mkdtemp(join(tmpdir(), 'gongkai-bench-'));
// A cache of its own: the first build must index everything, as on a fresh machine.
process.env.GONGKAI_CACHE = join(work, 'cache');
const content = join(work, 'content');
const out = join(work, 'dist');
console.log(
  `gongkai bench: ${count} notices; ${cpus().length} cores (${cpus()[0]?.model}), ${fmtMB(totalmem())} RAM, Node ${process.version}`,
);
const t = performance.now();
await writeSyntheticContent(content, count, join(ROOT, 'content'));
console.log(`generated content in ${fmtS(performance.now() - t)} (${work})\n`);

const full = await timedBuild(content, out);
console.log('Full build');
/** The build writes the search index while Astro makes the pages: the astro stage covers both. */
const SHOWN: Record<string, string> = {
  check: 'check',
  astro: 'astro + search index (in parallel)',
  search: 'search index, after astro',
  offline: 'offline files',
};
for (const s of full.stages)
  console.log(
    `  ${(SHOWN[s.name] ?? s.name).padEnd(36)} ${fmtS(s.ms).padStart(8)}   peak RSS ${fmtMB(s.peak).padStart(8)} (build process ${fmtMB(s.peakOwn)})`,
  );
console.log(`  ${'total'.padEnd(36)} ${fmtS(full.total).padStart(8)}   (wall, including Node start-up)`);

const files = await filesUnder(out);
const pagefind = files.filter((f) => f.path.includes('/pagefind/'));
const pages = files.filter((f) => /\/xxgk\/[^/]+\/index\.html$/.test(f.path));
const sizes = await mapLimited(pages, FILES_AT_ONCE, async (f) => ({
  raw: f.bytes,
  gz: gzipSync(await readFile(f.path)).length,
}));
sizes.sort((a, b) => a.gz - b.gz);
const median = sizes[Math.floor(sizes.length / 2)]!;
const largest = sizes.reduce((a, b) => (b.raw > a.raw ? b : a));
console.log('\nOutput');
console.log(
  `  files ${files.length}, total ${fmtMB(files.reduce((s, f) => s + f.bytes, 0))}, pagefind/ ${fmtMB(pagefind.reduce((s, f) => s + f.bytes, 0))} in ${pagefind.length} files`,
);
console.log(
  `  notice page median ${fmtKB(median.raw)} (${fmtKB(median.gz)} gzip), largest ${fmtKB(largest.raw)} (${fmtKB(largest.gz)} gzip)`,
);

const search = await searchTransfer(out, String(values.query));
console.log(`\nSearch “${values.query}”: ${search.status}`);
const line = (t: Awaited<ReturnType<typeof transferred>>) =>
  `${t.requests} requests, ${fmtKB(t.raw)} (${fmtKB(t.gz)} gzip) in all; search files ${fmtKB(t.searchRaw)} (${fmtKB(t.searchGz)} gzip)`;
console.log(`  first results shown: ${line(search.first)}`);
console.log(`  search finished:     ${line(search.all)}`);

/**
 * A build deletes the site it replaced in the background (build-site.ts). On this VM's disk, a
 * build started while that runs, or within about half a minute of it, pays 2–4 s more: the
 * kernel passes over the just-freed inodes each time it makes a folder or file. An office's next
 * build comes minutes later, so each timed rebuild starts once the deletion is done and the disk
 * has settled, and the bench says how long the deletion took.
 */
const SETTLE_MS = 45_000;
async function previousSiteDeleted(out: string): Promise<number> {
  const started = performance.now();
  const leftovers = async () => (await readdir(dirname(out))).filter((name) => name.startsWith(oldSitePrefix(out)));
  while ((await leftovers()).length > 0) {
    if (performance.now() - started > 300_000)
      throw new Error(`the previous site next to ${out} was not deleted within 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return performance.now() - started;
}

const edited = pages.length ? join(content, 'notices', (await readdir(join(content, 'notices')))[0]!) : '';
const firstFile = (await readdir(edited)).find((f) => f.endsWith('.md'))!;
await appendFile(join(edited, firstFile), '\n本通知内容已于近日更新。\n');
const rebuildLine = (label: string, run: Awaited<ReturnType<typeof timedBuild>>) =>
  console.log(
    `${label}: ${fmtS(run.total)} (${run.stages.map((s) => `${s.name} ${fmtS(s.ms)}`).join(', ')}); peak RSS ${fmtMB(Math.max(...run.stages.map((s) => s.peak)))}`,
  );
rebuildLine('\nRebuild after editing one notice (of the oldest year)', await timedBuild(content, out));
console.log(
  `  (then the replaced site was deleted in the background in ${fmtS(await previousSiteDeleted(out))}; the next build starts ${SETTLE_MS / 1000} s later)`,
);
await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
await addNewestNotice(content);
rebuildLine('Rebuild after publishing a new notice (the newest)', await timedBuild(content, out));
console.log(`  (then the replaced site was deleted in the background in ${fmtS(await previousSiteDeleted(out))})`);

if (!values.keep) await rm(work, { recursive: true, force: true });
