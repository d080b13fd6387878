import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toSimplified } from '../../src/domain/search/chinese-variants.ts';
import { docNumberKey, indexNumberKey, lookupKey } from '../../src/domain/search/search-keys.ts';
import { excerptAsWritten } from '../../src/domain/search/search-excerpt.ts';
import { pageSearchRecord, searchRecord } from '../../src/domain/search/search-record.ts';
import { markdownSearchPage, sitePagesForSearch } from '../../src/domain/search/search-pages.ts';
import { parseSiteYaml } from '../../src/content/content-check.ts';
import { rankResults, TITLE_WORDS, titleHolds, titleWords } from '../../src/domain/search/search-ranking.ts';
import { EVERY_NOTICE_KEY } from '../../src/domain/search/search-keys.ts';
import { shardCacheKey } from '../../src/build/search/search-shard-cache.ts';
import { bodyPlainText } from '../../src/domain/body/body-text.ts';
import type { Notice } from '../../src/content/content-check.ts';

describe('toSimplified', () => {
  test('brings 繁體 to mainland 简体, character for character', () => {
    assert.equal(toSimplified('關於加強政務公開工作的通知'), '关于加强政务公开工作的通知');
    assert.equal(toSimplified('質監 辦法 資訊'), '质监 办法 资讯');
  });
  test('leaves 简体 and ASCII alone', () => {
    assert.equal(toSimplified('政务公开 2024 ABC'), '政务公开 2024 ABC');
  });
  test('does not rewrite Taiwan phrases (软件 stays, no 軟體→软体 phrase swaps)', () => {
    assert.equal(toSimplified('软件'), '软件');
  });
});

describe('lookupKey', () => {
  test('gives the same key for a 文号 typed with any brackets, none, or in 繁體', () => {
    const key = docNumberKey('汕府办函〔2021〕201号');
    assert.ok(key);
    for (const typed of [
      '汕府办函[2021]201号',
      '汕府办函(2021)201号',
      '汕府办函【2021】201号',
      '汕府办函2021201号',
      '汕府辦函〔2021〕201號',
      ' 汕府办函〔2021〕0201号 ',
    ]) {
      assert.equal(lookupKey(toSimplified(typed)), key, typed);
    }
  });
  test('gives the same key for a 索引号 typed with a full-width slash or a short serial', () => {
    const key = indexNumberKey('007141332/2010-02262');
    assert.equal(lookupKey('007141332／2010-2262'), key);
    assert.notEqual(lookupKey('007141332/2010-02263'), key);
  });
  test('keys order numbers', () => {
    assert.ok(lookupKey('国务院令第492号'));
  });
  test('is undefined for ordinary words', () => {
    for (const q of ['政务公开', '2024年', '春耕 通知', '201号']) assert.equal(lookupKey(q), undefined, q);
  });
});

describe('excerptAsWritten', () => {
  const original = '為進一步加強政務公開工作，提高透明度。';
  const indexed = toSimplified(original);
  test('shows the 繁體 text at the place Pagefind found in the 简体 index, marks kept', () => {
    const excerpt = '为进一步加强<mark>政务公开</mark>工作，提高透明度。';
    assert.equal(excerptAsWritten(excerpt, indexed, original), '為進一步加強<mark>政務公開</mark>工作，提高透明度。');
  });
  test('works on a partial excerpt in the middle of the text', () => {
    assert.equal(excerptAsWritten('<mark>政务公开</mark>工作', indexed, original), '<mark>政務公開</mark>工作');
  });
  test('joins the marks of adjacent words', () => {
    assert.equal(
      excerptAsWritten('加强<mark>政务</mark><mark>公开</mark>工作', '加强政务公开工作', undefined),
      '加强<mark>政务公开</mark>工作',
    );
  });
  test('returns Pagefind’s excerpt when there is no original', () => {
    assert.equal(excerptAsWritten('a <mark>b</mark>', 'a b', undefined), 'a <mark>b</mark>');
  });
  test('escapes the original text', () => {
    assert.equal(excerptAsWritten('x&lt;y <mark>z</mark>', 'x<y z', 'X<Y Z'), 'X&lt;Y <mark>Z</mark>');
  });
});

describe('searchRecord', () => {
  const body = '為進一步加強**政務公開**工作。\n\n| 項目 | 內容 |\n|---|---|\n| 一 | 資訊 |\n';
  const notice = {
    title: '關於加強政務公開工作的通知',
    indexNumber: '114400001234567890/2022-00002',
    docNumber: '测镇府〔2022〕5号',
    category: '综合政务',
    publishedOn: '2022-09-09',
    publisher: '測試鎮人民政府',
    keywords: [],
    attachments: [],
    file: 'notices/a.md',
    body,
    text: bodyPlainText(body),
    lead: '為進一步加強政務公開工作。',
    slug: '114400001234567890-2022-00002',
  } as unknown as Notice;
  const record = searchRecord(notice, '/gk/');
  test('indexes simplified text, with table cells kept apart', () => {
    assert.match(record.content, /关于加强政务公开工作的通知/);
    assert.match(record.content, /项目 内容\n一 资讯/);
    assert.doesNotMatch(record.content, /[為進開]/);
  });
  test('keeps the title and the original text as written in meta', () => {
    assert.equal(record.meta.title, '關於加強政務公開工作的通知');
    assert.match(record.meta.original!, /^關於加強政務公開工作的通知\n為進一步加強政務公開工作。/);
  });
  test('carries the title’s words in 简体, spaced, for the title’s weight in ranking', () => {
    assert.equal(record.meta[TITLE_WORDS], titleWords('关于加强政务公开工作的通知'));
    assert.match(record.meta[TITLE_WORDS]!, /^关于 .* 通知$/);
  });
  test('has the facets, normalised, the sort key and a base-aware URL', () => {
    assert.deepEqual(record.filters, {
      分类: ['综合政务'],
      年份: ['2022'],
      发布机构: ['测试镇人民政府'],
      有效性: ['未标注'],
    });
    assert.deepEqual(record.sort, { date: '2022-09-09' });
    assert.equal(record.url, '/gk/xxgk/114400001234567890-2022-00002/');
  });
  test('carries the 索引号 and 文号 look-up keys', () => {
    assert.ok(record.content.includes(lookupKey('测镇府[2022]5号')!));
    assert.ok(record.content.includes(lookupKey('114400001234567890/2022-00002')!));
  });
});

describe('the site pages in the search index', () => {
  const site = (yaml: string) =>
    parseSiteYaml(new TextEncoder().encode(`机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n${yaml}`)).site!;
  const organ = {
    functions: '（一）贯彻执行上级决定。\n（二）负责本镇经济社会发展。',
    departments: [{ name: '党政综合办公室', duties: '负责机关日常运转', phone: '0758-1234501' }],
    leaders: [{ name: '张三', title: '镇长', duties: '主持镇政府全面工作' }],
    address: undefined,
    officeHours: undefined,
    phone: undefined,
  };

  test('the 指南 and 依申请公开 always; 制度 and 机构信息 when the office wrote them', () => {
    const bare = sitePagesForSearch({ site: site(''), guide: '# 指南\n\n正文。\n' });
    assert.deepEqual(
      bare.map((p) => p.path),
      ['/zhinan/', '/yishenqing/'],
    );
    const full = sitePagesForSearch({ site: site(''), guide: '正文。', rules: '## 保密审查\n\n先审后发。\n', organ });
    assert.deepEqual(
      full.map((p) => [p.path, p.title]),
      [
        ['/zhinan/', '政府信息公开指南'],
        ['/yishenqing/', '依申请公开'],
        ['/zhidu/', '政府信息公开制度'],
        ['/jigou/', '机构信息'],
      ],
    );
    assert.deepEqual(full[2]!.headings, ['保密审查']);
    assert.match(full[3]!.text, /党政综合办公室 负责机关日常运转 0758-1234501/);
    assert.match(full[3]!.text, /张三 镇长 主持镇政府全面工作/);
  });

  test('依申请公开 holds the channels this office has, and no other', () => {
    const [, withFax] = sitePagesForSearch({ site: site('地址: 示例路1号\n传真: 0758-1234568\n'), guide: '正文。' });
    assert.match(withFax!.text, /传真 0758-1234568/);
    assert.match(withFax!.text, /当面递交 示例路1号/);
    const [, none] = sitePagesForSearch({ site: site(''), guide: '正文。' });
    assert.doesNotMatch(none!.text, /传真 |当面递交 /);
    assert.ok(withFax!.headings.includes('答复期限') && withFax!.headings.includes('收费'));
  });
});

describe('the 指南 in the search index', () => {
  const guide = markdownSearchPage(
    '本指南每年更新一次。\n\n## 一、主动公开\n\n主动公开的信息。\n\n## 二、依申請公開\n\n可以向本机关申请。\n',
    '政府信息公开指南',
    '/zhinan/',
  );
  const record = pageSearchRecord(guide, '/gk/');
  test('reads the headings and the text of guide.md', () => {
    assert.deepEqual(guide.headings, ['一、主动公开', '二、依申請公開']);
    assert.match(guide.text, /^本指南每年更新一次。\n一、主动公开\n/);
  });
  test('indexes the title and text in 简体 at the base-aware URL, keeping the text as written', () => {
    assert.equal(record.url, '/gk/zhinan/');
    assert.match(record.content, /^政府信息公开指南\n本指南.*二、依申请公开/s);
    assert.match(record.meta.original!, /依申請公開/);
    assert.equal(record.meta.title, '政府信息公开指南');
  });
  test('ranks its headings as its title, so a query for a section it covers finds it first', () => {
    assert.ok(titleHolds(record.meta[TITLE_WORDS], '依申请'));
    const ranked = rankResults('依申请', [
      { score: 9, titleWords: titleWords('关于做好2024年防汛工作的通知'), validity: '有效', name: 'notice' },
      { score: 3, titleWords: record.meta[TITLE_WORDS], validity: undefined, name: 'guide' },
    ]);
    assert.equal(ranked[0]!.name, 'guide', 'and counts as in force, having no 有效性');
  });
  test('has no facet values, no date sort key and no every-notice key: it is not a catalogue entry', () => {
    assert.deepEqual(record.filters, {});
    assert.deepEqual(record.sort, {});
    assert.ok(!record.content.includes(EVERY_NOTICE_KEY));
  });
  test('is part of its shard’s cache key, so an edited 指南 is indexed again', async () => {
    const same = await shardCacheKey([], [guide], '/', 'v1');
    assert.equal(await shardCacheKey([], [guide], '/', 'v1'), same);
    assert.notEqual(await shardCacheKey([], [], '/', 'v1'), same);
    assert.notEqual(await shardCacheKey([], [{ ...guide, text: guide.text + '又一句。' }], '/', 'v1'), same);
  });
});
