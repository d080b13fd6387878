import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyPlainText } from '../../src/domain/body/body-text.ts';
import { externalLinks } from '../../src/domain/body/body-links.ts';
import { bodyHtml } from '../../src/site/render/body-html.ts';

const site = { base: '/', siteUrl: 'https://www.example.gov.cn' };
const render = async (body: string) => bodyHtml({ file: 'notices/2025/a.md', body }, site);

describe('a body that opens with a --- line (a 分隔线, its frontmatter split off already)', () => {
  const body = '---\n第一部分的文字。\n---\n后文。';
  test('check reads the text after it', () => assert.match(bodyPlainText(body), /第一部分的文字/));
  test('the page shows the text after it', async () => assert.match(await render(body), /第一部分的文字/));
});

describe('check and the page read a body with the same parser', () => {
  test('a bare www. address is a link to both', async () => {
    const body = '详见 www.example.com 。';
    assert.deepEqual(externalLinks(body, site.siteUrl), ['http://www.example.com']);
    assert.match(await render(body), /<a [^>]*class="external-link"/);
  });
});
