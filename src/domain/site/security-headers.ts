/**
 * The Content-Security-Policy a gongkai site passes (tested in Chromium by tests/e2e/csp.test.ts).
 * deploy/nginx.conf and docs/deploy.md carry the same string; a unit test keeps them equal.
 * - scripts, styles, fonts, images, workers: this site only — no third party can be loaded;
 * - 'wasm-unsafe-eval' and blob: workers: Pagefind's search runs WebAssembly in a worker;
 * - style attributes: only the three table alignments Markdown writes (by hash).
 */
const TABLE_ALIGN_HASHES = [
  "'sha256-6l+tpow5lGPV0MHWZlDv8nD7HrL77FGFldqQ7zc5gxY='", // text-align: left
  "'sha256-Y9v1MZrln1N8aPBY5lmpxYKwFkcp/nyBMMEnn7WFjuw='", // text-align: center
  "'sha256-i0JPB0qmRu5AViJTxOIzqXnfGoiWFw+oNAm4uJd7ZQk='", // text-align: right
];

/** The policy's directives, one per entry: the single source of the header and the meta tag. */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  `style-src-attr 'unsafe-hashes' ${TABLE_ALIGN_HASHES.join(' ')}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
];

/** The full policy, for servers that can send headers (nginx, `npm start`). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** Directives a browser ignores (or refuses) in `<meta http-equiv>`: only a header can carry them. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** The policy without the header-only directives, for a `<meta http-equiv>` tag. */
export function metaPolicy(directives: readonly string[]): string {
  return directives
    .filter((directive) => !HEADER_ONLY_DIRECTIVES.has(directive.split(/\s+/, 1)[0]!.toLowerCase()))
    .join('; ');
}

/**
 * The policy every built page carries in its <head>: hosts that cannot send headers (GitHub
 * Pages, object storage) still get it, so injected script does not run there either.
 */
export const META_CONTENT_SECURITY_POLICY = metaPolicy(CSP_DIRECTIVES);

/** The headers deploy/nginx.conf sends with every response, and `npm start` with it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * The editor at /guanli/ (src/cms/) is Sveltia CMS, a Svelte app, and needs more than the site's
 * policy allows: its components inject <style> elements and style attributes ('unsafe-inline'
 * styles; styles cannot run script), it previews uploads from blob: URLs, and in git-host mode
 * it talks to the host's API and shows avatars from it. Scripts stay 'self' only: no inline
 * script, no eval, nothing from a CDN (the build bundles it from node_modules).
 *
 * The git host is the office's (site.yaml 代码仓库), so the full policy is made per build and
 * travels in the page's <meta>; the header a server sends for /guanli/ holds only what does not
 * depend on the host. A browser enforces both, so the page gets their intersection.
 */
export function editorCspDirectives(gitHostOrigins: readonly string[] = []): string[] {
  const hosts = gitHostOrigins.map((o) => ` ${o}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${hosts}`,
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self' blob: data:${hosts}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
}

/** The header for /guanli/ (deploy/nginx.conf, `npm start`): the host-independent directives. */
export const EDITOR_HEADER_DIRECTIVES: readonly string[] = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];
export const EDITOR_CONTENT_SECURITY_POLICY = EDITOR_HEADER_DIRECTIVES.join('; ');

/** The editor's folder under the site's base path: `guanli/`. Its own policy applies there. */
export const EDITOR_FOLDER = 'guanli';

/** The security headers for a path under the site's base (`guanli/…` or anything else). */
export function securityHeadersFor(relativePath: string): Readonly<Record<string, string>> {
  const editor = relativePath.replace(/^\/+/, '').split('/')[0] === EDITOR_FOLDER;
  return editor ? { ...SECURITY_HEADERS, 'Content-Security-Policy': EDITOR_CONTENT_SECURITY_POLICY } : SECURITY_HEADERS;
}
