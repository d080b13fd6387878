import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  EDITOR_CONTENT_SECURITY_POLICY,
  EDITOR_HEADER_DIRECTIVES,
  editorCspDirectives,
  securityHeadersFor,
  metaPolicy,
} from '../../src/domain/site/security-headers.ts';
import { ROOT } from '../build/helpers.ts';

describe('metaPolicy', () => {
  test('drops the directives a <meta> policy cannot carry and keeps the rest in order', () => {
    const policy = metaPolicy([
      "default-src 'self'",
      "frame-ancestors 'none'",
      'report-uri /csp',
      'report-to csp',
      'sandbox allow-scripts',
      "img-src 'self' data:",
    ]);
    assert.equal(policy, "default-src 'self'; img-src 'self' data:");
  });

  test('gives the site’s meta policy as the header policy without frame-ancestors', () => {
    const header = CONTENT_SECURITY_POLICY.split('; ');
    assert.deepEqual(
      META_CONTENT_SECURITY_POLICY.split('; '),
      header.filter((d) => !d.startsWith('frame-ancestors ')),
    );
    assert.ok(header.includes("frame-ancestors 'self'"));
    assert.equal(CONTENT_SECURITY_POLICY, CSP_DIRECTIVES.join('; '));
  });
});

/** An nginx block: its head (`server`, `location / `…), its simple statements and inner blocks. */
interface Block {
  head: string;
  statements: string[];
  children: Block[];
}

/** Enough of nginx's syntax for deploy/nginx.conf: blocks, `;` statements, quotes, # comments. */
function parseNginx(source: string): Block {
  const root: Block = { head: '', statements: [], children: [] };
  const stack = [root];
  let token = '';
  let quote = '';
  for (const line of source.split('\n').filter((l) => !l.trim().startsWith('#'))) {
    for (const char of `${line}\n`) {
      const block = stack.at(-1)!;
      if (quote) quote = char === quote ? '' : quote;
      else if (char === '"' || char === "'") quote = char;
      else if (char === '{') {
        const child: Block = { head: token.trim(), statements: [], children: [] };
        block.children.push(child);
        stack.push(child);
        token = '';
        continue;
      } else if (char === ';' || char === '}') {
        if (token.trim()) block.statements.push(token.trim().replace(/\s+/g, ' '));
        if (char === '}') stack.pop();
        token = '';
        continue;
      }
      token += char;
    }
  }
  return root;
}

/** `add_header Name "value" always` statements as [name, value] pairs. */
const addHeaders = (block: Block) =>
  block.statements
    .filter((s) => s.startsWith('add_header '))
    .map((s) => {
      const [, name, value] = /^add_header (\S+) ("[^"]*"|\S+)/.exec(s)!;
      return [name!, value!.replace(/^"|"$/g, '')] as const;
    });

describe('deploy/nginx.conf', () => {
  const conf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const server = parseNginx(conf).children.find((b) => b.head === 'server')!;

  test('carries the tested policy, and so does the deploy guide', () => {
    assert.ok(conf.includes(`"${CONTENT_SECURITY_POLICY}"`));
    assert.ok(readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8').includes(CONTENT_SECURITY_POLICY));
  });

  /** The `map $uri $gongkai_csp` lines: pattern → policy. */
  const cspMap = new Map(
    parseNginx(conf)
      .children.find((b) => b.head === 'map $uri $gongkai_csp')!
      .statements.map((s) => {
        const [, pattern, value] = /^(\S+) "([^"]*)"$/.exec(s)!;
        return [pattern!, value!] as const;
      }),
  );

  test('sends the site’s policy everywhere but /guanli/, which gets the editor’s header', () => {
    assert.deepEqual(
      [...cspMap],
      [
        ['~^/(.*/)?guanli/', EDITOR_CONTENT_SECURITY_POLICY],
        ['default', CONTENT_SECURITY_POLICY],
      ],
    );
    assert.equal(new Map(addHeaders(server)).get('Content-Security-Policy'), '$gongkai_csp');
    assert.equal(securityHeadersFor('guanli/main.js')['Content-Security-Policy'], EDITOR_CONTENT_SECURITY_POLICY);
    assert.equal(securityHeadersFor('guanlixyz/')['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
    assert.equal(securityHeadersFor('xxgk/')['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
  });

  test('the editor’s header directives are all in its full policy, for any git host', () => {
    for (const hosts of [[], ['https://git.example.gov.cn']]) {
      const full = editorCspDirectives(hosts);
      for (const directive of EDITOR_HEADER_DIRECTIVES) assert.ok(full.includes(directive), directive);
    }
    assert.ok(
      editorCspDirectives(['https://git.example.gov.cn']).includes(
        "connect-src 'self' blob: data: https://git.example.gov.cn",
      ),
    );
  });

  test('sends every security header from the server, on errors too (always)', () => {
    const sent = new Map(addHeaders(server));
    sent.set('Content-Security-Policy', cspMap.get('default')!);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(sent.get(name), value, name);
    for (const statement of server.statements.filter((s) => s.startsWith('add_header ')))
      assert.match(statement, / always$/);
  });

  test('lets every location keep the security headers when it sends headers of its own', () => {
    const locations = server.children.filter((b) => b.head.startsWith('location '));
    assert.ok(locations.length >= 2);
    for (const location of locations) {
      const own = new Map(addHeaders(location));
      if (!own.size) continue; // no add_header of its own: nginx passes the server's down
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        assert.equal(own.get(name), value, `${location.head}: ${name}`);
    }
  });

  test('hides dot files and folders, follows no symlinks', () => {
    assert.ok(
      server.children.some(
        (b) => b.head.startsWith('location ~') && b.head.includes('\\.') && b.statements.includes('return 404'),
      ),
    );
    assert.ok(server.statements.includes('disable_symlinks on'));
  });
});
