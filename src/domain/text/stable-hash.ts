/**
 * A short, stable ASCII code for a piece of text (FNV-1a over UTF-8, base 36): URL segments
 * and search keys that must not move when other content changes, and must be the same in the
 * build (Node) and in the browser.
 */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}
