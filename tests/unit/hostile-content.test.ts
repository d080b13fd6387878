/**
 * Every hostile or careless input of the security review (tests/fixtures/hostile/cases.ts) put
 * to the content check: refused with a Chinese message and fix that name the file (and line),
 * or accepted with only the warnings the case expects.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadContent } from '../../src/content/content-folder.ts';
import { formatProblem, type Problem } from '../../src/domain/problems.ts';
import {
  HOSTILE_CASES,
  isAccepted,
  MARKER_DIR,
  materialise,
  MDX_CODE_OPT_IN,
  type HostileCase,
  type Refused,
} from '../fixtures/hostile/cases.ts';

const CHINESE = /[\u4e00-\u9fff]/;
/** A billion-laughs file or a pathological pattern must not stall the check. */
const QUICK_MS = 5000;

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(dirname(folder), { recursive: true, force: true });
  rmSync(MARKER_DIR, { recursive: true, force: true });
});

async function check(c: Pick<HostileCase, 'id' | 'files' | 'remove'>) {
  const content = materialise([c]);
  folders.push(content);
  const started = performance.now();
  const report = await loadContent(content);
  return { report, ms: performance.now() - started };
}

/** Refused clearly, accepted without error, and refused cases the check let through (unsafe). */
const outcome = { refused: 0, accepted: 0, unsafe: [] as string[] };

describe('hostile content', () => {
  for (const defect of [1, 2, 3, 6, 7] as const) {
    describe(`defect ${defect}`, () => {
      for (const c of HOSTILE_CASES.filter((h) => h.defect === defect)) {
        if (isAccepted(c)) {
          test(`${c.id}: accepted when ${c.title}`, async () => {
            const { report, ms } = await check(c);
            const listed = report.problems.map(formatProblem).join('\n');
            assert.deepEqual(
              report.problems.filter((p) => p.severity === 'error'),
              [],
              listed,
            );
            const warnings = new Set(report.problems.map((p) => p.kind));
            assert.deepEqual([...warnings].sort(), [...(c.expect.warnings ?? [])].sort(), listed);
            assert.ok(report.content, 'the content is handed to the build');
            if (c.expect.page) {
              const slugs = report.content.notices.map((n) => `/xxgk/${n.slug}/`);
              assert.ok(slugs.includes(c.expect.page), `${c.expect.page} among ${slugs.join(' ')}`);
            }
            const published = [...report.content.attachments.keys()].filter((path) => path !== '2022/yusuan.pdf');
            assert.deepEqual(published.sort(), [...(c.expect.published ?? [])].sort(), 'published attachments');
            assert.ok(ms < QUICK_MS, `took ${Math.round(ms)} ms`);
            outcome.accepted++;
          });
        } else {
          const expect = c.expect as Refused;
          test(`${c.id}: refused when ${c.title}`, async () => {
            const { report, ms } = await check(c);
            if (report.content) outcome.unsafe.push(c.id);
            const file = expect.file ?? Object.keys(c.files)[0]!;
            const listed = report.problems.map(formatProblem).join('\n');
            for (const kind of expect.refused) {
              const found = report.problems.filter((p) => p.kind === kind && p.file === file);
              assert.ok(found.length > 0, `no ${kind} problem in ${file}; found:\n${listed}`);
              const problem: Problem | undefined = found.find(
                (p) => expect.line === undefined || p.line === expect.line,
              );
              assert.ok(problem, `${kind} in ${file} not at line ${expect.line}; found:\n${listed}`);
              assert.equal(problem.severity, 'error', listed);
              assert.match(problem.message, CHINESE, `message of ${kind} is Chinese`);
              assert.match(problem.fix ?? '', CHINESE, `${kind} says how to fix it: ${formatProblem(problem)}`);
              if (expect.message) assert.match(problem.message, expect.message);
            }
            assert.equal(report.content, undefined, 'nothing is handed to the build');
            assert.ok(ms < QUICK_MS, `took ${Math.round(ms)} ms`);
            outcome.refused++;
          });
        }
      }
    });
  }

  test('the documented opt-in MDX可执行代码: 是 lets {1+1} through check', async () => {
    const { report } = await check({ id: 'mdx-code-opt-in', files: MDX_CODE_OPT_IN.files });
    assert.deepEqual(
      report.problems.filter((p) => p.severity === 'error'),
      [],
      report.problems.map(formatProblem).join('\n'),
    );
    assert.equal(report.content?.site.mdxCode, true);
  });

  test('the review tried at least 80 inputs of every defect class', (t) => {
    assert.ok(HOSTILE_CASES.length >= 80, `${HOSTILE_CASES.length} cases`);
    assert.equal(new Set(HOSTILE_CASES.map((c) => c.id)).size, HOSTILE_CASES.length, 'case ids are unique');
    for (const defect of [1, 2, 3, 6, 7])
      assert.ok(
        HOSTILE_CASES.some((c) => c.defect === defect),
        `defect ${defect}`,
      );
    const unclear = HOSTILE_CASES.length - outcome.refused - outcome.accepted - outcome.unsafe.length;
    t.diagnostic(
      `hostile cases: ${HOSTILE_CASES.length} tried, ${outcome.refused} refused with a clear message, ${outcome.accepted} built safely, ` +
        `${outcome.unsafe.length} unsafe${outcome.unsafe.length ? ` (${outcome.unsafe.join(', ')})` : ''}` +
        `${unclear ? `; ${unclear} not as expected (see the failures above)` : ''}`,
    );
  });
});
