/**
 * The search page in the browser: URL → state → Pagefind → results, facets and pager.
 * Queries are normalised to 简体 like the index; a 索引号 or 文号 puts its notice first.
 */
import {
  loadNewestShard,
  loadPagefind,
  rankedSearch,
  type Pagefind,
  type PagefindResult,
  type PagefindSearchOptions,
} from './pagefind-client.ts';
import { readSearchState, writeSearchState, FILTER_PARAMS, type SearchState } from './search-state.ts';
import { SEARCH_FILTERS, type SearchFilter } from '../../../domain/search/search-facets.ts';
import { SHARD_FILTER } from '../../../domain/search/search-shards.ts';
import { lookupKey, EVERY_NOTICE_KEY } from '../../../domain/search/search-keys.ts';
import { simplifiedQuery } from '../../../domain/search/query-variants.ts';
import { excerptAsWritten } from '../../../domain/search/search-excerpt.ts';
import { t } from '../../../domain/site/ui-strings.ts';
import { validityClass } from '../../../domain/catalogue/validity-class.ts';
import { listenForMissingSearchFiles, missedSince, missingMark } from './missing-search-files.ts';

const RESULTS_PER_PAGE = 10;
const BASE = import.meta.env.BASE_URL;

interface Elements {
  form: HTMLFormElement;
  query: HTMLInputElement;
  sort: HTMLSelectElement;
  facets: HTMLElement;
  filtersSummary: HTMLElement;
  status: HTMLElement;
  results: HTMLOListElement;
  pager: HTMLElement;
  empty: HTMLElement;
  offline: HTMLElement;
}

export function startSearchPage(): void {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const el: Elements = {
    form: $('search-form'),
    query: $('search-q'),
    sort: $('search-sort'),
    facets: $('search-facets'),
    filtersSummary: $('search-filters-summary'),
    status: $('search-status'),
    results: $('search-results'),
    pager: $('search-pager'),
    empty: $('search-empty'),
    offline: $('search-offline'),
  };
  listenForMissingSearchFiles();
  const buildId = document.documentElement.dataset.build ?? '';
  const shards = Number($('search-page').dataset.searchShards ?? '1') || 1;
  let run = 0;
  let searchedBefore = false;

  const show = async (state: SearchState) => {
    const mine = ++run;
    el.query.value = state.query;
    el.sort.value = state.sort === 'date' ? 'date' : '';
    el.status.textContent = t('search.loading');
    // Until the search is done (screen readers wait; so do the tests and the bench).
    setBusy(true, el.results, el.facets);
    const mark = missingMark();
    const incomplete = () => missedSince(mark);
    try {
      // The page's first search shows results as soon as the newest shard's index is in: on a
      // slow connection, after one shard's files, not all. On a sharded site that is what the
      // newest years hold while the older shards load; on a one-shard site it is every result,
      // and only the counts per facet wait for the filter files. Any later search (even one
      // started meanwhile) waits for everything.
      const current = () => mine === run;
      const takeFirstLook = !searchedBefore && state.page === 1 && !browsingAll(state);
      searchedBefore = true;
      if (takeFirstLook) {
        const firstLook = await searchFor(await loadNewestShard(BASE, buildId), state, 1);
        if (shards === 1) await render(el, state, firstLook, navigate, current, incomplete, { facets: false });
        else if (firstLook.results.length > 0) await renderFirstLook(el, firstLook, current);
      }
      const pagefind = await loadPagefind(BASE, buildId, shards);
      const view = await searchFor(pagefind, state, shards);
      await render(el, state, view, navigate, current, incomplete);
    } catch (error) {
      console.warn(error);
      const offline = (await incomplete()) || !navigator.onLine;
      if (mine === run) {
        el.status.textContent = offline ? t('search.offlineNone', { q: state.query }) : t('search.failed');
        el.offline.hidden = !offline;
        setBusy(false, el.results, el.facets);
      }
    }
  };
  const navigate = (state: SearchState, push = true) => {
    const url = `${location.pathname}${writeSearchState(state)}`;
    if (push) history.pushState(null, '', url);
    void show(state);
  };

  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ ...formState(el), page: 1 });
  });
  el.form.addEventListener('change', (event) => {
    if (event.target !== el.query) navigate({ ...formState(el), page: 1 });
  });
  window.addEventListener('popstate', () => void show(readSearchState(location.search)));
  void show(readSearchState(location.search));
}

function formState(el: Elements): SearchState {
  const data = new FormData(el.form);
  const filters: SearchState['filters'] = {};
  for (const name of SEARCH_FILTERS) {
    const value = String(data.get(FILTER_PARAMS[name]) ?? '');
    if (value) filters[name] = value;
  }
  return { query: el.query.value.trim(), filters, sort: el.sort.value === 'date' ? 'date' : 'relevance', page: 1 };
}

interface SearchView {
  results: PagefindResult[];
  /** Facet → value → count, for the values a reader can pick next. */
  facets: Record<string, Record<string, number>>;
  exactIds: Set<string>;
}

async function searchFor(pagefind: Pagefind, state: SearchState, shards: number): Promise<SearchView> {
  // A search without words has no relevance: browse newest first.
  const newestFirst = state.sort === 'date' || !state.query;
  const options = (filters: SearchState['filters']): PagefindSearchOptions => ({
    filters: filters as Record<string, string>,
    ...(newestFirst ? { sort: { date: 'desc' } } : {}),
  });
  if (browsingAll(state)) {
    return { results: [], facets: await pagefind.filters(), exactIds: new Set() };
  }
  const simplified = state.query ? await simplifiedQuery(state.query) : '';
  const term = simplified || EVERY_NOTICE_KEY;
  const key = simplified ? lookupKey(simplified) : undefined;
  const [main, exact] = await Promise.all([
    rankedSearch(pagefind, term, options(state.filters)),
    key ? pagefind.search(key, options(state.filters)) : undefined,
  ]);
  const exactIds = new Set(exact?.results.map((r) => r.id) ?? []);
  const found =
    newestFirst && shards > 1
      ? await newestFirstByShard(pagefind, term, state.filters, main.filters[SHARD_FILTER] ?? {})
      : main.results;
  const results = [...(exact?.results ?? []), ...found.filter((r) => !exactIds.has(r.id))];

  // Counts for a facet already chosen come from the same search without that facet, so the
  // other values show how many results picking them instead would give.
  const facets: SearchView['facets'] = { ...main.filters };
  await Promise.all(
    (Object.keys(state.filters) as SearchFilter[]).map(async (name) => {
      const { [name]: _, ...others } = state.filters;
      facets[name] = (await pagefind.search(term, options(others))).filters[name] ?? {};
    }),
  );
  return { results, facets, exactIds };
}

/**
 * Results newest first across search shards. Pagefind merges shards by score, and for a sorted
 * search the score is a rank inside one shard, so the merged list interleaves the shards.
 * Shards hold consecutive dates, newest in shard 0 (src/domain/search/search-shards.ts), and each merged
 * shard tags its results with its number: asking shard by shard gives every result in order.
 */
async function newestFirstByShard(
  pagefind: Pagefind,
  term: string,
  filters: SearchState['filters'],
  shardCounts: Record<string, number>,
): Promise<PagefindResult[]> {
  const shards = Object.keys(shardCounts)
    .filter((k) => (shardCounts[k] ?? 0) > 0)
    .sort((a, b) => Number(a) - Number(b));
  const perShard = await Promise.all(
    shards.map((k) =>
      pagefind.search(term, {
        filters: { ...(filters as Record<string, string>), [SHARD_FILTER]: k },
        sort: { date: 'desc' },
      }),
    ),
  );
  return perShard.flatMap((search) => search.results);
}

/** No words and no facet chosen: the page invites a search instead of listing everything. */
function browsingAll(state: SearchState): boolean {
  return !state.query && Object.keys(state.filters).length === 0;
}

/**
 * The first page of results from the newest shard, before the older shards are in: no counts
 * per facet and no pager yet, and the status says the search goes on.
 */
async function renderFirstLook(el: Elements, view: SearchView, current: () => boolean): Promise<void> {
  const items = await resultItems(view, 1);
  // A newer search may have started, or even finished, while the results' data loaded.
  if (!current()) return;
  el.empty.hidden = true;
  showItems(el, items, 1);
  el.status.textContent = t('search.firstLook', { n: view.results.length });
}

/** Puts a page of result items in the list, numbered from `first`; the pager is emptied. */
function showItems(el: Elements, items: HTMLLIElement[], first: number): void {
  el.results.start = first;
  el.results.replaceChildren(...items);
  el.pager.replaceChildren();
}

/** aria-busy as an attribute: old browsers lack the `ariaBusy` property. */
function setBusy(busy: boolean, ...elements: HTMLElement[]): void {
  for (const element of elements) element.setAttribute('aria-busy', String(busy));
}

/** Shows `view`; with `facets: false`, leaves the facets as they are (their counts are not in yet). */
async function render(
  el: Elements,
  state: SearchState,
  view: SearchView,
  navigate: (s: SearchState) => void,
  current: () => boolean,
  incomplete: () => Promise<boolean>,
  { facets = true } = {},
): Promise<void> {
  const total = view.results.length;
  const browsing = browsingAll(state);
  // Offline, a search file that is not on this device reads as "no match": say which it is.
  const offlineGaps = !browsing && (await incomplete());
  const pages = Math.max(1, Math.ceil(total / RESULTS_PER_PAGE));
  const page = Math.min(state.page, pages);
  // The results' data first, so the list is replaced at once instead of emptied while it loads.
  const items = browsing ? [] : await resultItems(view, page);
  // A newer search may have started, or even finished, meanwhile.
  if (!current()) return;
  setBusy(false, el.results);
  const chosen = Object.values(state.filters).filter(Boolean).length + (state.sort === 'date' ? 1 : 0);
  el.filtersSummary.textContent = chosen > 0 ? t('search.filtersChosen', { n: chosen }) : t('search.filters');
  if (facets) {
    renderFacets(el.facets, state, view.facets);
    setBusy(false, el.facets);
  }
  el.empty.hidden = browsing || total > 0 || offlineGaps;
  el.offline.hidden = !offlineGaps;
  showItems(el, items, (page - 1) * RESULTS_PER_PAGE + 1);
  if (browsing) {
    el.status.textContent = t('search.prompt');
    return;
  }
  if (offlineGaps) {
    el.status.textContent =
      total === 0 ? t('search.offlineNone', { q: state.query }) : t('search.offlineSome', { n: total });
    renderPager(el.pager, state, page, pages, navigate);
    return;
  }
  if (total === 0) {
    el.status.textContent = state.query ? t('search.none', { q: state.query }) : t('search.count', { n: 0 });
    return;
  }
  const counted = state.query ? t('search.countFor', { q: state.query, n: total }) : t('search.count', { n: total });
  el.status.textContent = pages > 1 ? `${counted}，${t('pager.page', { page, pages })}` : counted;
  renderPager(el.pager, state, page, pages, navigate);
}

/** The list items of results page `page` (from 1), each result's data loaded. */
function resultItems(view: SearchView, page: number): Promise<HTMLLIElement[]> {
  const slice = view.results.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  return Promise.all(slice.map(async (result) => resultItem(await result.data(), view.exactIds.has(result.id))));
}

function resultItem(data: Awaited<ReturnType<PagefindResult['data']>>, exact: boolean): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const validity = data.filters['有效性']?.[0];
  const modifier = validityClass(validity);
  if (validity && modifier) heading.append(badge(validity, modifier));
  if (exact) heading.append(badge(t('search.exact'), 'exact'));
  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  const fields: [string, string | undefined][] = [
    [t('meta.indexNumber'), data.meta.indexNumber],
    [t('meta.docNumber'), data.meta.docNumber],
    [t('meta.publishedOn'), data.meta.date],
  ];
  for (const [label, value] of fields) {
    if (!value) continue;
    const span = document.createElement('span');
    span.textContent = `${label}：${value}`;
    meta.append(span);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  // Pagefind escapes the excerpt and adds only <mark>; excerptAsWritten keeps it that way.
  excerpt.innerHTML = excerptAsWritten(data.excerpt, data.content, data.meta.original);
  li.append(heading, meta, excerpt);
  return li;
}

function badge(text: string, kind: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `badge badge--${kind}`;
  span.textContent = text;
  return span;
}

const FACET_ORDER: Record<SearchFilter, (a: [string, number], b: [string, number]) => number> = {
  分类: (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'),
  体裁: (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'),
  年份: (a, b) => b[0].localeCompare(a[0]),
  发布机构: (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'),
  有效性: (a, b) => a[0].localeCompare(b[0], 'zh-CN'),
};

function renderFacets(
  container: HTMLElement,
  state: SearchState,
  counts: Record<string, Record<string, number>>,
): void {
  container.replaceChildren(
    ...SEARCH_FILTERS.map((name) => {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = name;
      fieldset.append(legend);
      const values = Object.entries(counts[name] ?? {}).filter(([value, n]) => n > 0 || state.filters[name] === value);
      const options: [string, string][] = [
        ['', t('search.any')],
        ...values.sort(FACET_ORDER[name]).map(([v, n]): [string, string] => [v, `${v}（${n}）`]),
      ];
      for (const [value, label] of options) {
        const id = `facet-${FILTER_PARAMS[name]}-${value || 'all'}`;
        const input = document.createElement('input');
        Object.assign(input, {
          type: 'radio',
          name: FILTER_PARAMS[name],
          value,
          id,
          checked: (state.filters[name] ?? '') === value,
        });
        const labelEl = document.createElement('label');
        labelEl.htmlFor = id;
        labelEl.textContent = label;
        const row = document.createElement('span');
        row.className = 'facet-option';
        row.append(input, labelEl);
        fieldset.append(row);
      }
      return fieldset;
    }),
  );
}

function renderPager(
  nav: HTMLElement,
  state: SearchState,
  page: number,
  pages: number,
  navigate: (s: SearchState) => void,
): void {
  if (pages <= 1) return;
  const link = (label: string, target: number) => {
    const a = document.createElement('a');
    a.href = `${location.pathname}${writeSearchState({ ...state, page: target })}`;
    a.textContent = label;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      navigate({ ...state, page: target });
      document.getElementById('search-status')?.focus();
    });
    return a;
  };
  const current = document.createElement('span');
  current.textContent = t('pager.page', { page, pages });
  nav.append(
    ...(page > 1 ? [link(t('pager.prev'), page - 1)] : []),
    current,
    ...(page < pages ? [link(t('pager.next'), page + 1)] : []),
  );
}
