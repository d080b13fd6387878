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
