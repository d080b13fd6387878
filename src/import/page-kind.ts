/**
 * Which saved pages are disclosure pages. A mirror also holds the 目录 lists, column and home
 * pages, search pages and navigation: a disclosure page carries its own metadata (索引号, 文号,
 * 发布日期 by label) or the article meta tags; a list page repeats dates row after row and has
 * paging; a search page has a search form and no metadata.
 */
import type { PageMetadata } from './find-metadata.ts';
import { squash } from './page-lines.ts';

export type PageKind = { disclosure: true } | { disclosure: false; reason: string };

const PAGING = /下一页|上一页|尾\s*页|末\s*页|共\s*\d+\s*页|第\s*\d+\s*页|共\s*\d+\s*条/;
const DATE_TEXT = /(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}/;

export function classifyPage(document: Document, metadata: PageMetadata, path: string): PageKind {
  const labelled = [...metadata.candidates].filter(([, values]) => values.some((v) => v.from === 'label'));
  const strong = labelled.filter(
    ([key]) => key === '索引号' || key === '文号' || key === '发布日期' || key === '成文日期',
  );
  const articleMeta = metadata.metaTags.has('articletitle');
  const body = document.body;
  const text = squash(body?.textContent ?? '');

  if (metadata.repeats >= 4) return { disclosure: false, reason: '列表页（同一标签出现多次，每行一篇）' };
  if (strong.length || articleMeta) {
    if (!text) return { disclosure: false, reason: '页面没有文字' };
    return { disclosure: true };
  }
  const datedLinks = body ? Array.from(body.querySelectorAll('li, tr')).filter(isDatedLink).length : 0;
  if (datedLinks >= 5 || (PAGING.test(text) && datedLinks >= 2))
    return { disclosure: false, reason: '列表页（链接和日期的列表）' };
  if (isSearchPage(document, path)) return { disclosure: false, reason: '搜索页' };
  return { disclosure: false, reason: '不是信息公开页面：没有找到索引号、文号、发布日期，也没有 ArticleTitle 标签' };
}

/** A list row: one link and a date beside it. */
function isDatedLink(row: Element): boolean {
  return (
    row.querySelectorAll('a[href]').length >= 1 &&
    DATE_TEXT.test(row.textContent ?? '') &&
    (row.textContent ?? '').length < 300
  );
}

function isSearchPage(document: Document, path: string): boolean {
  if (/search|sousuo|jiansuo/i.test(path)) return true;
  const title = document.querySelector('title')?.textContent ?? '';
  if (/搜索|检索/.test(title)) return true;
  return (
    Array.from(document.querySelectorAll('form')).some((form) =>
      /search|搜索|检索|keyword|searchword|\bq\b/i.test(form.outerHTML.slice(0, 2000)),
    ) && !/索引号|文号/.test(document.body?.textContent ?? '')
  );
}
