/**
 * Exact look-ups in search: a reader who types a 索引号 or a 文号 wants that one document first,
 * however they typed the brackets. Each notice is indexed with an ASCII key made from the
 * canonical form, and a query that parses as either is turned into the same key. Shared by the
 * index builder and the search page. Text is given in 简体 (chinese-variants.ts) by the caller,
 * so the search page need not load the converter for a query that has no 繁體 in it.
 */
import { stableHash } from '../text/stable-hash.ts';

const INDEX_NUMBER = /^\s*([0-9A-Za-z]{9}|[0-9A-Za-z]{18})\s*[/／\\]\s*(\d{4})\s*[-－—]\s*(\d{1,5})\s*$/;
/** 机关代字, any bracket or none around a 4-digit year, optional 第 and zeros, 号 (or 號). */
const DOC_NUMBER = /^\s*(\S+?)\s*[[(（【［﹝〔〖{｛]?\s*(\d{4})\s*[\])）】］﹞〕〗}｝]?\s*第?\s*0*(\d+)\s*[号號]\s*$/;
const ORDER_NUMBER = /^\s*(\S*?[令])\s*第\s*0*(\d+)\s*[号號]\s*$/;

export function indexNumberKey(text: string): string | undefined {
  const m = INDEX_NUMBER.exec(text);
  if (!m) return undefined;
  return `gksy${stableHash(`${m[1]!.toUpperCase()}/${m[2]}-${m[3]!.padStart(5, '0')}`)}`;
}

/** The key of a 文号 written in 简体 (號 is accepted too). */
export function docNumberKey(text: string): string | undefined {
  const order = ORDER_NUMBER.exec(text);
  if (order) return `gkwh${stableHash(`${order[1]!}第${order[2]}号`)}`;
  const m = DOC_NUMBER.exec(text);
  if (!m || /^\d+$/.test(m[1]!)) return undefined;
  return `gkwh${stableHash(`${m[1]!}〔${m[2]}〕${m[3]}号`)}`;
}

/** The exact-look-up key for a query in 简体, when it is a 索引号 or a 文号. */
export function lookupKey(query: string): string | undefined {
  return indexNumberKey(query) ?? docNumberKey(query);
}

/**
 * A word every notice carries. Pagefind returns no facet counts for a search without words,
 * so browsing by facets searches for this word instead.
 */
export const EVERY_NOTICE_KEY = 'gkquanbu';
