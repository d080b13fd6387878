/**
 * Catalogue queries (政府信息公开目录): ordering, the static narrowing pages (by 分类, 体裁, 年份,
 * 发布机构, 有效性) and paging. Pure functions over notices, shared by the pages and tests.
 */
import { yearOf, type CalendarDate } from '../notice/calendar-date.ts';
import { categorySlug, type Taxonomy } from '../notice/taxonomy.ts';
import type { Validity } from '../notice/notice-schema.ts';
import { stableHash } from '../text/stable-hash.ts';
import { GENRE_PINYIN } from '../notice/genre.ts';

/** What the catalogue needs of a notice. */
export interface CatalogueItem {
  title: string;
  indexNumber: string;
  docNumber?: string;
  category: string;
  genre?: string;
  publisher: string;
  publishedOn: CalendarDate;
  validity?: Validity;
  lead: string;
}

/** Rows per catalogue page: 10,000 notices stay light (≈ 50 rows ≈ 25 KB of HTML). */
export const PAGE_SIZE = 50;

/** Newest first; same day: the higher 索引号 first (later serials are later documents). */
export function newestFirst<T extends CatalogueItem>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => b.publishedOn.localeCompare(a.publishedOn) || b.indexNumber.localeCompare(a.indexNumber),
  );
}

export interface Facet {
  /** Shown to readers: `农业、林业、水利`, `2024`, `示例镇财政所`, `废止`. */
  label: string;
  /** URL segment of its page. */
  code: string;
  count: number;
}

export const VALIDITY_CODES: Record<Validity, string> = { 有效: 'youxiao', 失效: 'shixiao', 废止: 'feizhi' };

/** The URL code of a publisher: a hash of its name, since publishers come and go but codes must not move. */
export function publisherCode(name: string): string {
  return stableHash(name);
}

const GENRE_CODES = new Map(GENRE_PINYIN);

/**
 * The URL code of a 体裁: its pinyin for the 文种 of the 党政机关公文处理工作条例 and the common
 * ones (`/mulu/ticai/tongzhi/`), else a hash of the name as for publishers.
 */
export function genreCode(genre: string): string {
  return GENRE_CODES.get(genre) ?? stableHash(genre);
}

export interface CatalogueFacets {
  /** In taxonomy order; categories with no notice are left out (an empty section is a 空白栏目). */
  categories: Facet[];
  /** 体裁 (组配分类 beside 分类): most notices first. */
  genres: Facet[];
  /** Newest year first. */
  years: Facet[];
  /** Most notices first. */
  publishers: Facet[];
  validities: Facet[];
}

export function catalogueFacets(items: readonly CatalogueItem[], taxonomy: Taxonomy): CatalogueFacets {
  const count = (key: (item: CatalogueItem) => string | undefined) => {
    const counts = new Map<string, number>();
    for (const item of items) {
      const value = key(item);
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  };
  const categories = count((i) => i.category);
  const genres = count((i) => i.genre);
  const years = count((i) => String(yearOf(i.publishedOn)));
  const publishers = count((i) => i.publisher);
  const validities = count((i) => i.validity);
  return {
    categories: taxonomy
      .filter((c) => categories.has(c))
      .map((c) => ({ label: c, code: categorySlug(c, taxonomy), count: categories.get(c)! })),
    genres: [...genres]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'))
      .map(([g, n]) => ({ label: g, code: genreCode(g), count: n })),
    years: [...years].sort(([a], [b]) => b.localeCompare(a)).map(([y, n]) => ({ label: y, code: y, count: n })),
    publishers: [...publishers]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'))
      .map(([p, n]) => ({ label: p, code: publisherCode(p), count: n })),
    validities: (Object.keys(VALIDITY_CODES) as Validity[])
      .filter((v) => validities.has(v))
      .map((v) => ({ label: v, code: VALIDITY_CODES[v], count: validities.get(v)! })),
  };
}

export type CatalogueSliceKind = 'category' | 'genre' | 'year' | 'publisher' | 'validity';

/** What each narrowing is called on its page: `分类：农业、林业、水利`. */
export const SLICE_LABEL: Record<CatalogueSliceKind, string> = {
  category: '分类',
  genre: '体裁',
  year: '年份',
  publisher: '发布机构',
  validity: '有效性',
};

/** One narrowing of the catalogue: its page heading, URL code and notices. */
export interface CatalogueSlice<T> {
  kind: CatalogueSliceKind;
  facet: Facet;
  items: T[];
}

/** Every static narrowing page the catalogue has, each with its notices newest first. */
export function catalogueSlices<T extends CatalogueItem>(items: readonly T[], taxonomy: Taxonomy): CatalogueSlice<T>[] {
  const sorted = newestFirst(items);
  const facets = catalogueFacets(items, taxonomy);
  const slice = (kind: CatalogueSlice<T>['kind'], list: Facet[], key: (item: T) => string | undefined) =>
    list.map((facet) => ({ kind, facet, items: sorted.filter((item) => key(item) === facet.label) }));
  return [
    ...slice('category', facets.categories, (i) => i.category),
    ...slice('genre', facets.genres, (i) => i.genre),
    ...slice('year', facets.years, (i) => String(yearOf(i.publishedOn))),
    ...slice('publisher', facets.publishers, (i) => i.publisher),
    ...slice('validity', facets.validities, (i) => i.validity),
  ];
}
