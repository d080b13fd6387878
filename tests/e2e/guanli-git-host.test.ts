/**
 * The editor at /guanli/ in git-host mode with the Gitea backend, end to end, against a fake
 * Gitea API on loopback (fake-gitea.ts): a clerk signs in with an access token, sees the notices
 * of the repository, edits one and saves; the save arrives as one commit of that file, which must
 * still pass `npm run check`. The editor talks to no one but the site and the git host.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { useSite } from './harness.ts';
import { startFakeGitea } from './fake-gitea.ts';
import { fixture, runScript, temporary } from '../build/helpers.ts';
import { securityHeadersFor } from '../../src/domain/site/security-headers.ts';

const TOKEN = 'test-token';
// The fake's address goes into site.yaml, so it starts before the site is built (useSite's `before`).
const gitea = await startFakeGitea({ repo: 'zhen/gongkai', token: TOKEN });
after(() => gitea.close());

const work = temporary('gongkai-guanli-git-');
const content = join(work, 'content');
cpSync(fixture('office'), content, { recursive: true });
appendFileSync(join(content, 'site.yaml'), `代码仓库:\n  平台: gitea\n  仓库: zhen/gongkai\n  网址: ${gitea.url}\n`);
// The repository holds the site.yaml naming it. Outside a git repository the build takes the
// content folder for content/ at the repository's root (repositoryPlace), so that is where it goes.
gitea.seed(content, 'content/');
const site = useSite(content, '/', securityHeadersFor);

const NOTICE = 'content/notices/2024/fangxun.md';

describe('/guanli/ with a Gitea host', () => {
  test('token sign-in, the notices, and an edit saved as one commit that passes check', async () => {
    const editorUrl = `${site.urls.find((u) => u.includes('127.0.0.1'))!}guanli/`;
    const origin = new URL(editorUrl).origin;
    gitea.corsOrigin = origin;
    const original = gitea.files.get(NOTICE)!.toString('utf8');
    const context = await site.context();
    try {
      const page = await context.newPage();
      await page.goto(editorUrl);
      await page.getByRole('button', { name: '使用访问令牌登录' }).click();
      const dialog = page.getByRole('alertdialog', { name: '使用访问令牌登录' });
      await dialog.getByRole('textbox', { name: '个人访问令牌' }).fill(TOKEN);
      await dialog.getByRole('button', { name: '登录' }).click();

      // Signed in with that token (the fake refuses any other), and the repository's notices listed.
      await page.getByText('关于做好2024年春耕生产工作的通知').waitFor();
      assert.ok(
        gitea.requests.some((r) => r.url === `${gitea.url}/api/v1/user` && r.authorization === `token ${TOKEN}`),
      );

      await page.getByText('关于做好2024年防汛工作的通知').click();
      await page.getByRole('textbox', { name: '摘要' }).fill('部署2024年防汛工作。');
      await page.getByRole('button', { name: '保存' }).click();
      // Shown once the commit's answer is in: the editor has nothing left to send.
      await page.getByText('条目已保存').waitFor();
    } finally {
      await context.close();
    }

    assert.equal(gitea.commits.length, 1);
    const [commit] = gitea.commits;
    assert.equal(commit!.branch, 'main');
    assert.deepEqual(commit!.author, { name: '测试镇办公室', email: 'zhen@test.example.gov.cn' });
    assert.deepEqual(
      commit!.files.map((f) => [f.operation, f.path]),
      [['update', NOTICE]],
    );
    const saved = commit!.files[0]!.content.toString('utf8');
    assert.match(saved, /\n摘要: "部署2024年防汛工作。"\n/);
    assert.ok(saved.includes('索引号: "114400001234567890/2024-00002"'), saved);
    const body = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5).trim();
    assert.equal(body(saved), body(original));
    assert.equal(gitea.files.get(NOTICE)!.toString('utf8'), saved);

    // The repository after the commit, as CI would check it out: its content/ passes check.
    const checkout = join(work, 'checkout');
    for (const [path, data] of gitea.files) {
      mkdirSync(dirname(join(checkout, path)), { recursive: true });
      writeFileSync(join(checkout, path), data);
    }
    assert.equal(readFileSync(join(checkout, NOTICE), 'utf8'), saved);
    const checked = runScript('check', ['--content', join(checkout, 'content')]);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);

    assert.deepEqual(gitea.unanswered, []);
    const away = site.requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !url.startsWith(`${gitea.url}/`) && !/^(blob|data):/.test(url),
    );
    assert.deepEqual(away, []);
    assert.deepEqual(site.consoleErrors, []);
  });
});
