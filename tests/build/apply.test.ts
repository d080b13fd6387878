/**
 * 依申请公开: /yishenqing/, the printable 申请表 and the Word file, built from the office fixture
 * and from a copy whose site.yaml has no 传真.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import type { HTMLElement } from 'node-html-parser';
import { SiteConfigSchema } from '../../src/domain/site/site-config.ts';
import { applicationForm, formLabels } from '../../src/domain/apply/application-form.ts';
import { applicationFormDocx } from '../../src/domain/apply/application-form-docx.ts';
import { fixture, page, runScript, temporary, text } from './helpers.ts';

const siteOf = (content: string) => SiteConfigSchema.parse(parseYaml(readFileSync(join(content, 'site.yaml'), 'utf8')));

function build(content: string): string {
  const out = join(temporary('gongkai-apply-'), 'dist');
  const result = runScript('build', ['--content', content, '--out', out]);
  assert.equal(result.status, 0, result.stderr + result.stdout);
  return out;
}

const meta = (html: HTMLElement) =>
  Object.fromEntries(
    html.querySelectorAll('meta[name]').map((m) => [m.getAttribute('name'), m.getAttribute('content')]),
  );
/** The tick boxes' options, without the box drawn before each (hidden from screen readers). */
const options = (html: HTMLElement) =>
  html.querySelectorAll('.application-form__option').map((o) => text(o).replace(/^□\s*/, ''));
const channels = (html: HTMLElement) =>
  html.querySelectorAll('.apply-channels [data-channel]').map((c) => c.getAttribute('data-channel'));

describe('依申请公开 for the office fixture', () => {
  const content = fixture('office');
  const site = siteOf(content);
  let out = '';
  before(() => {
    out = build(content);
  });

  test('/yishenqing/ names the office and lists each channel site.yaml gives, with its details', () => {
    const html = page(out, '/yishenqing/');
    const main = text(html.querySelector('main'));
    assert.equal(text(html.querySelector('h1')), '依申请公开');
    assert.match(main, /公民、法人或者其他组织可以向测试镇人民政府申请获取政府信息/);
    assert.deepEqual(channels(html), ['in-person', 'post', 'fax', 'email']);
    const detail = (kind: string) => text(html.querySelector(`[data-channel=${kind}] dd`));
    assert.match(detail('in-person'), /测试县测试镇人民路1号.*周一至周五 8:30-12:00 14:30-17:30/);
    assert.match(detail('post'), /测试县测试镇人民路1号，邮编 526000/);
    assert.match(detail('fax'), /0758-0000002/);
    assert.equal(html.querySelector('[data-channel=email] a')?.getAttribute('href'), 'mailto:gk@test.example.gov.cn');
    assert.match(main, /咨询电话：0758-0000001/);
  });

  test('/yishenqing/ states the time limits and the fees, and links the form page and the .docx', () => {
    const html = page(out, '/yishenqing/');
    const main = text(html.querySelector('main'));
    assert.match(main, /自收到申请之日起20个工作日内答复/);
    assert.match(main, /延长的期限最长不超过20个工作日/);
    assert.match(main, /国办函〔2020〕109号/);
    assert.match(main, /累计申请超过10件的/);
    assert.match(main, /超过30页的/);
    const links = html.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    assert.ok(links.includes('/yishenqing/shenqingbiao/'));
    assert.ok(links.includes('/yishenqing/shenqingbiao.docx'));
    assert.match(main, /（DOCX，\d+ KB）/);
    assert.match(main, /本网站不在线受理申请，也不收集身份证件号码/);
  });

  test('neither page has a form that sends anything but the header’s search', () => {
    for (const path of ['/yishenqing/', '/yishenqing/shenqingbiao/']) {
      const html = page(out, path);
      assert.deepEqual(
        html.querySelectorAll('form').map((f) => [f.getAttribute('method'), f.getAttribute('action')]),
        [['get', '/sousuo/']],
        path,
      );
      assert.equal(html.querySelectorAll('main input, main textarea, main select').length, 0, path);
    }
  });

  test('the form page is the domain module’s form, addressed to the office', () => {
    const html = page(out, '/yishenqing/shenqingbiao/');
    const form = applicationForm(site);
    assert.equal(text(html.querySelector('h1')), '政府信息公开申请表');
    assert.deepEqual(html.querySelectorAll('.application-form__recipient span').map(text), [
      '受理机关：测试镇人民政府',
      '地址：测试县测试镇人民路1号',
      '邮政编码：526000',
    ]);
    const cells = html.querySelectorAll('.application-form__table th, .application-form__table td').map(text);
    const labels = formLabels(form).filter((l) => l !== form.title && !form.recipient.some((r) => r.label === l));
    const shown = [...cells, ...options(html)];
    for (const label of labels) assert.ok(shown.includes(label), label);
    assert.ok(shown.includes('传真'), 'a 传真 delivery option');
    assert.equal(html.querySelectorAll('.application-form__box').length, 20, 'one empty box per field');
    assert.ok(html.querySelectorAll('.application-form__box').every((td) => text(td) === ''));
    const region = html.querySelector('.application-form__scroll')!;
    assert.equal(region.getAttribute('tabindex'), '0', 'the scrolling table can be reached by keyboard');
    assert.equal(html.querySelector('.print-url'), null, 'no page address printed under the form');
  });

  test('both pages carry the government meta tags of the 依申请公开 column', () => {
    for (const [path, title] of [
      ['/yishenqing/', '依申请公开'],
      ['/yishenqing/shenqingbiao/', '政府信息公开申请表'],
    ] as const) {
      const tags = meta(page(out, path));
      assert.equal(tags['SiteName'], '测试镇人民政府');
      assert.equal(tags['ColumnName'], '依申请公开', path);
      assert.equal(tags['ColumnType'], '信息发布');
      assert.equal(tags['Url'], `https://test.example.gov.cn${path}`);
      assert.equal(tags['ArticleTitle'], undefined, 'not an article');
      assert.equal(text(page(out, path).querySelector('title')), `${title} - 测试镇人民政府`);
    }
    assert.deepEqual(page(out, '/yishenqing/shenqingbiao/').querySelectorAll('.breadcrumb li').map(text), [
      '首页',
      '依申请公开',
      '申请表',
    ]);
  });

  test('the .docx is a Word package holding the office’s name, address and every label of the form', async () => {
    const file = join(out, 'yishenqing/shenqingbiao.docx');
    assert.ok(existsSync(file));
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'a zip file');
    const files = unzipSync(bytes);
    assert.ok(files['[Content_Types].xml'] && files['word/styles.xml']);
    const xml = strFromU8(files['word/document.xml']!);
    const words = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const label of formLabels(applicationForm(site))) assert.ok(words.includes(label), label);
    assert.ok(words.includes('受理机关：测试镇人民政府'));
    assert.ok(words.includes('地址：测试县测试镇人民路1号'));
    // Exactly what the domain module makes of this site.yaml: the page and the file share one form.
    assert.ok(bytes.equals(await applicationFormDocx(applicationForm(site))));
  });

  test('the sitemap lists both pages', () => {
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    assert.match(sitemap, /<loc>https:\/\/test\.example\.gov\.cn\/yishenqing\/<\/loc>/);
    assert.match(sitemap, /<loc>https:\/\/test\.example\.gov\.cn\/yishenqing\/shenqingbiao\/<\/loc>/);
  });
});

describe('依申请公开 for an office without 传真', () => {
  let out = '';
  before(() => {
    const content = join(temporary('gongkai-apply-nofax-'), 'content');
    cpSync(fixture('office'), content, { recursive: true });
    const yaml = join(content, 'site.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^传真:.*\n/m, ''));
    out = build(content);
  });

  test('/yishenqing/ shows no 传真 channel and no fax number', () => {
    const html = page(out, '/yishenqing/');
    assert.deepEqual(channels(html), ['in-person', 'post', 'email']);
    assert.ok(!html.querySelectorAll('.apply-channels dt').some((dt) => text(dt) === '传真'));
    assert.doesNotMatch(text(html.querySelector('main')), /0758-0000002/);
  });

  test('the form offers no delivery by 传真 but keeps the applicant’s own 传真 box', () => {
    const html = page(out, '/yishenqing/shenqingbiao/');
    assert.deepEqual(options(html).slice(4), ['当面领取', '邮寄', '电子邮件']);
    assert.ok(html.querySelectorAll('.application-form__table th').some((th) => text(th) === '传真'));
    assert.doesNotMatch(text(html.querySelector('.application-form__notes')), /传真/);
    const words = strFromU8(unzipSync(readFileSync(join(out, 'yishenqing/shenqingbiao.docx')))['word/document.xml']!);
    assert.doesNotMatch(words, /□传真/);
  });
});
