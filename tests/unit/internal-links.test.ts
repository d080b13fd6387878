import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  bodyLinks,
  cataloguePaths,
  deadLinkProblems,
  linkTarget,
  targetExists,
  type ListedItem,
  type SiteInventory,
} from '../../src/domain/body/internal-links.ts';
import { FIXED_PATHS, PARAMETER_PREFIXES } from '../../src/domain/site/site-paths.ts';
import { defaultColumns } from '../../src/domain/catalogue/columns.ts';
import { DEFAULT_TAXONOMY } from '../../src/domain/notice/taxonomy.ts';
import type { CalendarDate } from '../../src/domain/notice/calendar-date.ts';

const SITE_URL = 'https://gk.example.gov.cn/';

const site: SiteInventory = {
  noticeSlugs: new Set(['11441299MB2E00012L-2024-00001']),
  noticeFiles: new Map([
    ['notices/2024/chungeng.md', '11441299MB2E00012L-2024-00001'],
    ['notices/2023/yusuan.mdx', undefined],
  ]),
  attachments: new Set(['2024/申报表.docx', '2024/a.pdf']),
  externalLinkCodes: new Set(['abc123']),
  cataloguePaths: () => new Set(['/mulu/', '/mulu/2/', '/mulu/fenlei/04/', '/mulu/nianfen/2024/']),
};
const exists = (url: string, from = 'notices/2024/a.md') => {
  const target = linkTarget(url, from, SITE_URL);
  assert.ok(target, `${url} is a link on this site`);
  return targetExists(target, site);
};

/** Files below a project folder, as "/"-separated paths relative to it. */
function filesIn(folder: string): string[] {
  const dir = fileURLToPath(new URL(`../../${folder}/`, import.meta.url));
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath.slice(dir.length)}/${e.name}`.replace(/^\/+/, ''));
}

describe('the list of fixed pages', () => {
  test('matches the pages in src/site/pages and the files in public/, so neither can change without the other', () => {
    const files = filesIn('src/site/pages');
    // mulu/[...page].astro makes /mulu/ itself as well as /mulu/2/ …
    const fixed = files
      .map((f) => f.replace(/(^|\/)\[\.\.\.[a-z]+\]\.astro$/, '$1index.astro'))
      .filter((f) => !f.includes('['))
      .map((f) =>
        f === '404.astro' ? '/404.html' : `/${f.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '$1')}`,
      )
      .map((p) => (/\.[a-z]+$/.test(p) || p.endsWith('/') ? p : `${p}/`));
    const built = ['/sw.js', '/offline-manifest.json']; // written by the build, not by a page
    const publicFiles = filesIn('public').map((f) => `/${f}`);
    assert.deepEqual([...FIXED_PATHS].filter((p) => !built.includes(p)).sort(), [...fixed, ...publicFiles].sort());
    for (const file of files.filter((f) => f.includes('['))) {
      assert.ok(
        PARAMETER_PREFIXES.some((prefix) => `/${file}`.startsWith(prefix)),
        `${file} is a route the link check knows`,
      );
    }
  });
});

describe('linkTarget', () => {
  test('ignores links to other sites, mail, phones and anchors', () => {
    for (const url of [
      'https://www.gov.cn/',
      '//cdn.example.com/a.js',
      'mailto:gk@example.gov.cn',
      'tel:12345',
      '#part',
      '?q=1',
    ]) {
      assert.equal(linkTarget(url, 'notices/a.md', SITE_URL), undefined, url);
    }
  });
  test('reads root-relative paths and the site’s own absolute addresses as pages', () => {
    assert.deepEqual(linkTarget('/zhinan/#fees', 'notices/a.md'), { kind: 'page', path: '/zhinan/' });
    assert.deepEqual(linkTarget('https://gk.example.gov.cn/mulu/?p=2', 'notices/a.md', SITE_URL), {
      kind: 'page',
      path: '/mulu/',
    });
  });
  test('reads only the site’s own sub-path when it is deployed under one', () => {
    const sub = 'https://www.county.gov.cn/gk/';
    assert.deepEqual(linkTarget('https://www.county.gov.cn/gk/zhinan/', 'notices/a.md', sub), {
      kind: 'page',
      path: '/zhinan/',
    });
    assert.equal(linkTarget('https://www.county.gov.cn/news/', 'notices/a.md', sub), undefined);
  });
  test('reads /attachments/…, attachments/… and ../../attachments/… as the attachments folder', () => {
    for (const url of [
      '/attachments/2024/a.pdf',
      'attachments/2024/a.pdf',
      './attachments/2024/a.pdf',
      '../../attachments/2024/a.pdf',
    ]) {
      assert.deepEqual(linkTarget(url, 'notices/2024/x.md'), { kind: 'attachment', path: '2024/a.pdf' }, url);
    }
  });
  test('reads relative .md and .mdx links from the linking file’s folder', () => {
    assert.deepEqual(linkTarget('../2023/yusuan.mdx#一', 'notices/2024/x.md'), {
      kind: 'notice-file',
      path: 'notices/2023/yusuan.mdx',
    });
    assert.deepEqual(linkTarget('notices/2024/chungeng.md', 'guide.md'), {
      kind: 'notice-file',
      path: 'notices/2024/chungeng.md',
    });
  });
  test('reads any other relative path as a file beside the page, which the site never has', () => {
    assert.deepEqual(linkTarget('图1.png', 'notices/2024/x.md'), { kind: 'unplaced', path: '图1.png' });
    assert.deepEqual(linkTarget('./表格.xlsx', 'notices/2024/x.md'), { kind: 'unplaced', path: '表格.xlsx' });
  });
  test('decodes percent-encoded paths', () => {
    assert.deepEqual(linkTarget('/attachments/2024/%E7%94%B3%E6%8A%A5%E8%A1%A8.docx', 'notices/a.md'), {
      kind: 'attachment',
      path: '2024/申报表.docx',
    });
  });
});

describe('targetExists', () => {
  test('knows the fixed pages, with or without the trailing slash or index.html', () => {
    for (const url of [
      '/',
      '/zhinan/',
      '/zhinan',
      '/zhinan/index.html',
      '/sousuo/?q=春耕',
      '/rss.xml',
      '/data/catalogue.csv',
      '/nianbao/',
    ]) {
      assert.equal(exists(url), true, url);
    }
  });
  test('knows a notice page by its 索引号 slug', () => {
    assert.equal(exists('/xxgk/11441299MB2E00012L-2024-00001/'), true);
    assert.equal(exists('/xxgk/11441299MB2E00012L-2024-00009/'), false);
    assert.equal(exists('/xxgk/11441299MB2E00012L/2024-00001/'), false, 'the “/” must become “-”');
  });
  test('knows the catalogue pages the notices make, and no others', () => {
    assert.equal(exists('/mulu/2/'), true);
    assert.equal(exists('/mulu/fenlei/04/'), true);
    assert.equal(exists('/mulu/3/'), false);
    assert.equal(exists('/mulu/fenlei/05/'), false);
  });
  test('knows attachments and notice files, case and all', () => {
    assert.equal(exists('/attachments/2024/a.pdf'), true);
    assert.equal(exists('/attachments/2024/A.pdf'), false);
    assert.equal(exists('../2023/yusuan.mdx', 'notices/2024/x.md'), true);
    assert.equal(exists('../2023/yusuan.md', 'notices/2024/x.md'), false);
  });
  test('knows the 外链提示 pages of the content’s own external links', () => {
    assert.equal(exists('/waibu/abc123/'), true);
    assert.equal(exists('/waibu/zzz999/'), false);
  });
  test('rejects paths the site does not generate', () => {
    for (const url of ['/xxgk/', '/gk/zhinan/', '/about/', '/index.php', '/attachments/'])
      assert.equal(exists(url), false, url);
  });
});

describe('the paged lists the link check knows', () => {
  /** 60 notices, the first 55 of them 解读, the first 3 规范性文件 (one 废止), two in 社会救助. */
  const notices: ListedItem[] = Array.from({ length: 60 }, (_, i) => ({
    title: `通知${i}`,
    indexNumber: `11441299MB2E00012L/2024-${String(i + 1).padStart(5, '0')}`,
    category: '综合政务',
    publisher: '示例镇人民政府',
    publishedOn: '2024-03-01' as CalendarDate,
    lead: '',
    columns: i >= 58 ? ['社会救助'] : [],
    normative: i < 3,
    ...(i < 3 && {
      writtenOn: '2023-12-20' as CalendarDate,
      validity: i === 0 ? ('废止' as const) : ('有效' as const),
    }),
    ...(i < 55 && { interprets: '11441299MB2E00012L/2024-00060' }),
  }));
  const found = cataloguePaths(notices, DEFAULT_TAXONOMY, defaultColumns('乡镇'));
  const inventory: SiteInventory = { ...site, cataloguePaths: () => found };
  const existsHere = (url: string) => targetExists(linkTarget(url, 'notices/a.md')!, inventory);

  test('every 栏目 of the office has a page, an empty one too', () => {
    assert.equal(existsHere('/fading/jiuzhu/'), true);
    assert.equal(existsHere('/fading/guifan/'), true);
    assert.equal(existsHere('/fading/zhengdi/'), true, 'an empty column says so on its page');
    assert.equal(existsHere('/fading/jiedu/2/'), true, '55 解读 fill two pages of 50');
    assert.equal(existsHere('/fading/jiuzhu/2/'), false);
    assert.equal(existsHere('/fading/shizheng/'), false, 'a county column a township does not have');
  });
  test('the 规范性文件 list has its narrowings by 有效性 and by 成文年份, and no others', () => {
    assert.equal(existsHere('/guifan/'), true);
    assert.equal(existsHere('/guifan/youxiaoxing/feizhi/'), true);
    assert.equal(existsHere('/guifan/youxiaoxing/youxiao/'), true);
    assert.equal(existsHere('/guifan/youxiaoxing/shixiao/'), false, 'no document has expired');
    assert.equal(existsHere('/guifan/nianfen/2023/'), true);
    assert.equal(existsHere('/guifan/nianfen/2024/'), false, 'published in 2024, made in 2023');
    assert.equal(existsHere('/guifan/2/'), false);
  });
  test('the 政策解读 list is paged like the 目录', () => {
    assert.equal(existsHere('/jiedu/'), true);
    assert.equal(existsHere('/jiedu/2/'), true);
    assert.equal(existsHere('/jiedu/3/'), false);
  });
});

describe('deadLinkProblems', () => {
  test('reports each dead link with its line, the link and a fix', () => {
    const body =
      '见[目录](/mulu/)。\n\n见[指南](/zhinan/)和[旧文件](/xxgk/11441299MB2E00012L-2023-00001/)。\n\n<a href="/attachments/2024/b.pdf">下载</a>\n';
    const problems = deadLinkProblems('notices/2024/a.md', bodyLinks(body, 8), site, SITE_URL);
    assert.deepEqual(
      problems.map((p) => `${p.line} ${p.field} ${p.kind} ${p.severity}`),
      ['10 正文 dead-link error', '12 正文 dead-link error'],
    );
    assert.match(problems[0]!.message, /\/xxgk\/11441299MB2E00012L-2023-00001\//);
    assert.match(problems[0]!.fix!, /索引号/);
    assert.match(problems[1]!.message, /attachments\/2024\/b\.pdf 不存在/);
  });

  test('an image beside the notice file is not published: it says to put it in attachments', () => {
    const problems = deadLinkProblems('notices/2024/x.md', bodyLinks('![现场照片](zhaopian.jpg)\n', 5), site, SITE_URL);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /zhaopian\.jpg 是相对路径/);
    assert.match(problems[0]!.fix!, /attachments\/文件名/);
  });

  test('a link to another notice’s source file would not open on the site: it names the page to link instead', () => {
    const problems = deadLinkProblems(
      'notices/2024/x.md',
      bodyLinks('见[春耕通知](chungeng.md)。\n', 5),
      site,
      SITE_URL,
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /源文件 notices\/2024\/chungeng\.md/);
    assert.equal(problems[0]!.fix, '改为该公文的网址 /xxgk/11441299MB2E00012L-2024-00001/');
  });
});
