/**
 * The editor at /guanli/ in Chromium: Sveltia CMS loads from this site only, in 简体中文, under
 * its own policy; axe on its first screen; and local-folder mode end to end. Chromium opens a
 * real folder only through showDirectoryPicker, which needs a user's gesture and a dialog; the
 * test answers the picker with a folder of the origin private file system (OPFS) holding a copy
 * of the office fixture, the same FileSystemDirectoryHandle API Sveltia uses on a real folder.
 * The notice saved there is copied back to disk and must pass `npm run check`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { useSite } from './harness.ts';
import { fixture, ROOT, runScript, temporary } from '../build/helpers.ts';
import { paths } from '../../src/domain/site/site-paths.ts';
import { OrganInfoSchema } from '../../src/domain/site/organ-info.ts';
import { DOC_NUMBER_MESSAGE } from '../../src/cms/cms-config.ts';
import { EDITOR_CONTENT_SECURITY_POLICY, securityHeadersFor } from '../../src/domain/site/security-headers.ts';

const work = temporary('gongkai-guanli-');
const content = join(work, 'content');
cpSync(fixture('office'), content, { recursive: true });
// Keys the editor keeps as written, in the shapes they take: a list mixing names and maps.
const maintainerKeys =
  '机构类型: 乡镇\n栏目:\n  - 规章和规范性文件\n  - 名称: 村务公开\n    代码: cunwu\n    说明: 村级事务\n';
appendFileSync(join(content, 'site.yaml'), maintainerKeys);
const site = useSite(content, '/', securityHeadersFor);

/** Sveltia offers local folders on http://127.0.0.1 and localhost only (not [::1]). */
const editorUrl = () => `${site.urls.find((u) => u.includes('127.0.0.1'))!}guanli/`;

/** The picker answers with OPFS's `repo` folder: a `.git` folder and the content folder. */
async function openWithLocalFolder(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.assign(window, {
      showDirectoryPicker: async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true }),
    });
  });
  await page.goto(editorUrl());
  const files = readdirSync(content, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const full = join(e.parentPath, e.name);
      return { path: `content/${relative(content, full)}`, data: readFileSync(full).toString('base64') };
    });
  await page.evaluate(async (list) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
    await root.getDirectoryHandle('.git', { create: true });
    for (const file of list) {
      const parts = file.path.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  }, files);
}

/**
 * Every file under OPFS's `repo/content/`, by path relative to the content folder. Sveltia saves
 * by writing a temporary file and renaming it over the old one: a file listed a moment ago may be
 * gone (NotFoundError) or replaced while it is read (NotReadableError). Then the whole folder is
 * read again, so a caller never gets a listing with a file missing.
 */
async function savedFiles(page: Page): Promise<Record<string, string>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readSavedFiles(page);
    } catch (error) {
      if (attempt === 20 || !/NotFoundError|NotReadableError/.test(String(error))) throw error;
      await page.waitForTimeout(100);
    }
  }
}

async function readSavedFiles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    async function walk(dir: FileSystemDirectoryHandle, prefix: string): Promise<void> {
      for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${handle.name}/`);
        else out[prefix + handle.name] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
    }
    const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
    await walk(await repo.getDirectoryHandle('content'), '');
    return out;
  });
}

/** Opens the editor on the OPFS copy of the content folder and waits for the notice list. */
async function openNoticeList(page: Page): Promise<void> {
  await openWithLocalFolder(page);
  await page.getByRole('button', { name: '使用本地仓库' }).click();
  await page.getByText('关于做好2024年春耕生产工作的通知').waitFor();
}

/**
 * Scrolls an entry's form until the body's editor is there: fields further down (解读, 附件, the
 * body) are made when they scroll into view. Returns the body editor's toolbar.
 */
async function revealLowerFields(page: Page): Promise<Locator> {
  const toolbar = page.getByRole('toolbar', { name: '文本编辑器' });
  for (let i = 0; i < 20 && !(await toolbar.count()); i++) {
    await page.mouse.move(300, 400);
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(200);
  }
  return toolbar;
}

/** A body with a table, as a clerk types it in the editor's Markdown mode. */
const BODY = [
  '各村（社区）：现将春季植树活动有关事项通知如下。',
  '',
  '| 树种 | 数量（株） |',
  '| --- | --- |',
  '| 桂花 | 200 |',
  '| 樟树 | 150 |',
].join('\n');

/** `键: 值` as the editor writes it: the value in double quotes (a value already quoted stays). */
function quoted(line: string): string {
  const match = /^([^:\s]+): (.+)$/.exec(line);
  if (!match || match[2]!.startsWith('"')) return line;
  return `${match[1]}: ${JSON.stringify(match[2])}`;
}

describe('/guanli/', () => {
  test('opens Sveltia CMS in 简体中文 from this site alone, without console errors', async () => {
    const context = await site.context();
    const page = await context.newPage();
    const response = await page.goto(editorUrl());
    assert.equal(response?.headers()['content-security-policy'], EDITOR_CONTENT_SECURITY_POLICY);
    await page.getByRole('button', { name: '使用本地仓库' }).waitFor();
    // This office has no git host: a token would have no repository to open.
    assert.equal(await page.getByRole('button', { name: '使用访问令牌登录' }).count(), 0);
    const origin = new URL(editorUrl()).origin;
    const away = site.requests.filter((url) => !url.startsWith(origin) && !/^(blob|data):/.test(url));
    assert.deepEqual(away, []);
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });

  test('without a git host, an address other than 127.0.0.1 says where the editor works', async () => {
    const context = await site.context();
    const page = await context.newPage();
    const ipv6 = site.urls.find((u) => u.includes('[::1]'))!;
    await page.goto(`${ipv6}guanli/`);
    await page.getByRole('heading', { name: '在线编辑只能在工作人员的电脑上使用' }).waitFor();
    await page.getByText('http://127.0.0.1:4321/guanli/').waitFor();
    assert.equal(await page.getByRole('button', { name: /使用本地仓库|使用访问令牌登录/ }).count(), 0);
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });

  test('English browsers get 简体中文 too', async () => {
    const context = await site.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(editorUrl());
    await page.getByRole('button', { name: '使用本地仓库' }).waitFor();
    await context.close();
  });

  test('axe: the first screen (violations in Sveltia’s own markup are reported, not failed)', async () => {
    const context = await site.context();
    const page = await context.newPage();
    await page.goto(editorUrl());
    await page.getByRole('button', { name: '使用本地仓库' }).waitFor();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    for (const v of results.violations)
      console.log(`Sveltia: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    // What our page makes (index.html) must pass: language, title, our viewport tag. Sveltia adds a
    // second viewport tag of its own with maximum-scale=1 (axe: meta-viewport), and its sign-in
    // screen has no landmarks (region; landmark-one-main, reported or not depending on how far its
    // start-up has got): all its markup, reported above.
    const ourViewport = '<meta name="viewport" content="width=device-width, initial-scale=1">';
    const ours = results.violations.filter(
      (v) =>
        ['html-has-lang', 'html-lang-valid', 'document-title'].includes(v.id) ||
        v.nodes.some((n) => n.html === ourViewport),
    );
    assert.deepEqual(
      ours.map((v) => v.id),
      [],
    );
    assert.ok(
      results.violations.every((v) => ['meta-viewport', 'region', 'landmark-one-main'].includes(v.id)),
      'only the known ones',
    );
    await context.close();
  });

  test('local folder: a new notice, with a table and an attachment, is saved, numbered and published', async () => {
    const context = await site.context();
    const page = await context.newPage();
    await openNoticeList(page);
    await page.getByText('新建', { exact: true }).click();
    await page.getByRole('textbox', { name: '标题' }).fill('关于开展2026年春季植树活动的通知');
    // The 索引号 is not the clerk's to type: it is allocated when the notice is published.
    assert.equal(await page.getByRole('textbox', { name: '索引号' }).isEditable(), false);
    await page.getByRole('textbox', { name: '文号' }).fill('测镇府〔2026〕5号');
    await page.getByRole('combobox', { name: '分类' }).click();
    await page.getByRole('option', { name: '城乡建设、环境保护' }).click();
    await page.getByRole('textbox', { name: '发布日期' }).fill('2025-12-30');
    await page.getByRole('textbox', { name: '体裁' }).fill('通知');
    const toolbar = await revealLowerFields(page);
    // An attachment: its file goes into attachments/<year>/ (the year it is uploaded).
    await page.getByRole('button', { name: /添加.*附件/ }).click();
    await page.getByRole('textbox', { name: '名称' }).fill('植树报名表');
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({
        name: 'baomingbiao.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      });
    // The body, with a table, typed as Markdown (the editor's own switch).
    await toolbar.getByRole('button', { name: '以 Markdown 编辑' }).click();
    await page.locator('textarea').last().fill(BODY);
    await page.getByRole('button', { name: '保存' }).click();

    // The file goes into the folder of its 发布日期's year; the attachment into the year it is uploaded.
    const year = new Date().getFullYear();
    const folderYear = 2025;
    let created: [string, string] | undefined;
    for (let i = 0; i < 50 && !created; i++) {
      created = Object.entries(await savedFiles(page)).find(
        ([path]) => path.startsWith(`notices/${folderYear}/`) && path.endsWith('.md'),
      );
      if (!created) await page.waitForTimeout(200);
    }
    assert.ok(created, `a file under notices/${folderYear}/`);
    const [path, text] = created;
    assert.match(path, new RegExp(`^notices/${folderYear}/20251230-[a-z0-9]+\\.md$`));
    assert.match(text, /^---\n标题: "关于开展2026年春季植树活动的通知"\n文号: "测镇府〔2026〕5号"\n/);
    assert.doesNotMatch(text, /索引号/);
    assert.match(text, /\n发布日期: "2025-12-30"\n/);
    assert.match(text, new RegExp(`\\n附件:\\n  - 名称: "植树报名表"\\n    文件: "/${year}/baomingbiao.pdf"\\n`));
    assert.equal((await savedFiles(page))[`attachments/${year}/baomingbiao.pdf`], '%PDF-1.4\n%%EOF\n');
    assert.ok(text.includes(`\n---\n\n${BODY}`) || text.includes(`\n---\n${BODY}`), text);
    assert.deepEqual(site.consoleErrors, []);
    const saved = await savedFiles(page);
    await context.close();

    // Everything the editor wrote, back on disk, as a push would bring it to CI: check asks for
    // the 索引号, check --fix allocates it, and the build publishes the notice at its address.
    const published = join(work, 'published');
    cpSync(content, published, { recursive: true });
    for (const [file, data] of Object.entries(saved)) {
      mkdirSync(dirname(join(published, file)), { recursive: true });
      writeFileSync(join(published, file), data);
    }
    const before = runScript('check', ['--content', published]);
    assert.equal(before.status, 1);
    assert.match(before.stderr, new RegExp(`错误 ${path}:1 索引号: 还没有索引号 — 运行 npm run check -- --fix`));
    const fixed = runScript('check', ['--content', published, '--fix']);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    const allocated = new RegExp(`已分配 ${path}:3 索引号：(114400001234567890/2025-\\d{5})`).exec(fixed.stdout);
    assert.ok(allocated, fixed.stdout);
    const out = join(work, 'out');
    const built = runScript('build', ['--content', published, '--out', out]);
    assert.equal(built.status, 0, built.stdout + built.stderr);
    const html = readFileSync(join(out, paths.notice(allocated[1]!), 'index.html'), 'utf8');
    assert.match(html, /<h1[^>]*>关于开展2026年春季植树活动的通知<\/h1>/);
    assert.match(html, /<th[^>]*>树种<\/th>/);
    assert.match(html, /<td[^>]*>桂花<\/td>/);
    assert.match(html, new RegExp(`href="/attachments/${year}/baomingbiao.pdf"`));
  });

  test('local folder: a 解读 picks the notice it interprets by title, and saves its 索引号', async () => {
    const context = await site.context();
    const page = await context.newPage();
    await openNoticeList(page);
    await page.getByText('新建', { exact: true }).click();
    await page.getByRole('textbox', { name: '标题' }).fill('一图读懂《测试镇农村宅基地管理办法》');
    await page.getByRole('combobox', { name: '分类' }).click();
    await page.getByRole('option', { name: '城乡建设、环境保护' }).click();
    await page.getByRole('textbox', { name: '发布日期' }).fill('2026-03-02');
    await page.getByRole('textbox', { name: '体裁' }).fill('解读');
    await revealLowerFields(page);
    const interprets = page.getByRole('combobox', { name: '解读' });
    await interprets.scrollIntoViewIfNeeded();
    await interprets.click();
    await page.getByRole('option', { name: '测试镇农村宅基地管理办法', exact: true }).click();
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type('宅基地申请条件、办理流程一图读懂。');
    await page.getByRole('button', { name: '保存' }).click();

    let saved: string | undefined;
    for (let i = 0; i < 50 && !saved; i++) {
      saved = Object.values(await savedFiles(page)).find((text) =>
        text.includes('一图读懂《测试镇农村宅基地管理办法》'),
      );
      if (!saved) await page.waitForTimeout(200);
    }
    assert.ok(saved);
    assert.match(saved, /\n解读: "114400001234567890\/2023-00001"\n/);
    const checkedDir = join(work, 'interprets');
    cpSync(content, checkedDir, { recursive: true });
    writeFileSync(join(checkedDir, 'notices/2026-tujie.md'), saved);
    const checked = runScript('check', ['--content', checkedDir, '--fix']);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });

  test('local folder: editing a notice changes that field and keeps every other line byte for byte', async () => {
    const context = await site.context();
    const page = await context.newPage();
    await openWithLocalFolder(page);
    await page.getByRole('button', { name: '使用本地仓库' }).click();
    await page.getByText('关于做好2024年防汛工作的通知').click();
    await page.getByRole('textbox', { name: '摘要' }).fill('部署2024年防汛工作。');
    await page.getByRole('button', { name: '保存' }).click();
    const before = readFileSync(join(content, 'notices/2024/fangxun.md'), 'utf8');
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      // Sveltia writes a temporary file and renames it: read until the new text is in place.
      after = (await savedFiles(page))['notices/2024/fangxun.md'] ?? before;
      if (after === before) await page.waitForTimeout(200);
    }
    assert.match(after, /\n摘要: "部署2024年防汛工作。"\n/);
    // Every field line as it was, apart from the new 摘要 (values come back in double quotes,
    // as `npm run new` writes them, and in the field table's order).
    const fieldLines = (text: string) => new Set(text.slice(4, text.indexOf('\n---\n', 4)).split('\n'));
    const kept = fieldLines(after);
    for (const line of fieldLines(before)) assert.ok(kept.has(quoted(line)), `kept: ${line}`);
    assert.equal(kept.size, fieldLines(before).size + 1);
    // The body is kept as written (Sveltia may normalise the blank line after the frontmatter).
    const body = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5).trim();
    assert.equal(body(after), body(before));
    mkdirSync(join(work, 'edited'), { recursive: true });
    cpSync(content, join(work, 'edited'), { recursive: true });
    writeFileSync(join(work, 'edited', 'notices/2024/fangxun.md'), after);
    const checked = runScript('check', ['--content', join(work, 'edited')]);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });
  /** Opens a file of the 本机关 group, changes one field, saves, and returns the file before and after. */
  async function editOfficeFile(page: Page, file: string, label: string, field: string, value: string) {
    await openNoticeList(page);
    await page.getByRole('treeitem', { name: '本机关' }).click();
    await page.getByText(label).click();
    await page.getByRole('textbox', { name: field, exact: true }).fill(value);
    await page.getByRole('button', { name: '保存' }).click();
    const before = readFileSync(join(content, file), 'utf8');
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      after = (await savedFiles(page))[file] ?? before;
      if (after === before) await page.waitForTimeout(200);
    }
    return { before: parseYaml(before) as Record<string, unknown>, after: parseYaml(after) as Record<string, unknown> };
  }

  test('site.yaml: a clerk changes the phone number; the maintainer’s keys are kept as they were', async () => {
    const context = await site.context();
    const page = await context.newPage();
    const { before, after } = await editOfficeFile(
      page,
      'site.yaml',
      '本机关信息（site.yaml）',
      '电话',
      '0758-0000009',
    );
    assert.deepEqual(after, { ...before, 电话: '0758-0000009' });
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });

  test('jigou.yaml: a clerk changes the office hours; every other entry is kept', async () => {
    const context = await site.context();
    const page = await context.newPage();
    const { before, after } = await editOfficeFile(
      page,
      'jigou.yaml',
      '机构信息（jigou.yaml）',
      '办公时间',
      '周一至周五 9:00-17:00',
    );
    // As the site reads it: Sveltia drops the 机构职能 block's final line break, which the reader trims.
    assert.deepEqual(OrganInfoSchema.parse(after), {
      ...OrganInfoSchema.parse(before),
      officeHours: '周一至周五 9:00-17:00',
    });
    assert.deepEqual(site.consoleErrors, []);
    await context.close();
  });
  test('the clerk guide’s screenshots, from the real editor (test-results/guanli/)', async () => {
    const shots = join(ROOT, 'test-results', 'guanli');
    mkdirSync(shots, { recursive: true });
    const context = await site.context();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const shoot = async (name: string) => {
      const file = join(shots, `${name}.png`);
      await page.screenshot({ path: file });
      // A real picture of the page, not a blank or an error screen: a PNG of some size.
      const png = readFileSync(file);
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.ok(png.length > 20_000, `${name}: ${png.length} bytes`);
    };
    await openWithLocalFolder(page);
    await page.getByRole('button', { name: '使用本地仓库' }).waitFor();
    await page.waitForLoadState('networkidle');
    await shoot('1-sign-in');
    await page.getByRole('button', { name: '使用本地仓库' }).click();
    await page.getByText('关于做好2024年春耕生产工作的通知').waitFor();
    await shoot('2-notices');
    await page.getByText('新建', { exact: true }).click();
    await page.getByRole('textbox', { name: '标题' }).fill('关于开展2026年春季植树活动的通知');
    await page.getByRole('textbox', { name: '文号' }).fill('测镇府〔2026〕5号');
    await page.getByRole('combobox', { name: '分类' }).click();
    await page.getByRole('option', { name: '城乡建设、环境保护' }).click();
    await page.getByRole('textbox', { name: '发布日期' }).fill('2026-03-01');
    await page.getByRole('textbox', { name: '文号' }).focus();
    await shoot('3-new-notice');
    // A 文号 with the wrong brackets is refused on saving, with check's own hint.
    await page.getByRole('textbox', { name: '文号' }).fill('测镇府[2026]5号');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(DOC_NUMBER_MESSAGE).first().waitFor();
    await page.getByRole('textbox', { name: '文号' }).scrollIntoViewIfNeeded();
    await shoot('4-doc-number-hint');
    await context.close();
  });
});
