/**
 * The Content-Security-Policy a gongkai site passes (tested in Chromium by tests/e2e/csp.test.ts).
 * deploy/nginx.conf and the README carry the same string; a unit test keeps them equal.
 * - scripts, styles, fonts, images, workers: this site only — no third party can be loaded;
 * - 'wasm-unsafe-eval' and blob: workers: Pagefind's search runs WebAssembly in a worker;
 * - style attributes: only the three table alignments Markdown writes (by hash).
 */
const TABLE_ALIGN_HASHES = [
  "'sha256-6l+tpow5lGPV0MHWZlDv8nD7HrL77FGFldqQ7zc5gxY='", // text-align: left
  "'sha256-Y9v1MZrln1N8aPBY5lmpxYKwFkcp/nyBMMEnn7WFjuw='", // text-align: center
  "'sha256-i0JPB0qmRu5AViJTxOIzqXnfGoiWFw+oNAm4uJd7ZQk='", // text-align: right
];

export const CONTENT_SECURITY_POLICY = [
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
].join('; ');
