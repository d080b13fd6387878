import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import matter from 'gray-matter';
import {
  noticeTemplate,
  noticeSlug,
  genrePinyin,
  BODY_PLACEHOLDER,
  type NoticeTemplateFields,
} from '../../src/domain/notice/notice-template.ts';
import { splitNotice } from '../../src/content/notice-source.ts';
import { NOTICE_KEYS } from '../../src/domain/notice/notice-schema.ts';
import { checkContent } from '../../src/content/content-check.ts';
import type { CalendarDate } from '../../src/domain/notice/calendar-date.ts';
import type { IndexNumber } from '../../src/domain/notice/index-number.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const SITE = '机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n网址: https://gk.test.example.gov.cn/\n';

const fields = (extra: Partial<NoticeTemplateFields> = {}): NoticeTemplateFields => ({
  title: '关于做好2026年冬季森林防火工作的通知',
  indexNumber: '114400001234567890/2026-00008' as IndexNumber,
  category: '农业、林业、水利',
  publishedOn: '2026-11-23' as CalendarDate,
  ...extra,
});

/** The frontmatter as `check` reads it. */
const read = (text: string) => {
  const { source, problems } = splitNotice('notices/2026/new.md', text);
  assert.deepEqual(problems, []);
  return source!;
};

/**
 * Problems `check` reports for the file in an otherwise valid folder, besides the reminder to
 * replace the placeholder body (a warning every new file has until the editor writes the text).
 */
const checked = (text: string, others: Record<string, string> = {}) =>
  checkContent({
    siteYaml: utf8(SITE),
    guide: utf8('# 指南\n\n本指南每年更新。\n'),
    notices: [
      { path: 'notices/2026/new.md', bytes: utf8(text) },
      ...Object.entries(others).map(([path, t]) => ({ path, bytes: utf8(t) })),
    ],
    strayFiles: [],
    attachments: new Map(),
  }).problems.filter((p) => p.kind !== 'placeholder-body');

describe('noticeTemplate', () => {
  test('lists every frontmatter key of the contract, in its order', () => {
    const text = noticeTemplate(fields());
    const keys = read(text);
    assert.deepEqual(Object.keys(keys.data), [...NOTICE_KEYS]);
    for (const key of NOTICE_KEYS) assert.match(text, new RegExp(`^${key}: `, 'm'), key);
  });

  test('passes check as soon as it is written, blank keys and all', () => {
    assert.deepEqual(checked(noticeTemplate(fields())), []);
  });

  test('writes the given values where check reads them, and leaves the rest blank', () => {
    const text = noticeTemplate(
      fields({
        docNumber: '测镇府〔2026〕30号',
        genre: '通知',
        writtenOn: '2026-11-20' as CalendarDate,
        keywords: ['森林防火', '冬季'],
        summary: '部署冬季森林防火。',
        publisher: '测试镇人民政府办公室',
      }),
    );
    const { data } = read(text);
    assert.equal(data.标题, '关于做好2026年冬季森林防火工作的通知');
    assert.equal(data.索引号, '114400001234567890/2026-00008');
    assert.equal(data.文号, '测镇府〔2026〕30号');
    assert.equal(data.发布日期, '2026-11-23');
    assert.equal(data.成文日期, '2026-11-20');
    assert.deepEqual(data.主题词, ['森林防火', '冬季']);
    assert.equal(data.发布机构, '测试镇人民政府办公室');
    assert.equal(data.有效性, '');
    assert.deepEqual(checked(text), []);
  });

  test('quotes the 索引号 and dates, so YAML readers that make dates of them (Astro’s) keep the text', () => {
    const text = noticeTemplate(fields({ writtenOn: '2026-11-20' as CalendarDate }));
    assert.match(text, /^索引号: "114400001234567890\/2026-00008"$/m);
    assert.match(text, /^发布日期: "2026-11-23"$/m);
    assert.match(text, /^成文日期: "2026-11-20"$/m);
    const astro = matter(text).data;
    assert.equal(astro.发布日期, '2026-11-23');
  });

  test('tricky titles survive exactly, for our reader and for Astro’s (js-yaml via gray-matter)', () => {
    const titles = [
      '2024',
      '1e3',
      '0x1F',
      '1:30',
      'true',
      'yes',
      'null',
      '~',
      'a: b',
      '是: 否',
      '#',
      '第#1号',
      'a #b',
      '"引号"',
      '“中文引号”的通知',
      "'单引号'",
      "It's",
      '[方括号]',
      '{花括号}',
      '- 列表',
      '*星号',
      '&符号',
      '!感叹',
      '%百分',
      '@at',
      '`反引号`',
      '| 竖线',
      '> 大于',
      '反斜杠\\n',
      '2026-11-23',
      '《办法》（试行）',
      '关于“回头看”的通知：第二批',
      'a\tb',
    ];
    for (const title of titles) {
      const text = noticeTemplate(fields({ title }));
      assert.equal(read(text).data.标题, title, `our reader: ${title}`);
      assert.equal(matter(text).data.标题, title, `Astro's reader: ${title}`);
      assert.deepEqual(checked(text), [], title);
    }
  });

  test('writes plain Chinese titles without quotes, as editors write them', () => {
    assert.match(noticeTemplate(fields()), /^标题: 关于做好2026年冬季森林防火工作的通知$/m);
  });

  test('主题词 become a list; items that need it are quoted', () => {
    const text = noticeTemplate(fields({ keywords: ['2026', 'a, b', '春耕'] }));
    assert.deepEqual(read(text).data.主题词, ['2026', 'a, b', '春耕']);
    assert.deepEqual(matter(text).data.主题词, ['2026', 'a, b', '春耕']);
    assert.match(noticeTemplate(fields({ keywords: ['森林防火', '冬季'] })), /^主题词: \[森林防火, 冬季\]$/m);
  });

  test('a 解读 names the original’s 索引号, which check then finds', () => {
    const original =
      '---\n标题: 原文\n索引号: "114400001234567890/2026-00006"\n分类: 综合政务\n发布日期: "2026-11-01"\n---\n\n原文正文。\n';
    const text = noticeTemplate(fields({ genre: '解读', interprets: '114400001234567890/2026-00006' as IndexNumber }));
    assert.equal(read(text).data.解读, '114400001234567890/2026-00006');
    assert.deepEqual(checked(text, { 'notices/2026/original.md': original }), []);
  });

  test('the body is a placeholder the editor replaces', () => {
    const text = noticeTemplate(fields());
    assert.equal(read(text).body.trim(), BODY_PLACEHOLDER);
  });
});

describe('noticeSlug', () => {
  const date = '2026-11-23' as CalendarDate;
  test('is the 发布日期 and the 体裁 in pinyin', () => {
    assert.equal(noticeSlug('关于做好冬季森林防火工作的通知', date, { genre: '通知' }), '20261123-tongzhi');
  });
  test('takes the 体裁 field before the title', () => {
    assert.equal(noticeSlug('关于做好冬季森林防火工作的通知', date, { genre: '解读' }), '20261123-jiedu');
  });
  test('without a 体裁, reads the 文种 from the end of the title', () => {
    assert.equal(noticeSlug('示例镇2026年秋季招生入学工作通告', date), '20261123-tonggao');
    assert.equal(noticeSlug('《示例镇宅基地管理办法》政策解读', date), '20261123-jiedu');
    assert.equal(noticeSlug('示例镇人民政府2025年政府信息公开工作年度报告', date), '20261123-baogao');
    assert.equal(noticeSlug('示例镇人民政府关于同意修建村道的批复', date), '20261123-pifu');
  });
  test('reads the 文种 before a bracketed qualifier', () => {
    assert.equal(noticeSlug('示例镇农村宅基地审批管理办法（试行）', date), '20261123-banfa');
    assert.equal(noticeSlug('示例镇防汛工作通知(第二号)', date), '20261123-tongzhi');
  });
  test('prefers the longer 文种: 命令 over 令', () => {
    assert.equal(genrePinyin('关于紧急疏散的命令'), 'mingling');
    assert.equal(genrePinyin('示例县人民政府令'), 'ling');
  });
  test('falls back to xinxi when neither says what kind of document it is', () => {
    assert.equal(noticeSlug('2026年第三季度财政收支情况', date, { genre: '其他' }), '20261123-xinxi');
  });
  test('adds -2, -3 … while the name is taken', () => {
    const taken = new Set(['20261123-tongzhi', '20261123-tongzhi-2']);
    assert.equal(noticeSlug('关于……的通知', date, { isTaken: (s) => taken.has(s) }), '20261123-tongzhi-3');
    assert.equal(noticeSlug('关于……的公告', date, { isTaken: (s) => taken.has(s) }), '20261123-gonggao');
  });
});
