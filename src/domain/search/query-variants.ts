/**
 * A search query in 简体, as the index is (chinese-variants.ts). The converter's dictionaries
 * are most of the search page's weight (≈ 90 KB gzip), and most queries are typed in 简体: a
 * query with no character the conversion could change is already 简体, so the converter is
 * loaded only when a query has one.
 */
import { TRADITIONAL_CHARACTERS, TRADITIONAL_PHRASES } from './traditional-characters.generated.ts';
import { decodeCodePointSet } from '../text/code-point-set.ts';

const TRADITIONAL = decodeCodePointSet(TRADITIONAL_CHARACTERS);

/** Whether converting `text` to 简体 could change it. */
export function mayBeTraditional(text: string): boolean {
  for (const char of text) if (TRADITIONAL.has(char.codePointAt(0)!)) return true;
  return TRADITIONAL_PHRASES.some((phrase) => text.includes(phrase));
}

export async function simplifiedQuery(text: string): Promise<string> {
  if (!mayBeTraditional(text)) return text;
  const { toSimplified } = await import('./chinese-variants.ts');
  return toSimplified(text);
}
