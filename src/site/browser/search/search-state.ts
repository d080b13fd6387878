/**
 * The search page's state as it lives in the URL (a contract: shared and bookmarked links
 * depend on it): `?q=词&fl=分类&tc=体裁&nf=年份&jg=发布机构&yx=有效性&px=date&p=2`.
 */
import { SEARCH_FILTERS, type SearchFilter } from '../../../domain/search/search-facets.ts';

export const SEARCH_PARAMS = { query: 'q', sort: 'px', page: 'p' } as const;

/** URL parameter of each facet. */
export const FILTER_PARAMS: Record<SearchFilter, string> = {
  分类: 'fl',
  体裁: 'tc',
  年份: 'nf',
  发布机构: 'jg',
  有效性: 'yx',
};

export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilter, string>>;
  sort: 'relevance' | 'date';
  /** 1-based. */
  page: number;
}

export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const name of SEARCH_FILTERS) {
    const value = params.get(FILTER_PARAMS[name])?.trim();
    if (value) filters[name] = value;
  }
  const page = Number.parseInt(params.get(SEARCH_PARAMS.page) ?? '1', 10);
  return {
    query: (params.get(SEARCH_PARAMS.query) ?? '').trim(),
    filters,
    sort: params.get(SEARCH_PARAMS.sort) === 'date' ? 'date' : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(SEARCH_PARAMS.query, state.query);
  for (const name of SEARCH_FILTERS) {
    const value = state.filters[name];
    if (value) params.set(FILTER_PARAMS[name], value);
  }
  if (state.sort === 'date') params.set(SEARCH_PARAMS.sort, 'date');
  if (state.page > 1) params.set(SEARCH_PARAMS.page, String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
