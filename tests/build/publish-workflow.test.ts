/**
 * The shipped CI workflow (.github/workflows/publish.yml), its check and commit steps run as a
 * CI runner would run them, on a clone of a real git repository: a notice saved by the browser
 * editor without a 索引号 gets one, the number is pushed back before anything is published, a
 * refused push stops the run, and the clerk's problem list lands on the job's summary page.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fixture, ROOT, temporary } from './helpers.ts';

interface Step {
  name?: string;
  run?: string;
  if?: string;
}
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as {
  permissions: Record<string, string>;
  jobs: { build: { steps: Step[] } };
};
const steps = workflow.jobs.build.steps;
const checkStep = steps.find((s) => s.run?.startsWith('npm run check'))!;
const commitStep = steps.find((s) => s.run?.includes('git push'))!;

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'clerk',
  GIT_AUTHOR_EMAIL: 'clerk@example.invalid',
  GIT_COMMITTER_NAME: 'clerk',
  GIT_COMMITTER_EMAIL: 'clerk@example.invalid',
};

function sh(cwd: string, script: string, env: Record<string, string> = {}) {
  const result = spawnSync('bash', ['-e', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, ...env },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** A runner's checkout of a repository holding the office fixture and one notice saved without 索引号. */
function checkout(): { work: string; remote: string } {
  const root = temporary('gongkai-workflow-');
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  const seed = join(root, 'seed');
  cpSync(fixture('office'), join(seed, 'content'), { recursive: true });
  writeFileSync(
    join(seed, 'content/notices/2024/zhishu.md'),
    '---\n标题: "关于开展植树活动的通知"\n分类: "城乡建设、环境保护"\n发布日期: "2024-03-12"\n---\n\n各村（社区）：请做好植树工作。\n',
  );
  const setup = [
    `git init -q --bare -b main ${remote}`,
    `cd ${seed} && git init -q -b main && git add -A && git commit -qm 编辑器保存 && git push -q ${remote} main`,
    `git clone -q ${remote} ${work}`,
  ].join('\n');
  const made = sh(root, setup);
  assert.equal(made.status, 0, made.output);
  return { work, remote };
}

/** The check step's command, with the project's own check in place of `npm run check --`. */
const runCheck = (work: string, summary: string) =>
  sh(work, checkStep.run!.replace('npm run check --', `"${process.execPath}" "${join(ROOT, 'src/cli/check.ts')}"`), {
    GITHUB_STEP_SUMMARY: summary,
  });

describe('the publishing workflow', () => {
  test('may push: it commits the numbers it allocates', () => {
    assert.equal(workflow.permissions.contents, 'write');
    assert.equal(commitStep.if, "github.ref == 'refs/heads/main'");
    assert.ok(steps.indexOf(checkStep) < steps.indexOf(commitStep));
    assert.ok(steps.findIndex((s) => s.run?.startsWith('npm run build')) > steps.indexOf(commitStep));
  });

  test('a notice saved without 索引号 is numbered, and the number is pushed before the build', () => {
    const { work, remote } = checkout();
    const summary = join(work, '..', 'summary.md');
    const checked = runCheck(work, summary);
    assert.equal(checked.status, 0, checked.output);
    const number = /已分配 notices\/2024\/zhishu\.md:3 索引号：(\S+)/.exec(checked.output)?.[1];
    assert.equal(number, '114400001234567890/2024-00004', 'the fixture’s 2024 notices use 00001 to 00003');
    assert.match(
      readFileSync(summary, 'utf8'),
      /## ✅ 内容检查通过：\d+ 篇公文[\s\S]*### 自动修正[\s\S]*- 已分配 notices\/2024\/zhishu\.md:3 索引号：114400001234567890\/2024-00004/,
    );

    const committed = sh(work, commitStep.run!);
    assert.equal(committed.status, 0, committed.output);
    const pushed = sh(remote, 'git log -1 --format=%s main && git show main:content/notices/2024/zhishu.md');
    assert.match(pushed.output, /^自动分配索引号、修正格式（npm run check -- --fix）\n/);
    assert.match(pushed.output, /\n标题: "关于开展植树活动的通知"\n索引号: "114400001234567890\/2024-00004"\n/);
    // Only the content folder: the backups --fix keeps beside it are not committed.
    const files = sh(remote, 'git show --name-only --format= main');
    assert.deepEqual(files.output.trim().split('\n'), ['content/notices/2024/zhishu.md']);

    const again = sh(work, commitStep.run!);
    assert.equal(again.status, 0, 'nothing to commit is not a failure');
    assert.equal(sh(remote, 'git rev-list --count main').output.trim(), '2');
  });

  test('if someone pushed meanwhile, the push is refused and the run stops before publishing', () => {
    const { work, remote } = checkout();
    assert.equal(runCheck(work, join(work, '..', 'summary.md')).status, 0);
    const other = join(work, '..', 'other');
    const meanwhile = sh(
      work,
      `git clone -q ${remote} ${other} && cd ${other} && echo x >> content/guide.md && git commit -qam 另一次保存 && git push -q`,
    );
    assert.equal(meanwhile.status, 0, meanwhile.output);
    const committed = sh(work, commitStep.run!);
    assert.notEqual(committed.status, 0);
    assert.equal(sh(remote, 'git log -1 --format=%s main').output.trim(), '另一次保存');
  });

  test('a refused check puts the Chinese problem list on the summary page', () => {
    const { work } = checkout();
    writeFileSync(
      join(work, 'content/notices/2024/huai.md'),
      '---\n标题: 坏\n分类: 农业\n发布日期: "2024-13-01"\n---\n\n正文。\n',
    );
    const summary = join(work, '..', 'summary.md');
    const checked = runCheck(work, summary);
    assert.equal(checked.status, 1);
    const page = readFileSync(summary, 'utf8');
    assert.match(page, /^## ❌ 内容检查没有通过：\d+ 个错误/);
    assert.match(
      page,
      /\| 错误 \| notices\/2024\/huai\.md \| 4 \| 发布日期 \| “2024-13-01”不是真实存在的日期 \| 核对月份和日期/,
    );
    assert.match(page, /\| 错误 \| notices\/2024\/huai\.md \| 3 \| 分类 \| “农业”不在分类表中 \|/);
    assert.doesNotMatch(page, /at .*\.ts:\d+/, 'no stack trace');
  });
});
