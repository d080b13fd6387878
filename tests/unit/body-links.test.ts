import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { externalLinks, isForeignUrl } from '../../src/domain/body/body-links.ts';

describe('isForeignUrl', () => {
  test('is true for absolute and protocol-relative URLs of other hosts', () => {
    for (const url of ['https://www.gov.cn/', 'http://1.2.3.4/a.png', '//cdn.example.com/x.js'])
      assert.equal(isForeignUrl(url), true, url);
  });
  test('is false for paths on this site, anchors, mail and the site’s own host', () => {
    for (const url of ['/attachments/a.pdf', 'a.png', '#top', 'mailto:gk@example.gov.cn', 'tel:12345'])
      assert.equal(isForeignUrl(url), false, url);
    assert.equal(isForeignUrl('https://gk.example.gov.cn/x/', 'https://gk.example.gov.cn/'), false);
  });
});

describe('externalLinks', () => {
  test('lists the links that leave the site', () => {
    const body = '见[中国政府网](https://www.gov.cn/)和[目录](/mulu/)，<https://www.example.com/>。';
    assert.deepEqual(externalLinks(body), ['https://www.gov.cn/', 'https://www.example.com/']);
  });
});
