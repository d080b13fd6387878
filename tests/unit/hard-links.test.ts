import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackgroundLinks } from '../../scripts/lib/hard-links.ts';
import { tempDir } from '../build/helpers.ts';

const work = () => tempDir('links');

describe('BackgroundLinks', () => {
  test('links every file it is given, making the folders, by the time finish resolves', async () => {
    const dir = work();
    const links = new BackgroundLinks();
    for (let i = 0; i < 600; i++) {
      writeFileSync(join(dir, `page-${i}.html`), `第 ${i} 页`);
      links.add(join(dir, `page-${i}.html`), join(dir, 'new', 'xxgk', `p${i}`, 'index.html'));
    }
    await links.finish();
    for (const i of [0, 255, 256, 599]) {
      const target = join(dir, 'new', 'xxgk', `p${i}`, 'index.html');
      assert.equal(readFileSync(target, 'utf8'), `第 ${i} 页`);
      assert.equal(statSync(target).ino, statSync(join(dir, `page-${i}.html`)).ino, 'a hard link, not a copy');
    }
  });

  test('finish fails, naming the cause, when a file cannot be linked or copied', async () => {
    const dir = work();
    const links = new BackgroundLinks();
    links.add(join(dir, 'missing.html'), join(dir, 'new', 'index.html'));
    await assert.rejects(links.finish(), /复制上次生成的页面失败：.*missing\.html/);
  });

  test('with nothing to link, finish resolves at once', async () => {
    await new BackgroundLinks().finish();
  });
});
