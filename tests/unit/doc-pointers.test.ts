/**
 * The docs as the code and the docs themselves point into them:
 * - an editor's message that says `见 docs/publishing.md“公文的字段”一节` names a file in docs/ and
 *   a heading in it with exactly that text, so a renamed heading cannot strand the message;
 * - every relative Markdown link in README.md and docs/*.md reaches a file, and its `#anchor`
 *   a heading of that file (GitHub's slugs, by github-slugger).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import { ROOT } from '../build/helpers.ts';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Files under `dir` (relative to ROOT) whose names end with one of `exts`. */
function filesUnder(dir: string, exts: readonly string[]): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => exts.some((ext) => path.endsWith(ext)) && statSync(join(ROOT, path)).isFile());
}

/** Lines of a Markdown text outside fenced code blocks. */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** The text of each ATX heading (`#` to `######`), without its marks. */
function headings(markdown: string): string[] {
  return proseLines(markdown).flatMap((line) => {
    const match = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    return match ? [match[1]!] : [];
  });
}

/** GitHub's anchors for a file's headings: its slugs, numbered when repeated. */
function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  // GitHub slugs the rendered heading text: inline code and link marks are not part of it.
  return new Set(
    headings(markdown).map((h) => slugger.slug(h.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))),
  );
}

describe('pointers from the code into docs/', () => {
  const sources = [...filesUnder('src', ['.ts', '.astro'])];
  const pointers = sources.flatMap((file) =>
    [...read(file).matchAll(/docs\/([\w-]+\.md)“([^”]+)”/g)].map((m) => ({ file, doc: m[1]!, heading: m[2]! })),
  );

  test('are found (the messages that point editors at the field table and the URL contract)', () => {
    assert.ok(sources.length > 0);
    assert.ok(pointers.length >= 3, `found ${pointers.length} pointers`);
    const docs = new Set(pointers.map((p) => `${p.doc}“${p.heading}”`));
    assert.ok(docs.has('publishing.md“公文的字段”'));
    assert.ok(docs.has('urls-and-data.md“网址”'));
  });

  test('each names a file in docs/ and a heading with exactly that text', () => {
    for (const { file, doc, heading } of pointers) {
      const path = join('docs', doc);
      assert.ok(existsSync(join(ROOT, path)), `${file}: ${path} does not exist`);
      assert.ok(headings(read(path)).includes(heading), `${file}: ${path} has no heading “${heading}”`);
    }
  });
});

describe('relative links in README.md and docs/', () => {
  const documents = ['README.md', ...filesUnder('docs', ['.md'])];
  const links = documents.flatMap((doc) => {
    // `[text](target)` and `![alt](target)`, with an optional "title"; inline code removed first.
    const prose = proseLines(read(doc))
      .join('\n')
      .replace(/`[^`\n]*`/g, '');
    return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
      .map((m) => ({ doc, target: m[1]! }))
      .filter(({ target }) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//'));
  });

  test('are found, to other docs, to anchors and to the screenshot', () => {
    assert.ok(documents.length >= 7, documents.join(', '));
    assert.ok(links.some((l) => l.doc === 'README.md' && l.target === 'docs/publishing.md'));
    assert.ok(links.some((l) => l.doc === 'README.md' && l.target.startsWith('docs/images/')));
    assert.ok(links.some((l) => l.target.includes('#')));
  });

  test('each reaches an existing file, and its #anchor a heading there', () => {
    for (const { doc, target } of links) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path ? join(dirname(doc), decodeURIComponent(path)) : doc;
      assert.ok(!relative(ROOT, join(ROOT, file)).startsWith('..'), `${doc}: ${target} leaves the repository`);
      assert.ok(existsSync(join(ROOT, file)), `${doc}: ${target} — ${file} does not exist`);
      if (anchor === undefined) continue;
      assert.ok(file.endsWith('.md'), `${doc}: ${target} — an anchor into a file that is not Markdown`);
      assert.ok(
        anchors(read(file)).has(decodeURIComponent(anchor)),
        `${doc}: ${target} — ${file} has no heading with the anchor #${anchor}`,
      );
    }
  });
});
