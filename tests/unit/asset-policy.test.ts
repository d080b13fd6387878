import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { foreignAssets } from '../../src/domain/site/asset-policy.ts';

describe('foreignAssets', () => {
  test('finds scripts, styles, fonts, images and frames from other hosts', () => {
    const html = `
      <script src="https://cdn.example.com/a.js"></script>
      <link rel="stylesheet" href="//fonts.example.com/css">
      <img src="http://1.2.3.4/a.png" srcset="/b.png 1x, https://img.example.com/b@2x.png 2x">
      <iframe src="https://map.example.com/"></iframe>
      <style>@font-face { src: url(https://fonts.example.com/f.woff2) }</style>`;
    assert.deepEqual(
      foreignAssets(html).map((a) => a.via),
      ['script', 'src', 'src', 'srcset', 'link', 'css url()'],
    );
  });
  test('ignores the site’s own files, data URLs and ordinary links to other sites', () => {
    const html = `<script src="/_assets/a.js"></script><link rel="stylesheet" href="/gk/_assets/s.css">
      <img src="data:image/png;base64,AAA"><a href="https://www.gov.cn/">中国政府网</a>
      <link rel="canonical" href="https://gk.example.gov.cn/">`;
    assert.deepEqual(foreignAssets(html), []);
  });
});
