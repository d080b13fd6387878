import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Mirror } from '../../src/import/mirror.ts';
import { AttachmentPlacer, safeFileName } from '../../src/import/attachments.ts';
import { temporary } from '../build/helpers.ts';

/** A wget-style mirror with one page and a few files, and a secret beside it. */
function mirror() {
  const base = temporary('gongkai-import-mirror-');
  const root = join(base, 'mirror');
  const files = {
    'www.example.gov.cn/xxgk/2010/04/art_1.html': '<html></html>',
    'www.example.gov.cn/attach/a.pdf': '%PDF-a',
    'www.example.gov.cn/attach/附件 2.doc': 'doc',
    'www.example.gov.cn/module/download/down.jsp?id=7': 'xls bytes',
    'www.example.gov.cn/module/download/down.jsp@id=8': 'saved on Windows',
    'other.example.gov.cn/b.pdf': '%PDF-b',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(base, 'secret.pdf'), 'secret');
  symlinkSync(join(base, 'secret.pdf'), join(root, 'www.example.gov.cn/attach/link.pdf'));
  symlinkSync(base, join(root, 'www.example.gov.cn/up'));
  return { root, page: join(root, 'www.example.gov.cn/xxgk/2010/04/art_1.html') };
}

describe('Mirror.resolve', () => {
  const { root, page } = mirror();
  const site = new Mirror(root);
  const found = (href: string) => {
    const result = site.resolve(href, page);
    return result.found ? result.file.slice(root.length + 1) : result.reason;
  };

  test('relative links, links from the site root (under the host folder) and the old site’s full address', () => {
    assert.equal(found('../../../attach/a.pdf'), 'www.example.gov.cn/attach/a.pdf');
    assert.equal(found('/attach/a.pdf'), 'www.example.gov.cn/attach/a.pdf');
    assert.equal(found('http://www.example.gov.cn/attach/a.pdf#page=2'), 'www.example.gov.cn/attach/a.pdf');
    assert.equal(found('//other.example.gov.cn/b.pdf'), 'other.example.gov.cn/b.pdf');
  });
  test('percent-encoded names and wget’s saved query strings (? on Linux, @ on Windows)', () => {
    assert.equal(found('/attach/%E9%99%84%E4%BB%B6%202.doc'), 'www.example.gov.cn/attach/附件 2.doc');
    assert.equal(found('/module/download/down.jsp?id=7'), 'www.example.gov.cn/module/download/down.jsp?id=7');
    assert.equal(found('/module/download/down.jsp?id=8'), 'www.example.gov.cn/module/download/down.jsp@id=8');
  });
  test('nothing outside the mirror: .., absolute paths, file: and other schemes, symbolic links', () => {
    assert.equal(found('../../../../../secret.pdf'), 'outside');
    assert.equal(found('/../../secret.pdf'), 'outside');
    assert.equal(found('file:///etc/passwd'), 'outside');
    assert.equal(found('C:\\Windows\\win.ini'), 'outside');
    assert.equal(found('/attach/link.pdf'), 'symlink');
    assert.equal(found('/up/secret.pdf'), 'symlink');
    assert.equal(found('/etc/passwd'), 'missing');
  });
});

describe('AttachmentPlacer', () => {
  test('keeps the file name, numbers a clash, places one source once', () => {
    const { root } = mirror();
    const placer = new AttachmentPlacer(new Map([['2010/a.pdf', 3]]));
    const a = join(root, 'www.example.gov.cn/attach/a.pdf');
    const b = join(root, 'other.example.gov.cn/b.pdf');
    const first = placer.place(a, 6, 2010, 'pdf', join(root, 'content'));
    assert.deepEqual(first, { path: '2010/a-2.pdf', source: a, copy: true });
    assert.equal(placer.place(a, 6, 2010, 'pdf', root), first);
    assert.equal(placer.place(b, 6, 2011, 'pdf', root).path, '2011/b.pdf');
  });
  test('file names: no separators, controls, leading dots or odd characters', () => {
    assert.equal(safeFileName('../../x.pdf', 'pdf'), 'x.pdf');
    assert.equal(safeFileName('.hidden.doc', 'doc'), 'hidden.doc');
    assert.equal(safeFileName('附件1：申报表?.xls', 'xls'), '附件1：申报表.xls');
    assert.equal(safeFileName('down.jsp', 'xlsx'), 'down.xlsx');
    assert.equal(safeFileName('%E9%99%84%E4%BB%B6.pdf', 'pdf'), '附件.pdf');
    assert.equal(safeFileName('', 'pdf'), 'fujian.pdf');
  });
});
