// package-lock.json must install everywhere: `npm install` on a clean clone follows the lock, so a
// lock that disagrees with package.json, or that was written on one platform without the other
// platforms' optional binaries (esbuild, Pagefind, lightningcss, rolldown, Astro's compiler), breaks
// installs on the machines nobody tested. These checks read the two files only; nothing is installed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../build/helpers.ts';

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface LockEntry extends PackageJson {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

interface PackageLock {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies'] as const;

type Version = [number, number, number, string];

function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ?? ''] : undefined;
}

/**
 * Whether `version` satisfies `range`, for the ranges package.json uses: `^x.y.z` and exact
 * `x.y.z`. Anything else is an error, so a new kind of range is noticed rather than passed.
 */
function satisfies(version: string, range: string): boolean {
  const caret = range.startsWith('^');
  const want = parseVersion(caret ? range.slice(1) : range);
  const have = parseVersion(version);
  if (!want) throw new Error(`unsupported range ${range}: use ^x.y.z or x.y.z, or extend satisfies()`);
  if (!have) return false;
  if (!caret || have[3] || want[3]) return have.join('.') === want.join('.');
  const [major, minor, patch] = want;
  const atLeast =
    have[0] > major || (have[0] === major && (have[1] > minor || (have[1] === minor && have[2] >= patch)));
  if (!atLeast) return false;
  // ^1.2.3 := <2.0.0, ^0.2.3 := <0.3.0, ^0.0.3 := 0.0.3.
  if (major > 0) return have[0] === major;
  if (minor > 0) return have[0] === 0 && have[1] === minor;
  return have[0] === 0 && have[1] === 0 && have[2] === patch;
}

/** The lock key npm installs `name` at for the package at `from`: its own node_modules, then upwards. */
function resolveInLock(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[key]) return key;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

interface LockReport {
  /** Each disagreement, one line naming the package and what to do. */
  problems: string[];
  /** Direct dependencies checked (package.json's dependencies and devDependencies). */
  direct: number;
  /** Optional dependencies checked, over every package in the lock that has them. */
  optional: number;
}

/** Every way the parsed package-lock.json disagrees with the parsed package.json. */
function lockProblems(pkg: PackageJson, lock: PackageLock): LockReport {
  const problems: string[] = [];
  const packages = lock.packages ?? {};
  let direct = 0;
  let optional = 0;
  if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, not 3`);
  const root = packages[''];
  if (!root) problems.push('package-lock.json has no root entry packages[""]');
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      direct++;
      const locked = root?.[field]?.[name];
      if (locked !== range) problems.push(`${field}.${name}: package.json says ${range}, the lock's root ${locked}`);
      const entry = packages[`node_modules/${name}`];
      if (!entry?.version) problems.push(`${name}: no node_modules/${name} entry with a version in the lock`);
      else if (!satisfies(entry.version, range))
        problems.push(`${name}: the lock installs ${entry.version}, outside package.json's ${range}`);
    }
    for (const name of Object.keys(root?.[field] ?? {})) {
      if (!pkg[field]?.[name]) problems.push(`${field}.${name}: in the lock's root but not in package.json`);
    }
  }
  for (const [key, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      optional++;
      if (!resolveInLock(packages, key, name))
        problems.push(`${key || '(root)'}: optional dependency ${name} is missing from the lock`);
    }
    for (const name of Object.keys(entry.dependencies ?? {})) {
      if (key !== '' && !resolveInLock(packages, key, name))
        problems.push(`${key}: dependency ${name} is missing from the lock`);
    }
  }
  return { problems, direct, optional };
}

const FIX =
  'package-lock.json 与 package.json 不一致，或缺少其他平台的可选依赖：请删除 node_modules 和 package-lock.json 后' +
  '运行 npm install 重新生成锁文件（npm 会写入所有平台的可选依赖），再提交 package-lock.json。';

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

describe('package-lock.json', () => {
  const pkg = readJson<PackageJson>(join(ROOT, 'package.json'));
  const lock = readJson<PackageLock>(join(ROOT, 'package-lock.json'));

  test('agrees with package.json and lists every platform’s optional packages', () => {
    const report = lockProblems(pkg, lock);
    assert.deepEqual(report.problems, [], `${FIX}\n${report.problems.join('\n')}`);
    const declared = Object.keys(pkg.dependencies ?? {}).length + Object.keys(pkg.devDependencies ?? {}).length;
    assert.ok(declared > 10, 'package.json lists its dependencies');
    assert.equal(report.direct, declared);
    assert.ok(report.optional > 50, `only ${report.optional} optional dependencies were checked`);
  });

  test('holds the binaries of the platforms the project is installed on', () => {
    const keys = Object.keys(lock.packages ?? {});
    for (const name of [
      '@astrojs/compiler-binding-darwin-arm64',
      '@astrojs/compiler-binding-win32-x64-msvc',
      '@astrojs/compiler-binding-linux-x64-gnu',
      '@esbuild/win32-x64',
      '@esbuild/darwin-arm64',
      '@esbuild/linux-x64',
      '@esbuild/linux-arm64',
      '@pagefind/windows-x64',
      '@pagefind/darwin-arm64',
      '@pagefind/linux-x64',
      'lightningcss-win32-x64-msvc',
      'lightningcss-darwin-arm64',
      'lightningcss-linux-x64-gnu',
      '@rolldown/binding-win32-x64-msvc',
      '@rolldown/binding-darwin-arm64',
      '@rolldown/binding-linux-x64-gnu',
    ]) {
      assert.ok(
        keys.some((key) => key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`)),
        `${name} is missing. ${FIX}`,
      );
    }
  });

  describe('a broken copy is caught', () => {
    /** The lock, changed by `edit`, written to a temp folder and read back as a clone would read it. */
    function brokenCopy(edit: (copy: PackageLock) => void): PackageLock {
      const copy = structuredClone(lock);
      edit(copy);
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
      try {
        writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(copy, null, 2));
        return readJson<PackageLock>(join(dir, 'package-lock.json'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    test('a lock written on Linux only, without the other platforms’ binaries', () => {
      const broken = brokenCopy((copy) => {
        for (const key of Object.keys(copy.packages!)) {
          if (/(darwin|win32|windows|freebsd|android)/.test(key)) delete copy.packages![key];
        }
      });
      const { problems } = lockProblems(pkg, broken);
      assert.ok(
        problems.includes('node_modules/esbuild: optional dependency @esbuild/win32-x64 is missing from the lock'),
      );
      assert.ok(
        problems.includes('node_modules/pagefind: optional dependency @pagefind/darwin-arm64 is missing from the lock'),
      );
      assert.ok(problems.some((p) => p.includes('lightningcss-win32-x64-msvc')));
      assert.ok(problems.some((p) => p.includes('@rolldown/binding-darwin-arm64')));
      assert.ok(problems.some((p) => p.includes('@astrojs/compiler-binding-darwin-arm64')));
    });

    test('one missing binary', () => {
      const broken = brokenCopy((copy) => delete copy.packages!['node_modules/@esbuild/win32-x64']);
      assert.deepEqual(lockProblems(pkg, broken).problems, [
        'node_modules/esbuild: optional dependency @esbuild/win32-x64 is missing from the lock',
      ]);
    });

    test('a range changed in package.json but not in the lock', () => {
      const changed = { ...pkg, dependencies: { ...pkg.dependencies, astro: '^8.0.0' } };
      const { problems } = lockProblems(
        changed,
        brokenCopy(() => {}),
      );
      assert.equal(problems.length, 2);
      assert.match(problems[0], /^dependencies\.astro: package\.json says \^8\.0\.0, the lock's root \^7\./);
      assert.match(problems[1], /^astro: the lock installs 7\.\d+\.\d+, outside package\.json's \^8\.0\.0$/);
    });

    test('a dependency added to package.json only, and one left in the lock only', () => {
      const devDependencies: Record<string, string> = { ...pkg.devDependencies, 'left-pad': '^1.3.0' };
      delete devDependencies.jsqr;
      const changed = { ...pkg, devDependencies };
      const { problems } = lockProblems(changed, lock);
      assert.deepEqual(problems, [
        "devDependencies.left-pad: package.json says ^1.3.0, the lock's root undefined",
        'left-pad: no node_modules/left-pad entry with a version in the lock',
        "devDependencies.jsqr: in the lock's root but not in package.json",
      ]);
    });

    test('an installed version outside the range', () => {
      const broken = brokenCopy((copy) => {
        copy.packages!['node_modules/zod'].version = '3.25.0';
      });
      assert.deepEqual(lockProblems(pkg, broken).problems, [
        `zod: the lock installs 3.25.0, outside package.json's ${pkg.dependencies!.zod}`,
      ]);
    });
  });
});

describe('satisfies', () => {
  test('caret ranges as npm reads them', () => {
    assert.ok(satisfies('7.3.5', '^7.3.5'));
    assert.ok(satisfies('7.9.0', '^7.3.5'));
    assert.ok(!satisfies('7.3.4', '^7.3.5'));
    assert.ok(!satisfies('8.0.0', '^7.3.5'));
    assert.ok(satisfies('0.4.9', '^0.4.2'));
    assert.ok(!satisfies('0.5.0', '^0.4.2'));
    assert.ok(!satisfies('0.4.1', '^0.4.2'));
    assert.ok(satisfies('0.0.3', '^0.0.3'));
    assert.ok(!satisfies('0.0.4', '^0.0.3'));
    assert.ok(!satisfies('7.4.0-beta.1', '^7.3.5'));
  });

  test('exact versions, and other ranges are refused', () => {
    assert.ok(satisfies('1.2.3', '1.2.3'));
    assert.ok(!satisfies('1.2.4', '1.2.3'));
    assert.throws(() => satisfies('1.2.3', '>=1.0.0'), /unsupported range/);
  });
});
