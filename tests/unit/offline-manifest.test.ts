import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cacheNames, fileUrl, isShellFile } from '../../src/domain/site/offline-manifest.ts';

describe('isShellFile', () => {
  test('includes the main pages, styles, small scripts and Pagefind’s start-up files', () => {
    for (const path of [
      'index.html',
      'mulu/index.html',
      'zhinan/index.html',
      'zhidu/index.html',
      'jigou/index.html',
      'yishenqing/index.html',
      'yishenqing/shenqingbiao/index.html',
      'sousuo/index.html',
      'lixian/index.html',
      '_assets/site.css',
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.unknown.pagefind',
      'pagefind/filter/zh-cn_1.pf_filter',
    ]) {
      assert.equal(isShellFile(path, 10_000), true, path);
    }
  });
  test('leaves notice pages, index chunks, fragments and large on-demand scripts to later', () => {
    for (const [path, bytes] of [
      ['xxgk/a/index.html', 9000],
      ['pagefind/index/zh-cn_1.pf_index', 9000],
      ['pagefind/fragment/zh-cn_1.pf_fragment', 900],
      ['_assets/cn2t.abc.js', 1_100_000],
    ] as const) {
      assert.equal(isShellFile(path, bytes), false, path);
    }
  });
});

describe('fileUrl', () => {
  test('turns index.html into its folder URL under the base', () => {
    assert.equal(fileUrl('/gk/', 'mulu/index.html'), '/gk/mulu/');
    assert.equal(fileUrl('/', 'index.html'), '/');
    assert.equal(fileUrl('/gk/', 'pagefind/pagefind.js'), '/gk/pagefind/pagefind.js');
  });
});

describe('cacheNames', () => {
  test('carry the build version, so two builds never share a cache', () => {
    assert.deepEqual(
      Object.values(cacheNames('v1')).map((n) => n.startsWith('gongkai-v1-')),
      [true, true, true],
    );
  });
});
