import { describe, test, before } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, page, ROOT, runScript, tempDir, text } from './helpers.ts';

describe('building the office fixture', () => {
  let out = '';
  before(() => {
    out = join(tempDir('site'), 'dist');
    const result = runScript('build', ['--content', fixture('office'), '--out', out]);
    assert.equal(result.status, 0, result.stderr + result.stdout);
  });

  test('makes the home page, 目录, 指南, 404 and one page per notice at the contract URLs', () => {
    for (const path of ['/', '/mulu/', '/zhinan/', '/404.html']) assert.ok(page(out, path), path);
    const notices = readdirSync(join(out, 'xxgk')).sort();
    assert.equal(notices.length, 8);
    assert.ok(notices.includes('114400001234567890-2024-00001'));
    assert.ok(notices.includes('MB0000001-2022-00001'));
  });

  test('every page is zh-CN and loads nothing from another host', () => {
    for (const path of ['/', '/mulu/', '/zhinan/', '/xxgk/114400001234567890-2024-00001/']) {
      const html = page(out, path);
      assert.equal(html.querySelector('html')?.getAttribute('lang'), 'zh-CN');
      for (const el of html.querySelectorAll('script[src], link[rel=stylesheet], img, iframe')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        assert.match(url, /^\/(?!\/)/, `${path}: ${el.outerHTML}`);
      }
    }
  });

  test('the 目录 lists every notice newest first with 索引号, 标题, 内容概述, 文号, 发布日期 and 分类', () => {
    const rows = page(out, '/mulu/').querySelectorAll('table.catalogue tbody tr');
    assert.equal(rows.length, 8);
    const dates = rows.map((r) => text(r.querySelector('time')));
    assert.deepEqual(dates, [...dates].sort().reverse());
    const first = rows[0]!.querySelectorAll('td').map(text);
    assert.equal(first[0], '114400001234567890/2024-00003');
    const spring = rows
      .find((r) => text(r).includes('春耕'))!
      .querySelectorAll('td')
      .map(text);
    assert.deepEqual(spring.slice(2), ['测镇府〔2024〕3号', '2024-03-01', '农业、林业、水利']);
    assert.match(spring[1]!, /关于做好2024年春耕生产工作的通知.*部署2024年春耕生产工作。/);
    assert.equal(text(page(out, '/mulu/').querySelector('th')), '索引号');
  });

  test('the 目录 has narrowing pages per 分类, 体裁, 年份, 发布机构 and 有效性 with the right rows', () => {
    const category = page(out, '/mulu/fenlei/04/');
    assert.match(text(category.querySelector('h1')), /国土资源、能源/);
    assert.equal(category.querySelectorAll('table.catalogue tbody tr').length, 3);
    assert.equal(page(out, '/mulu/nianfen/2024/').querySelectorAll('table.catalogue tbody tr').length, 3);
    const repealed = page(out, '/mulu/youxiaoxing/feizhi/').querySelectorAll('table.catalogue tbody tr');
    assert.deepEqual(
      repealed.map((r) => text(r.querySelector('a'))),
      ['测试镇农村宅基地管理暂行办法'],
    );
    const nav = page(out, '/mulu/').querySelector('nav.catalogue-nav')!;
    const publisherLink = nav.querySelectorAll('a').find((a) => text(a).startsWith('测试镇财政所'))!;
    assert.match(text(publisherLink), /（1）/);
    const publisherPage = page(out, publisherLink.getAttribute('href')!);
    assert.deepEqual(publisherPage.querySelectorAll('table.catalogue tbody a').map(text), ['测试镇2022年财政预算公开']);
    assert.ok(!existsSync(join(out, 'mulu/fenlei/02')), 'no page for a category without notices (空白栏目)');
    const byGenre = page(out, '/mulu/ticai/banfa/');
    assert.match(text(byGenre.querySelector('h1')), /体裁：办法/);
    assert.equal(byGenre.querySelectorAll('table.catalogue tbody tr').length, 2);
    const genreLinks = nav.querySelectorAll('a').filter((a) => a.getAttribute('href')!.includes('/mulu/ticai/'));
    assert.deepEqual(genreLinks.map(text), ['办法（2）', '解读（1）', '通知（1）']);
  });

  test('a notice page shows the metadata table, title, 内容概述, body and breadcrumb', () => {
    const html = page(out, '/xxgk/114400001234567890-2024-00001/');
    const cells = Object.fromEntries(
      html.querySelectorAll('table.notice-meta th').map((th) => [text(th), text(th.nextElementSibling)]),
    );
    assert.deepEqual(cells, {
      索引号: '114400001234567890/2024-00001',
      分类: '农业、林业、水利',
      发布机构: '测试镇人民政府',
      成文日期: '2024-02-28',
      文号: '测镇府〔2024〕3号',
      发布日期: '2024-03-01',
      主题词: '春耕 农业',
      体裁: '通知',
    });
    assert.deepEqual(
      html.querySelectorAll('table.notice-meta th').map(text),
      ['索引号', '分类', '发布机构', '成文日期', '文号', '发布日期', '主题词', '体裁'],
      'in gov.cn’s order, two pairs a row',
    );
    assert.equal(text(html.querySelector('h1')), '关于做好2024年春耕生产工作的通知');
    assert.match(text(html.querySelector('.notice__summary')), /部署2024年春耕生产工作。/);
    const withoutSummary = page(out, '/xxgk/114400001234567890-2024-00002/');
    assert.equal(
      withoutSummary.querySelector('.notice__summary'),
      null,
      'no 内容概述 box repeating the first sentence',
    );
    assert.ok(html.querySelector('.prose table'), 'the body table is rendered');
    assert.deepEqual(html.querySelectorAll('.breadcrumb li').map(text), [
      '首页',
      '信息公开目录',
      '农业、林业、水利',
      '关于做好2024年春耕生产工作的通知',
    ]);
    assert.equal(
      html.querySelector('meta[name=ArticleTitle]')?.getAttribute('content'),
      '关于做好2024年春耕生产工作的通知',
    );
  });

  test('a notice without 文号, 成文日期, 有效性 or 主题词 leaves those rows out instead of showing 无', () => {
    const table = page(out, '/xxgk/114400001234567890-2024-00002/').querySelector('table.notice-meta')!;
    assert.deepEqual(table.querySelectorAll('th').map(text), ['索引号', '分类', '发布机构', '发布日期']);
    assert.ok(!table.querySelectorAll('td').some((td) => text(td) === '无'), 'no “无” value');
    assert.equal(table.querySelectorAll('tr').length, 2);
    const repealed = page(out, '/xxgk/114400001234567890-2021-00001/').querySelector('table.notice-meta')!;
    const last = repealed.querySelectorAll('tr').at(-1)!;
    assert.deepEqual(last.querySelectorAll('th').map(text), ['有效性'], 'a lone last pair');
    assert.equal(last.querySelector('td')?.getAttribute('colspan'), '3', 'spans the row');
  });

  test('pages carry the government meta tags ColumnType, Keywords (主题词) and Url', () => {
    const meta = (path: string) =>
      Object.fromEntries(
        page(out, path)
          .querySelectorAll('meta[name]')
          .map((m) => [m.getAttribute('name'), m.getAttribute('content')]),
      );
    const notice = meta('/xxgk/114400001234567890-2024-00001/');
    assert.equal(notice['SiteName'], '测试镇人民政府');
    assert.equal(notice['ColumnName'], '农业、林业、水利');
    assert.equal(notice['ColumnType'], '信息发布');
    assert.equal(notice['Keywords'], '春耕,农业');
    assert.equal(notice['Url'], 'https://test.example.gov.cn/xxgk/114400001234567890-2024-00001/');
    assert.equal(notice['PubDate'], '2024-03-01');
    assert.equal(meta('/xxgk/114400001234567890-2023-00002/')['ColumnType'], '解读回应', 'a 政策解读');
    assert.equal(meta('/xxgk/114400001234567890-2024-00002/')['Keywords'], undefined, 'no 主题词, no tag');
    const catalogue = meta('/mulu/');
    assert.equal(catalogue['ColumnType'], '信息发布');
    assert.equal(catalogue['Url'], 'https://test.example.gov.cn/mulu/');
    assert.equal(catalogue['Keywords'], undefined);
    assert.equal(catalogue['ArticleTitle'], undefined, 'a list is not an article');
  });

  test('a 解读 links to its 原文 and the 原文 lists its 解读', () => {
    const interpretation = page(out, '/xxgk/114400001234567890-2023-00002/');
    const toOriginal = interpretation
      .querySelectorAll('a')
      .filter((a) => a.getAttribute('href') === '/xxgk/114400001234567890-2023-00001/');
    assert.ok(toOriginal.length > 0);
    const original = page(out, '/xxgk/114400001234567890-2023-00001/');
    const list = original.querySelector('.notice__interpretations')!;
    assert.equal(list.querySelector('a')?.getAttribute('href'), '/xxgk/114400001234567890-2023-00002/');
  });

  test('a 废止 notice links to the notice that replaced it (替代文件)', () => {
    const html = page(out, '/xxgk/114400001234567890-2021-00001/');
    const relation = html
      .querySelectorAll('.notice__relation')
      .find((p) => text(p).startsWith('本文件已被以下文件替代：'));
    assert.ok(relation, 'the replacement is named');
    assert.equal(relation.querySelector('a')?.getAttribute('href'), '/xxgk/114400001234567890-2023-00001/');
    assert.equal(text(relation.querySelector('a')!), '测试镇农村宅基地管理办法');
  });

  test('a 废止 notice says so at the top, with its 废止日期', () => {
    const html = page(out, '/xxgk/114400001234567890-2021-00001/');
    const status = html.querySelector('.notice-status');
    assert.ok(status);
    assert.match(text(status), /本文件已于2023年6月1日废止/);
    const article = html.querySelector('article')!;
    assert.equal(
      article.childNodes.find((n) => n.nodeType === 1),
      status,
      'the mark comes first in the article',
    );
  });

  test('attachments are copied and linked with their type and size', () => {
    const html = page(out, '/xxgk/MB0000001-2022-00001/');
    const link = html.querySelector('.notice__attachments a')!;
    assert.equal(link.getAttribute('href'), '/attachments/2022/yusuan.pdf');
    assert.equal(text(link), '2022年预算表');
    assert.match(text(html.querySelector('.notice__attachments')), /PDF，1 KB/);
    assert.ok(existsSync(join(out, 'attachments/2022/yusuan.pdf')));
  });

  test('a link to another site goes through a 外链提示 page that works without JavaScript', () => {
    const link = page(out, '/xxgk/114400001234567890-2024-00001/').querySelector('.prose a.external-link')!;
    assert.equal(text(link), '农业农村部网站');
    const notice = page(out, link.getAttribute('href')!);
    assert.match(text(notice.querySelector('h1')), /您即将离开本站/);
    const go = notice.querySelectorAll('main a').find((a) => text(a) === '继续访问')!;
    assert.equal(go.getAttribute('href'), 'https://www.moa.gov.cn/');
    assert.match(go.getAttribute('rel')!, /noopener/);
    assert.equal(notice.querySelector('meta[name=robots]')?.getAttribute('content'), 'noindex');
  });

  test('**bold。** next to Chinese punctuation renders as bold, not asterisks', () => {
    const html = page(out, '/xxgk/114400001234567890-2024-00001/');
    assert.doesNotMatch(text(html.querySelector('.prose')), /\*\*/);
    assert.equal(text(html.querySelector('.prose strong')), '（一）落实责任。');
  });

  test('the MDX notice is rendered', () => {
    const html = page(out, '/xxgk/114400001234567890-2024-00003/');
    assert.match(text(html.querySelector('.prose aside')), /征兵咨询请到镇武装部/);
  });

  test('the 指南 shows guide.md and the contact table from site.yaml', () => {
    const html = page(out, '/zhinan/');
    assert.match(text(html.querySelector('.prose')), /本指南每年更新一次。/);
    const contacts = Object.fromEntries(
      html
        .querySelectorAll('table.contacts tr')
        .map((tr) => [text(tr.querySelector('th')), text(tr.querySelector('td'))]),
    );
    assert.deepEqual(contacts, {
      机关名称: '测试镇人民政府',
      地址: '测试县测试镇人民路1号',
      邮编: '526000',
      办公时间: '周一至周五 8:30-12:00 14:30-17:30',
      电话: '0758-0000001',
      传真: '0758-0000002',
      电子邮箱: 'gk@test.example.gov.cn',
    });
  });

  test('the footer carries the 备案号 and 网站标识码', () => {
    const footer = text(page(out, '/').querySelector('footer'));
    assert.match(footer, /粤ICP备00000001号-1/);
    assert.match(footer, /网站标识码：4400000001/);
  });

  test('the home page lists the latest notices and links to 目录 and 指南', () => {
    const html = page(out, '/');
    assert.equal(text(html.querySelector('.latest a')), '测试镇2024年征兵工作通告');
    const hrefs = html.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    assert.ok(hrefs.includes('/mulu/') && hrefs.includes('/zhinan/'));
    assert.equal(html.querySelector('form[role=search]')?.getAttribute('action'), '/sousuo/');
  });

  test('a failing build leaves the previous site untouched', () => {
    const before = readdirSync(out, { recursive: true }).sort();
    const result = runScript('build', ['--content', fixture('broken'), '--out', out]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /notices\/gbk\.md:1/);
    assert.match(result.stderr, /未生成网站/);
    assert.deepEqual(readdirSync(out, { recursive: true }).sort(), before);
    assert.ok(existsSync(join(out, 'xxgk/114400001234567890-2024-00001/index.html')));
    const leftovers = readdirSync(join(out, '..')).filter((f) => f.includes('building'));
    assert.deepEqual(leftovers, [], 'no staging folder is left behind');
  });
});

describe('building a site without MDX notices', () => {
  // Astro's content layer is then not run at all (build-site.ts): every page comes from the checked content.
  let out = '';
  before(() => {
    const dir = tempDir('no-mdx');
    cpSync(fixture('office'), join(dir, 'content'), { recursive: true });
    rmSync(join(dir, 'content/notices/2024/mdx-tongzhi.mdx'));
    out = join(dir, 'dist');
    const result = runScript('build', ['--content', join(dir, 'content'), '--out', out]);
    assert.equal(result.status, 0, result.stderr + result.stdout);
  });

  test('renders the 指南 and the Markdown notices as with MDX notices', () => {
    assert.match(text(page(out, '/zhinan/').querySelector('.prose')), /本指南每年更新一次。/);
    assert.equal(
      text(page(out, '/xxgk/114400001234567890-2024-00001/').querySelector('h1')),
      '关于做好2024年春耕生产工作的通知',
    );
    assert.ok(!existsSync(join(out, 'xxgk/114400001234567890-2024-00003')), 'the removed MDX notice has no page');
  });
});

describe('building onto another disk than the project', () => {
  // /dev/shm is memory (tmpfs) on Linux: a file system of its own, like D:\ beside a project on C:.
  const other = '/dev/shm';
  const apart = existsSync(other) && statSync(other).dev !== statSync(ROOT).dev;

  test(
    "works, and leaves none of Astro's intermediate files in OUT",
    { skip: apart ? false : 'no second file system here' },
    () => {
      const dir = mkdtempSync(join(other, 'gongkai-disk-'));
      try {
        const out = join(dir, 'dist');
        const result = runScript('build', ['--content', fixture('office'), '--out', out]);
        assert.equal(result.status, 0, result.stderr + result.stdout);
        assert.ok(existsSync(join(out, 'xxgk/114400001234567890-2024-00001/index.html')));
        assert.ok(
          readdirSync(join(out, '_assets')).some((file) => file.endsWith('.css')),
          'the stylesheet reached OUT',
        );
        assert.ok(!existsSync(join(out, '.prerender')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('open data, feeds and 年度报告 figures', () => {
  let out = '';
  before(() => {
    out = join(tempDir('data'), 'dist');
    const result = runScript('build', ['--content', fixture('office'), '--out', out, '--base', '/gk/']);
    assert.equal(result.status, 0, result.stderr + result.stdout);
  });
  test('are written at their contract URLs', () => {
    for (const file of [
      'rss.xml',
      'sitemap.xml',
      'data/catalogue.json',
      'data/catalogue.csv',
      'data/nianbao.csv',
      'nianbao/index.html',
    ]) {
      assert.ok(existsSync(join(out, file)), file);
    }
    const json = JSON.parse(readFileSync(join(out, 'data/catalogue.json'), 'utf8'));
    assert.equal(json.信息.length, 8);
    assert.ok(readFileSync(join(out, 'data/catalogue.csv'), 'utf8').startsWith('\uFEFF标题,索引号'));
    assert.match(
      readFileSync(join(out, 'sitemap.xml'), 'utf8'),
      /<loc>https:\/\/test\.example\.gov\.cn\/xxgk\/114400001234567890-2024-00001\/<\/loc><lastmod>2024-03-01<\/lastmod>/,
    );
  });
  test('the 年度报告 page shows the 规范性文件 figures per year', () => {
    const html = page(out, '/nianbao/');
    const figures = (year: number) =>
      html.querySelector(`#year-${year}`)!.parentNode!.querySelectorAll('.annual__normative td').map(text);
    assert.deepEqual(figures(2023), ['1', '1', '1']);
    assert.deepEqual(figures(2021), ['1', '0', '1']);
    assert.deepEqual(figures(2024), ['0', '0', '1']);
  });
});

describe('building under a sub-path (--base /gk/)', () => {
  let out = '';
  before(() => {
    out = join(tempDir('base'), 'dist');
    const result = runScript('build', ['--content', fixture('office'), '--out', out, '--base', '/gk']);
    assert.equal(result.status, 0, result.stderr + result.stdout);
  });

  test('every internal link, stylesheet and form starts with the base path', () => {
    for (const path of ['/', '/mulu/', '/mulu/fenlei/04/', '/zhinan/', '/xxgk/MB0000001-2022-00001/', '/404.html']) {
      const html = page(out, path);
      const urls = [
        ...html.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!),
        ...html
          .querySelectorAll('link[href], script[src]')
          .map((l) => l.getAttribute('href') ?? l.getAttribute('src')!),
        ...html.querySelectorAll('form').map((f) => f.getAttribute('action')!),
      ].filter((u) => u.startsWith('/'));
      assert.ok(urls.length > 5, path);
      for (const url of urls) assert.ok(url.startsWith('/gk/'), `${path}: ${url}`);
    }
  });

  test('links written in a notice body lead to the published page and attachment under the base path', () => {
    const body = page(out, '/xxgk/MB0000001-2022-00001/');
    const hrefs = body.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!);
    assert.ok(hrefs.includes('/gk/attachments/2022/yusuan.pdf'), hrefs.join(' '));
    assert.ok(hrefs.includes('/gk/xxgk/114400001234567890-2023-00001/'), hrefs.join(' '));
    assert.ok(existsSync(join(out, 'attachments/2022/yusuan.pdf')));
    assert.ok(existsSync(join(out, 'xxgk/114400001234567890-2023-00001/index.html')));
  });
});

describe('check', () => {
  test('exits 0 on valid content and 1 on errors, printing each problem with path:line', () => {
    assert.equal(runScript('check', ['--content', fixture('office')]).status, 0);
    const broken = runScript('check', ['--content', fixture('broken')]);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /错误 notices\/impossible-date\.md:5 发布日期: “2022-02-30”不是真实存在的日期/);
    assert.doesNotMatch(broken.stderr + broken.stdout, /\n\s+at /, 'no stack trace');
  });

  test('--fix converts GBK files to UTF-8 and rewrites 文号 brackets, keeping BOM and CRLF', () => {
    const copy = join(tempDir('fix'), 'content');
    cpSync(fixture('broken'), copy, { recursive: true });
    const result = runScript('check', ['--content', copy, '--fix']);
    assert.match(result.stdout, /已修正 notices\/gbk\.md：由 GBK 编码转为 UTF-8/);
    assert.match(
      result.stdout,
      /已修正 notices\/doc-number-brackets\.md:6 文号：坏镇府\[2024\]3号 → 坏镇府〔2024〕3号/,
    );
    assert.doesNotMatch(result.stderr, /gbk\.md|doc-number-brackets\.md/, 'both problems are gone');
    assert.match(readFileSync(join(copy, 'notices/gbk.md'), 'utf8'), /标题/);
    const crlf = readFileSync(join(copy, 'notices/crlf-bom.md'));
    assert.deepEqual(
      crlf,
      readFileSync(join(fixture('broken'), 'notices/crlf-bom.md')),
      'a file without fixes is not rewritten',
    );
    assert.equal(result.status, 1, 'the other errors remain');
  });
});

describe('a notice still holding the placeholder body of `npm run new`', () => {
  const content = join(tempDir('placeholder'), 'content');
  cpSync(fixture('office'), content, { recursive: true });
  const made = spawnSync(
    process.execPath,
    [join(ROOT, 'src/cli/new.ts'), '--content', content, '--yes', '--标题', '关于占位正文的通知', '--分类', '综合政务'],
    { cwd: ROOT, encoding: 'utf8' },
  );

  test('passes check with a warning that says building refuses it', () => {
    assert.equal(made.status, 0, made.stderr + made.stdout);
    const checked = runScript('check', ['--content', content]);
    assert.equal(checked.status, 0, checked.stderr + checked.stdout);
    assert.match(
      checked.stderr,
      /警告 notices\/\d{4}\/\d{8}-tongzhi\.md:\d+ 正文: 生成网站时这是错误：正文中还有新建时的占位文字“（在此填写正文。）”/,
    );
  });

  test('stops the build before anything is written', () => {
    const out = join(content, '..', 'dist');
    const built = runScript('build', ['--content', content, '--out', out]);
    assert.equal(built.status, 1);
    assert.match(built.stderr, /错误 notices\/\d{4}\/\d{8}-tongzhi\.md:\d+ 正文: 生成网站时这是错误：/);
    assert.match(built.stderr, /内容有错误，未生成网站/);
    assert.ok(!existsSync(out), 'no output folder');
  });
});
