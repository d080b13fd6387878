/**
 * OUT is what an office publishes: no crash, mistyped --out, second build at the same time or
 * hand edit may lose it or publish a mix of two sites. Crashes are injected with
 * GONGKAI_TEST_CRASH_AT (src/build/out/crash-point.ts), which kills the build like `kill -9`.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { CRASH_STEPS, type CrashStep } from '../../src/build/out/crash-point.ts';
import { fixture, ROOT, runScript, tempDir } from './helpers.ts';

const work = tempDir('out-safety');
const cache = join(work, 'cache');
/** The office fixture with one title changed: the site a build in these tests makes. */
const content = join(work, 'content');
const NOTICE_PAGE = 'xxgk/114400001234567890-2024-00001/index.html';

const build = (out: string, env: Record<string, string> = {}, from = content) =>
  runScript('build', ['--content', from, '--out', out], { GONGKAI_CACHE: cache, ...env });

/** Every file and folder under `dir` (dotfiles too) → the SHA-256 of its bytes, or 'folder'. */
function snapshot(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return new Map(
    entries.map((e) => {
      const path = join(e.parentPath, e.name);
      return [
        relative(dir, path),
        e.isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(path)).digest('hex'),
      ];
    }),
  );
}

/** A site as published, without what names the build (so two builds of one content compare equal). */
function published(dir: string): Map<string, string> {
  const withoutBuild = [...snapshot(dir)].filter(
    ([path]) => !['.gongkai-site.json', 'sw.js', 'offline-manifest.json'].includes(path),
  );
  return new Map(
    withoutBuild.map(([path, digest]) => [
      path,
      path.endsWith('.html') ? readFileSync(join(dir, path), 'utf8').replace(/ data-build="[^"]*"/, '') : digest,
    ]),
  );
}

/** Files beside `out` that are not `out` itself, once the background deletions have ended. */
async function besideOut(out: string): Promise<string[]> {
  const parent = join(out, '..');
  const others = () => readdirSync(parent).filter((name) => name !== 'out');
  for (let waited = 0; others().length > 0 && waited < 20_000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return others();
}

/** A pid no process has: one that has just ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

let previousSite = '';
let previous = new Map<string, string>();
let newSite = new Map<string, string>();

/** A fresh folder holding `out`: a copy of the previous site, as an office's dist/ would be. */
function previousOut(name: string): string {
  const out = join(work, name, 'out');
  mkdirSync(join(work, name));
  spawnSync('cp', ['-a', previousSite, out]);
  return out;
}

const kindOf = (out: string): 'previous' | 'new' | 'missing' | 'mixed' => {
  if (!existsSync(out)) return 'missing';
  if (isDeepStrictEqual(snapshot(out), previous)) return 'previous';
  return isDeepStrictEqual(published(out), newSite) ? 'new' : 'mixed';
};

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

before(() => {
  cpSync(fixture('office'), content, { recursive: true });
  const notice = join(content, 'notices/2024/chungeng.md');
  writeFileSync(notice, readFileSync(notice, 'utf8').replace(/^标题: (.*)$/m, '标题: $1（修订）'));
  previousSite = join(work, 'previous');
  const first = build(previousSite, {}, fixture('office'));
  assert.equal(first.status, 0, first.stderr + first.stdout);
  previous = snapshot(previousSite);
  const reference = join(work, 'reference');
  const second = build(reference);
  assert.equal(second.status, 0, second.stderr + second.stdout);
  newSite = published(reference);
});

/** What the next build says it recovered, after a crash at each step. */
const RECOVERED: Record<CrashStep, RegExp> = {
  'lock-taken': /已不在运行，它留下的锁已由这次生成接管/,
  'staging-complete': /已清理以前中断的生成留下的临时文件夹：\.out\.building-\d+/,
  'journal-written': /上次生成在替换输出文件夹前中断：\S+ 仍是原来的网站/,
  'out-set-aside': /上次生成在替换输出文件夹时中断：已恢复原来的网站 \S+/,
  'staging-renamed': /上次生成在替换输出文件夹时中断，但新网站已完整放入 \S+：已删除原来的网站/,
  'journal-removed': /已不在运行，它留下的锁已由这次生成接管/,
};

for (const step of CRASH_STEPS) {
  describe(`a build killed at ${step}`, () => {
    let out = '';
    let afterCrash: ReturnType<typeof kindOf>;
    let setAsideWhole = false;
    let next: ReturnType<typeof runScript>;
    let afterNext: ReturnType<typeof kindOf>;
    let leftovers: string[] = [];
    before(async () => {
      out = previousOut(step);
      const crashed = build(out, { GONGKAI_TEST_CRASH_AT: step });
      assert.equal(crashed.status, null, `killed, not ended: ${crashed.stderr}`);
      afterCrash = kindOf(out);
      const journal = join(out, '../.out.swap.json');
      if (existsSync(journal)) {
        const setAside = join(out, '..', (JSON.parse(readFileSync(journal, 'utf8')) as { setAside: string }).setAside);
        setAsideWhole = existsSync(setAside) && isDeepStrictEqual(snapshot(setAside), previous);
      }
      next = build(out);
      afterNext = kindOf(out);
      leftovers = await besideOut(out);
    });

    const mayBeNew = ['staging-renamed', 'journal-removed'].includes(step);
    test(`leaves OUT ${mayBeNew ? 'the new complete site' : 'the previous site'}, never missing or mixed`, () => {
      if (step === 'out-set-aside') {
        // Between the two renames OUT is absent for an instant; the journal names the previous
        // site, whole beside it, for the next build to put back.
        assert.equal(afterCrash, 'missing');
        assert.ok(setAsideWhole, 'the journal names the previous site, unchanged');
      } else {
        assert.equal(afterCrash, mayBeNew ? 'new' : 'previous');
      }
    });

    test('the next build succeeds, says what it recovered, and leaves nothing beside OUT', () => {
      assert.equal(next.status, 0, next.stderr + next.stdout);
      assert.match(next.stdout, RECOVERED[step]);
      assert.equal(afterNext, 'new');
      assert.deepEqual(leftovers, []);
    });
  });
}

describe('a failed build after a crash between the two renames', () => {
  let out = '';
  let failed: ReturnType<typeof runScript>;
  before(() => {
    out = previousOut('crash-then-fail');
    build(out, { GONGKAI_TEST_CRASH_AT: 'out-set-aside' });
    failed = build(out, {}, fixture('broken'));
  });

  test('puts the previous site back and says so, rather than that OUT was not touched', () => {
    assert.equal(failed.status, 1);
    assert.match(failed.stdout, /已恢复原来的网站/);
    assert.doesNotMatch(failed.stderr, /（输出文件夹 \S+ 未被改动）/);
    assert.match(failed.stderr, /开始时已放回上次中断的生成移走的原网站，此后未被改动/);
    assert.equal(kindOf(out), 'previous');
  });
});

describe('two builds into one OUT at once', () => {
  let out = '';
  let results: { status: number | null; output: string }[] = [];
  before(async () => {
    out = previousOut('concurrent');
    const start = () =>
      new Promise<{ status: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'src/cli/build.ts'), '--content', content, '--out', out], {
          cwd: ROOT,
          env: { ...process.env, GONGKAI_CACHE: cache },
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (status) => resolve({ status, output }));
      });
    results = await Promise.all([start(), start()]);
  });

  test('exactly one succeeds; the other is refused at once, naming the build that runs', () => {
    assert.deepEqual(results.map((r) => r.status).sort(), [0, 1]);
    const refused = results.find((r) => r.status === 1)!;
    assert.match(
      refused.output,
      /另一个生成命令（进程 \d+，开始于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d）正在输出到 \S+，请等它完成后再运行/,
    );
    assert.doesNotMatch(refused.output, /检查内容/);
  });

  test('OUT is the complete site of the build that succeeded', async () => {
    assert.equal(kindOf(out), 'new');
    assert.deepEqual(await besideOut(out), []);
  });
});

describe('a lock beside OUT', () => {
  test('held by a running process refuses the build and leaves the lock', () => {
    const out = previousOut('live-lock');
    const lock = join(out, '../.out.lock');
    const owner = { pid: process.pid, host: hostname(), startedAt: '2026-12-01T02:03:04.000Z', token: 'test' };
    writeFileSync(lock, JSON.stringify(owner));
    const result = build(out);
    assert.equal(result.status, 1);
    assert.ok(
      result.stderr.includes(
        `另一个生成命令（进程 ${process.pid}，开始于 2026-12-01 10:03:04）正在输出到 ${out}，请等它完成后再运行`,
      ),
      result.stderr,
    );
    assert.deepEqual(JSON.parse(readFileSync(lock, 'utf8')), owner);
    assert.equal(kindOf(out), 'previous');
  });
});

describe('a stale lock, then a page edited by hand in OUT', () => {
  let out = '';
  let tookOver: ReturnType<typeof runScript>;
  let afterTakeOver: ReturnType<typeof kindOf>;
  let rebuilt: ReturnType<typeof runScript>;
  let tampered = '';
  before(() => {
    out = previousOut('stale-lock');
    const pid = deadPid();
    writeFileSync(
      join(out, '../.out.lock'),
      JSON.stringify({ pid, host: hostname(), startedAt: new Date().toISOString(), token: 'dead' }),
    );
    tookOver = build(out);
    afterTakeOver = kindOf(out);
    // The page gains a script, and keeps its modification time.
    const page = join(out, NOTICE_PAGE);
    const { atime, mtime } = statSync(page);
    appendFileSync(page, '<script>alert("篡改")</script>');
    utimesSync(page, atime, mtime);
    tampered = readFileSync(page, 'utf8');
    rebuilt = build(out);
  });

  test('a lock left by a process that no longer exists is taken over, and the build says so', () => {
    assert.equal(tookOver.status, 0, tookOver.stderr + tookOver.stdout);
    assert.match(
      tookOver.stdout,
      /上次输出到 \S+ 的生成命令（进程 \d+，开始于 .+）已不在运行，它留下的锁已由这次生成接管/,
    );
    assert.equal(afterTakeOver, 'new');
  });

  test('the edited page is rendered again, not reused, while unchanged pages are reused', () => {
    assert.match(tampered, /篡改/);
    assert.equal(rebuilt.status, 0, rebuilt.stderr + rebuilt.stdout);
    assert.match(rebuilt.stdout, /\d+ 个页面的内容没有变化，沿用上次生成的结果/);
    assert.doesNotMatch(readFileSync(join(out, NOTICE_PAGE), 'utf8'), /篡改/);
    assert.equal(kindOf(out), 'new');
  });
});

describe('an OUT that is not a site the build made', () => {
  test('a folder of documents is refused, named with one of its files, and left byte for byte', () => {
    const out = join(work, 'documents', 'mydocs');
    mkdirSync(join(out, '工作'), { recursive: true });
    writeFileSync(join(out, '工作/总结.docx'), '年度总结');
    const before = snapshot(join(out, '..'));
    const result = build(out);
    assert.equal(result.status, 1);
    assert.ok(
      result.stderr.includes(
        `输出文件夹 ${out} 里已有不是本工具生成的文件（例如 工作/总结.docx），为防止误删，拒绝覆盖。请换一个 --out 文件夹，或先清空它。`,
      ),
      result.stderr,
    );
    assert.deepEqual(snapshot(join(out, '..')), before, 'nothing changed in OUT or beside it');
  });

  test('a regular file is refused and left byte for byte', () => {
    mkdirSync(join(work, 'file'));
    const out = join(work, 'file', 'report.docx');
    writeFileSync(out, '不是文件夹');
    const before = snapshot(join(out, '..'));
    const result = build(out);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /是一个文件，不是文件夹。为防止误删，拒绝覆盖/);
    assert.deepEqual(snapshot(join(out, '..')), before);
  });

  test('a site built before sites carried a marker is recognised by its shape and replaced', () => {
    const out = previousOut('earlier-version');
    rmSync(join(out, '.gongkai-site.json'));
    const result = build(out);
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.equal(kindOf(out), 'new');
  });

  test('a swap journal naming a folder elsewhere is not acted on', () => {
    const out = previousOut('bad-journal');
    const journal = join(out, '../.out.swap.json');
    writeFileSync(journal, JSON.stringify({ build: 'x', staging: '.out.building-1', setAside: '../../home' }));
    const result = build(out);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /替换记录 \S+ 无法读取/);
    assert.equal(kindOf(out), 'previous');
    assert.ok(existsSync(journal), 'kept for the office to look at');
  });
});
