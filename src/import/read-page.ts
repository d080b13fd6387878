/**
 * One saved page → its notice fields, normalised, or why it is not imported. The body comes
 * later (page-body.ts), once the run knows the page is not already in the content folder.
 */
import { parseHTML } from 'linkedom';
import type { CalendarDate } from '../domain/notice/calendar-date.ts';
import type { Taxonomy } from '../domain/notice/taxonomy.ts';
import { decodePage, type PageEncoding } from './decode.ts';
import { findMetadata, type FoundValue, type PageMetadata } from './find-metadata.ts';
import { EXPECTED_KEYS, type LabelledKey } from './labels.ts';
import {
  mapCategory,
  normaliseDocNumber,
  normaliseIndexNumber,
  normaliseValidity,
  parseDate,
  splitKeywords,
  visibleText,
  type Normalised,
} from './normalise.ts';
import { classifyPage } from './page-kind.ts';
import { squash } from './page-lines.ts';
import type { ImportedFields } from './notice-file.ts';

export interface ReadOptions {
  taxonomy: Taxonomy;
  /** 分类 for pages whose own is missing or not in the taxonomy (`--分类`). */
  defaultCategory?: string;
}

export interface ReadPage {
  document: Document;
  metadata: PageMetadata;
  encoding: PageEncoding;
  fields: ImportedFields;
  title: string;
  publishedOn: CalendarDate;
  /** As found on the page (normalised), if it had one. */
  indexNumber?: string;
  /** Expected fields the page does not give. */
  missing: LabelledKey[];
  notes: string[];
}

export type PageResult = { ok: true; page: ReadPage } | { ok: false; reason: string };

/** A date in the page's address: `/art/2010/4/24/`, `t20100424_123.html`, `/2010-04/24/`. */
const URL_DATE = /(?<!\d)((?:19|20)\d{2})[-_/]?(\d{1,2})[-_/]?(\d{1,2})(?!\d)/;

export function readPage(bytes: Uint8Array, shown: string, options: ReadOptions): PageResult {
  const { text, encoding } = decodePage(bytes);
  const { document } = parseHTML(text) as unknown as { document: Document };
  const metadata = findMetadata(document);
  const kind = classifyPage(document, metadata, shown);
  if (!kind.disclosure) return { ok: false, reason: kind.reason };

  const notes: string[] = [];
  const fields: ImportedFields = {};
  const found = new Set<LabelledKey>();
  const take = <T>(key: LabelledKey, read: (value: FoundValue) => Normalised<T> | undefined): T | undefined => {
    for (const candidate of metadata.candidates.get(key) ?? []) {
      const result = read(candidate);
      if (result?.note) notes.push(result.note);
      if (result?.value !== undefined) {
        found.add(key);
        return result.value;
      }
    }
    return undefined;
  };
  const textOf = (maxLength: number) => (v: FoundValue) => {
    const value = squash(visibleText(v.text));
    return value && value.length <= maxLength ? { value } : undefined;
  };
  const dateOf = (v: FoundValue) => ({ value: parseDate(v.text) });

  const title = take('标题', textOf(300));
  if (!title) return { ok: false, reason: '没有找到标题' };
  let publishedOn = take('发布日期', dateOf);
  if (!publishedOn) {
    const match = URL_DATE.exec(shown);
    publishedOn = match ? parseDate(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
    if (!publishedOn) return { ok: false, reason: '没有找到发布日期（页面上、meta 标签和网址中都没有）' };
    notes.push(`发布日期 ${publishedOn} 取自网页的网址`);
  }
  fields['标题'] = title;
  fields['发布日期'] = publishedOn;

  const indexNumber = take('索引号', (v) => normaliseIndexNumber(v.text));
  if (indexNumber) fields['索引号'] = indexNumber;
  const docNumber = take('文号', (v) => normaliseDocNumber(v.text));
  if (docNumber) fields['文号'] = docNumber;
  const category = take('分类', (v) => mapCategory(v.text, options.taxonomy, { exactOnly: v.from === 'meta' }));
  if (category) fields['分类'] = category;
  else if (options.defaultCategory) {
    fields['分类'] = options.defaultCategory;
    notes.push(`分类按 --分类 填为“${options.defaultCategory}”，请核对`);
  } else {
    const raw = metadata.candidates.get('分类')?.find((v) => v.from === 'label')?.text;
    if (raw) fields['分类'] = squash(raw);
    notes.push(
      raw
        ? `分类“${squash(raw)}”已照原样写入，check 会报错：请改为分类表中的一项，或重新导入时用 --分类 指定`
        : '没有找到分类：请在文件中补上（check 会报错），或重新导入时用 --分类 指定',
    );
  }
  const publisher = take('发布机构', textOf(80));
  if (publisher) fields['发布机构'] = publisher;
  const writtenOn = take('成文日期', dateOf);
  if (writtenOn && writtenOn > publishedOn) notes.push(`成文日期 ${writtenOn} 晚于发布日期，没有写入，请核对`);
  else if (writtenOn) fields['成文日期'] = writtenOn;
  const keywords = take('主题词', (v) =>
    v.text.length <= 120 ? { value: splitKeywords(visibleText(v.text)) } : undefined,
  );
  if (keywords?.length) fields['主题词'] = keywords;
  const summary = take('摘要', textOf(1000));
  if (summary) fields['摘要'] = summary;
  const validity = take('有效性', (v) => normaliseValidity(v.text));
  if (validity) fields['有效性'] = validity;
  const repealedOn = take('废止日期', dateOf);
  if (repealedOn) fields['废止日期'] = repealedOn;
  const genre = take('体裁', textOf(10));
  if (genre) fields['体裁'] = genre;

  return {
    ok: true,
    page: {
      document,
      metadata,
      encoding,
      fields,
      title,
      publishedOn,
      ...(indexNumber ? { indexNumber } : {}),
      missing: EXPECTED_KEYS.filter((key) => !found.has(key)),
      notes,
    },
  };
}
