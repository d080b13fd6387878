/**
 * Excerpts "as written". Pagefind builds excerpts from the indexed text, which is normalised to
 * 简体; for a 繁體 notice the reader should still see 繁體. Conversion is character for character
 * (search-record.ts stores `original` only when lengths match), so the excerpt's position in the
 * indexed text is its position in the original too.
 */
const MARK = /<\/?mark>/g;

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Pagefind's excerpt HTML (`…<mark>政务公开</mark>…`) rewritten over the original text.
 * Falls back to Pagefind's own excerpt when it cannot be placed.
 */
export function excerptAsWritten(excerptHtml: string, indexedContent: string, original: string | undefined): string {
  return joinMarks(placeOnOriginal(excerptHtml, indexedContent, original));
}

/** Pagefind marks each word: `<mark>政务</mark><mark>公开</mark>` reads better as one mark. */
function joinMarks(html: string): string {
  return html.replace(/<\/mark><mark>/g, '');
}

function placeOnOriginal(excerptHtml: string, indexedContent: string, original: string | undefined): string {
  if (!original || original.length > indexedContent.length) return excerptHtml;
  // Split the excerpt into plain runs and marked runs, unescaped.
  const parts = excerptHtml.split(MARK).map(unescapeHtml);
  const plain = parts.join('');
  const start = indexedContent.indexOf(plain);
  if (start < 0 || plain === '') return excerptHtml;
  let offset = start;
  return parts
    .map((part, i) => {
      const written = escapeHtml(original.slice(offset, offset + part.length));
      offset += part.length;
      return i % 2 === 1 ? `<mark>${written}</mark>` : written;
    })
    .join('');
}
