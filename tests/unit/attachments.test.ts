import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/content/content-folder.ts';
import { attachmentPath, publishedAttachments } from '../../src/domain/notice/attachments.ts';

const OFFICE = new URL('../fixtures/office', import.meta.url).pathname;
const kinds = (problems: { file: string; kind: string; severity: string }[]) =>
  problems.map((p) => `${p.file} ${p.kind} ${p.severity}`).sort();

describe('publishedAttachments', () => {
  const onDisk = new Map([
    ['2024/a.pdf', 10],
    ['2024/b.docx', 20],
    ['2024/page.html', 30],
    ['2024/logo.SVG', 40],
    ['2024/old.xls', 50],
  ]);
  const use = (path: string, field = '附件') => ({ file: 'notices/n.md', line: 6, field, path });

  test('publishes only the files notices use, of an allowed type', () => {
    const { published, problems } = publishedAttachments(onDisk, [
      use('2024/a.pdf'),
      use('2024/b.docx', '正文'),
      use('2024/a.pdf', '正文'),
    ]);
    assert.deepEqual([...published.keys()].sort(), ['2024/a.pdf', '2024/b.docx']);
    assert.deepEqual(kinds(problems), [
      'attachments/2024/logo.SVG unused-attachment warning',
      'attachments/2024/old.xls unused-attachment warning',
      'attachments/2024/page.html unused-attachment warning',
    ]);
  });

  test('refuses web pages and SVG even when a notice uses them, at the use', () => {
    const { published, problems } = publishedAttachments(onDisk, [use('2024/page.html'), use('2024/logo.SVG', '正文')]);
    assert.equal(published.size, 0);
    assert.deepEqual(
      problems.filter((p) => p.kind === 'attachment-type').map((p) => `${p.file}:${p.line} ${p.field}`),
      ['notices/n.md:6 附件', 'notices/n.md:6 正文'],
    );
  });

  test('reads the paths editors write', () => {
    assert.equal(attachmentPath('./attachments/2024/a.pdf'), '2024/a.pdf');
    assert.equal(attachmentPath('2024\\a.pdf'), '2024/a.pdf');
    assert.equal(attachmentPath(' /2024/a.pdf '), '2024/a.pdf');
  });
});

describe('reading a content folder: nothing through a link, nothing hidden', () => {
  let dir: string;
  before(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'gongkai-attach-')), 'content');
    cpSync(OFFICE, dir, { recursive: true });
    const outside = join(dir, '..', 'secret.txt');
    writeFileSync(outside, '机密');
    symlinkSync('/etc', join(dir, 'attachments', 'etc'));
    symlinkSync(outside, join(dir, 'attachments', 'secret.pdf'));
    symlinkSync(outside, join(dir, 'notices', 'link.md'));
    mkdirSync(join(dir, 'attachments', '.git'));
    writeFileSync(join(dir, 'attachments', '.git', 'config'), '[remote]');
    writeFileSync(join(dir, 'attachments', '.env'), 'TOKEN=x');
    writeFileSync(join(dir, 'attachments', '~$yusuan.xlsx'), 'lock');
    writeFileSync(join(dir, 'attachments', 'Thumbs.db'), 'x');
    writeFileSync(join(dir, 'attachments', 'unused.pdf'), '%PDF');
    execFileSync('mkfifo', [join(dir, 'attachments', 'pipe')]);
  });
  after(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  test('refuses links and special files, leaves out hidden files and litter, warns of unused files', async () => {
    const report = await loadContent(dir);
    assert.deepEqual(kinds(report.problems), [
      'attachments/.env refused-hidden warning',
      'attachments/.git refused-hidden warning',
      'attachments/etc refused-symlink error',
      'attachments/pipe refused-special error',
      'attachments/secret.pdf refused-symlink error',
      'attachments/unused.pdf unused-attachment warning',
      'notices/link.md refused-symlink error',
    ]);
    for (const problem of report.problems) assert.match(`${problem.message}${problem.fix}`, /[\u4e00-\u9fff]/);
  });
});
