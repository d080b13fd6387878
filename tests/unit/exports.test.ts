import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLValidator, XMLParser } from 'fast-xml-parser';
import { loadContent } from '../../src/content/content-folder.ts';
import {
  catalogueCsv,
  catalogueJson,
  exportNotices,
  EXPORT_COLUMNS,
} from '../../src/domain/catalogue/catalogue-export.ts';
import { rssFeed, sitemapXml } from '../../src/domain/catalogue/feeds.ts';
import { parseCsv, toCsv } from '../../src/domain/text/csv.ts';
import { newestFirst } from '../../src/domain/catalogue/catalogue.ts';

const { content } = await loadContent(new URL('../fixtures/office', import.meta.url).pathname);
const notices = newestFirst(content!.notices);
const site = content!.site;

describe('toCsv / parseCsv', () => {
  test('starts with a BOM for Excel and quotes commas, quotes and line breaks', () => {
    const csv = toCsv([
      ['a', 'b,c'],
      ['say "hi"', 'two\nlines'],
    ]);
    assert.ok(csv.startsWith('\uFEFF'));
    assert.deepEqual(parseCsv(csv), [
      ['a', 'b,c'],
      ['say "hi"', 'two\nlines'],
    ]);
  });
});

describe('catalogue exports', () => {
  const exported = exportNotices(notices, site, '/');
  test('carry every frontmatter field plus the absolute page URL', () => {
    const spring = exported.find((n) => n.索引号 === '114400001234567890/2024-00001')!;
    assert.equal(spring.页面网址, 'https://test.example.gov.cn/xxgk/114400001234567890-2024-00001/');
    assert.equal(spring.文号, '测镇府〔2024〕3号');
    assert.deepEqual(spring.主题词, ['春耕', '农业']);
    const budget = exported.find((n) => n.索引号 === 'MB0000001/2022-00001')!;
    assert.deepEqual(budget.附件, [
      {
        名称: '2022年预算表',
        文件: '2022/yusuan.pdf',
        网址: 'https://test.example.gov.cn/attachments/2022/yusuan.pdf',
      },
    ]);
    assert.equal(exported.find((n) => n.标题 === '测试镇农村宅基地管理办法')!.规范性文件, '是');
  });
  test('the JSON lists every notice', () => {
    const json = JSON.parse(catalogueJson(exported, site));
    assert.equal(json.机关名称, '测试镇人民政府');
    assert.equal(json.信息.length, 8);
  });
  test('the CSV round-trips to the same values as the JSON', () => {
    const rows = parseCsv(catalogueCsv(exported));
    assert.deepEqual(rows[0], [...EXPORT_COLUMNS]);
    assert.equal(rows.length, 9);
    for (const [i, row] of rows.slice(1).entries()) {
      const record = Object.fromEntries(EXPORT_COLUMNS.map((c, j) => [c, row[j]]));
      assert.equal(record.索引号, exported[i]!.索引号);
      assert.equal(record.标题, exported[i]!.标题);
      assert.equal(record.主题词, exported[i]!.主题词.join('；'));
      assert.equal(record.页面网址, exported[i]!.页面网址);
    }
  });
});

describe('feeds', () => {
  test('the RSS feed is valid XML with the newest notice first and escaped text', () => {
    const xml = rssFeed(site, notices, '/');
    assert.equal(XMLValidator.validate(xml), true);
    const rss = new XMLParser().parse(xml).rss.channel;
    assert.equal(rss.item[0].title, '测试镇2024年征兵工作通告');
    assert.equal(rss.item[0].link, 'https://test.example.gov.cn/xxgk/114400001234567890-2024-00003/');
    assert.equal(rss.item.length, 8);
  });
  test('the sitemap is valid XML with absolute URLs, and empty without a 网址', () => {
    const xml = sitemapXml(site, [{ path: '/', lastmod: '2024-06-01' }, { path: '/xxgk/a-b/' }]);
    assert.equal(XMLValidator.validate(xml), true);
    assert.match(xml, /<loc>https:\/\/test\.example\.gov\.cn\/xxgk\/a-b\/<\/loc>/);
    assert.doesNotMatch(sitemapXml({ ...site, url: undefined }, [{ path: '/' }]), /<url>/);
  });
});
