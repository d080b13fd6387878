/**
 * The hostile cases (tests/fixtures/hostile/cases.ts) through the real CLI: a refused case stops
 * `check` and `build` without running any of its code and without touching the published OUT;
 * every accepted case, all in one site, builds into pages with nothing that runs, loads from
 * elsewhere, submits or redirects, and into an attachments folder with only what notices use.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { fixture, page, runScript, tempDir, text } from './helpers.ts';
import {
  CODE_EXECUTION_CASES,
  HOSTILE_CASES,
  isAccepted,
  MARKER_DIR,
  markerOf,
  materialise as materialiseCases,
  MDX_CODE_OPT_IN,
  type HostileCase,
  type Refused,
} from '../fixtures/hostile/cases.ts';

const work = tempDir('hostile-build');
const env = { GONGKAI_CACHE: join(work, 'cache') };
const contentFolders: string[] = [];
/** A content folder with `cases` applied, removed after the tests. */
function materialise(cases: Parameters<typeof materialiseCases>[0]): string {
  const content = materialiseCases(cases);
  contentFolders.push(content);
  return content;
}
after(() => {
  for (const folder of [work, MARKER_DIR, ...contentFolders.map(dirname)])
    rmSync(folder, { recursive: true, force: true });
});

const caseById = (id: string) => HOSTILE_CASES.find((c) => c.id === id)!;
/** The URL path of an accepted case's page. */
function pageOf(id: string): string {
  const expect = caseById(id).expect;
  if (!('page' in expect) || !expect.page) throw new Error(`${id} has no page`);
  return expect.page;
}

/** Every entry under `dir` → the SHA-256 of a file's bytes, 'folder', or a link's target. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => {
      const path = join(e.parentPath, e.name);
      const digest = e.isSymbolicLink()
        ? 'link'
        : e.isDirectory()
          ? 'folder'
          : createHash('sha256').update(readFileSync(path)).digest('hex');
      return [relative(dir, path), digest] as const;
    }),
  );
}

describe('a refused case', () => {
  const out = join(work, 'published', 'dist');
  let publishedSite = new Map<string, string>();
  before(() => {
    const built = runScript('build', ['--content', materialise([]), '--out', out], env);
    assert.equal(built.status, 0, built.stderr);
    publishedSite = snapshot(out);
  });

  // One case of each defect class, with the line its problem is reported at.
  for (const id of [
    'd1-esm-execsync',
    'd2-javascript-link',
    'd3-html-listed',
    'd6-mobile-dashes',
    'd7-lone-surrogate',
  ]) {
    const c = caseById(id) as HostileCase & { expect: Refused };
    test(`${id}: build exits 1, names ${c.expect.file}:${c.expect.line} and leaves the published OUT byte for byte`, () => {
      const built = runScript('build', ['--content', materialise([c]), '--out', out], env);
      assert.equal(built.status, 1, built.stdout + built.stderr);
      assert.ok(built.stderr.includes(`错误 ${c.expect.file}:${c.expect.line} `), built.stderr);
      assert.deepEqual(snapshot(out), publishedSite);
    });
  }

  for (const id of CODE_EXECUTION_CASES) {
    test(`${id}: neither check nor build runs the payload`, () => {
      const content = materialise([caseById(id)]);
      const checked = runScript('check', ['--content', content], env);
      assert.equal(checked.status, 1, checked.stdout + checked.stderr);
      assert.match(checked.stderr, /mdx|MDX/);
      assert.equal(existsSync(markerOf(id)), false, 'check ran the code');
      const built = runScript('build', ['--content', content, '--out', join(work, `out-${id}`)], env);
      assert.equal(built.status, 1, built.stdout + built.stderr);
      assert.equal(existsSync(markerOf(id)), false, 'build ran the code');
      assert.equal(existsSync(join(work, `out-${id}`)), false, 'no site is made');
    });
  }
});

describe('MDX可执行代码: 是 (the documented opt-in)', () => {
  test('runs MDX as code: {1+1} shows 2 and code in the notice runs at build time', () => {
    const out = join(work, 'opt-in', 'dist');
    const content = materialise([{ id: 'opt-in', files: MDX_CODE_OPT_IN.files }]);
    try {
      const built = runScript('build', ['--content', content, '--out', out], env);
      assert.equal(built.status, 0, built.stderr);
      assert.equal(text(page(out, MDX_CODE_OPT_IN.sumPage).querySelector('#sum')), '2');
      // The control for the code-execution cases above: the same kind of payload does run here.
      assert.ok(existsSync(MDX_CODE_OPT_IN.marker), 'the opted-in payload ran');
    } finally {
      rmSync(dirname(content), { recursive: true, force: true });
    }
  });

  test('leaves nothing behind that breaks the next build once its content is gone', () => {
    const built = runScript(
      'build',
      ['--content', fixture('office'), '--out', join(work, 'after-opt-in', 'dist')],
      env,
    );
    assert.equal(built.status, 0, built.stderr);
  });
});

// ── Every accepted case in one site ──────────────────────────────────────────────────────

const ACCEPTED = HOSTILE_CASES.filter(isAccepted);
const SAFE_SCHEME = /^(https?|mailto|tel):$/i;
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'srcset',
  'poster',
  'data',
  'cite',
  'background',
  'ping',
];

/** The scheme a browser would see in a URL attribute (it drops ASCII tabs and newlines), or undefined if relative. */
function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').trim();
  return /^([a-z][a-z0-9+.-]*:)/i.exec(cleaned)?.[1];
}

/** The site's own QR code: a fixed set of attributes, nothing inside but paths. */
function isSiteQrCode(svg: HTMLElement): boolean {
  const attributes = Object.keys(svg.attributes)
    .map((a) => a.toLowerCase())
    .sort();
  return (
    attributes.join(' ') === 'aria-hidden focusable shape-rendering viewbox xmlns' &&
    /^0 0 \d+ \d+$/.test(svg.getAttribute('viewBox') ?? '') &&
    svg
      .querySelectorAll('*')
      .every(
        (child) =>
          child.tagName === 'PATH' && Object.keys(child.attributes).every((a) => ['fill', 'stroke', 'd'].includes(a)),
      )
  );
}

/** What in one built page could run, load from elsewhere, submit or redirect. */
function unsafeIn(html: string): string[] {
  const found: string[] = [];
  const root = parse(html, { comment: false });
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) found.push(`<${tag} ${attribute}>`);
      if (URL_ATTRIBUTES.includes(attribute)) {
        const scheme = schemeOf(value);
        if (scheme && !SAFE_SCHEME.test(scheme)) found.push(`<${tag} ${attribute}="${value}">`);
      }
    }
    if (['base', 'iframe', 'frame', 'object', 'embed', 'applet', 'portal', 'math'].includes(tag))
      found.push(`<${tag}>`);
    if (tag === 'meta' && /refresh/i.test(element.getAttribute('http-equiv') ?? ''))
      found.push('<meta http-equiv=refresh>');
    if (tag === 'script') {
      const src = element.getAttribute('src') ?? '';
      const own = /^\/_assets\/[\w.-]+\.js$/.test(src) || src === '/reading-prefs.js' || /^\/pagefind\//.test(src);
      if (!own || element.textContent.trim() !== '') found.push(`<script src="${src}">`);
    }
    if (tag === 'svg' && !isSiteQrCode(element)) found.push(`<svg ${element.rawAttrs}>`);
    // The site's search forms (header and search page): a GET to its own search page.
    const searchForm =
      element.getAttribute('role') === 'search' &&
      element.getAttribute('action') === '/sousuo/' &&
      element.getAttribute('method') === 'get';
    if (tag === 'form' && !searchForm) found.push(`<form ${element.rawAttrs}>`);
  }
  // Anything the parser might not see as an element: spelled out in the bytes.
  if (/<(base|iframe|object|embed)\b/i.test(html)) found.push('raw frame/object/base tag');
  if (/\bjavascript:|\bvbscript:/i.test(html.replace(/<!--[\s\S]*?-->/g, '')))
    found.push('javascript:/vbscript: in the bytes');
  if (html.includes('evil.example')) found.push('a reference to evil.example');
  return found;
}

describe(`the ${ACCEPTED.length} accepted cases, built into one site`, () => {
  const out = join(work, 'accepted', 'dist');
  let htmlFiles: string[] = [];
  before(() => {
    const built = runScript('build', ['--content', materialise(ACCEPTED), '--out', out], env);
    assert.equal(built.status, 0, built.stdout + built.stderr);
    // The editor's page (/guanli/) is made from the Sveltia package and site.yaml, never from a
    // notice, and loads its own bundle: tests/build/guanli.test.ts checks it.
    htmlFiles = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.html') && f !== 'guanli/index.html',
    );
  });

  test('every accepted case with a page has its page', () => {
    for (const c of ACCEPTED) {
      if (c.expect.page) assert.ok(existsSync(join(out, c.expect.page, 'index.html')), `${c.id}: ${c.expect.page}`);
    }
  });

  test('no page has an event handler, a script URL, a frame, a redirect, a foreign script, an SVG or a form that is not the site’s', () => {
    assert.ok(htmlFiles.length > ACCEPTED.length, `${htmlFiles.length} pages`);
    const unsafe = htmlFiles.flatMap((file) =>
      unsafeIn(readFileSync(join(out, file), 'utf8')).map((what) => `${file}: ${what}`),
    );
    assert.deepEqual(unsafe, []);
  });

  test("the scan would see the site's own QR code, search form and scripts, and an injected handler", () => {
    // A check that finds nothing must be able to find something: the page as built passes,
    // the same page with a handler does not.
    const html = readFileSync(join(out, pageOf('d2-font'), 'index.html'), 'utf8');
    assert.match(html, /<svg /);
    assert.match(html, /<form class="search-box"/);
    assert.deepEqual(unsafeIn(html), []);
    assert.notDeepEqual(unsafeIn(html.replace('<main', '<main onclick="x"')), []);
  });

  test('dropped formatting keeps its text; comments and code never reach the page', () => {
    const built = (id: string) => page(out, pageOf(id));
    const font = built('d2-font');
    assert.match(text(font.querySelector('main')), /请务必按时报名/);
    assert.equal(font.querySelector('main font'), null);
    assert.equal(built('d2-style-attribute').querySelector('main [style*="url"]'), null);
    assert.equal(built('d2-class-attribute').querySelector('main .site-header'), null);
    assert.doesNotMatch(text(built('d1-comment').querySelector('main')), /内部备注/);
    assert.match(text(built('d1-signature').querySelector('main p.signature')), /测试镇人民政府/);
    assert.match(text(built('d7-summary-number').querySelector('main')), /2026/);
  });

  test('attachments/ holds exactly the attachments accepted cases use: no dotfiles, unused files or links', () => {
    const expected = ['2022/yusuan.pdf', ...ACCEPTED.flatMap((c) => c.expect.published ?? [])].sort();
    const folder = join(out, 'attachments');
    const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => !e.isDirectory())
      .map((e) => relative(folder, join(e.parentPath, e.name)).split('\\').join('/'));
    assert.deepEqual(files.sort(), expected);
    for (const file of files) assert.ok(lstatSync(join(folder, file)).isFile(), `${file} is a regular file`);
    const anywhere = readdirSync(out, { recursive: true, encoding: 'utf8' });
    assert.deepEqual(
      anywhere.filter((path) =>
        path.split('/').some((segment) => segment.startsWith('.') && segment !== '.gongkai-site.json'),
      ),
      [],
    );
  });
});
