/**
 * The labels legacy disclosure pages put before each metadata value, per notice field. CMS
 * templates differ in wording (发布机构, 发文机关, 来源 …) and script (發佈日期, 發文字號), so a
 * label is compared after folding: 繁體 to 简体, full-width to half-width, spaces and colons
 * dropped (`索 引 号：` is 索引号).
 */
import { FIELD_LABELS } from '../domain/notice/field-labels.ts';
import { toSimplified } from '../domain/search/chinese-variants.ts';

export { FIELD_LABELS, WEAK_LABELS } from '../domain/notice/field-labels.ts';

export type LabelledKey = keyof typeof FIELD_LABELS;

/** The fields the report lists as “not found” when a page lacks them: the catalogue entry's. */
export const EXPECTED_KEYS: readonly LabelledKey[] = [
  '索引号',
  '标题',
  '文号',
  '分类',
  '发布机构',
  '成文日期',
  '发布日期',
  '主题词',
  '有效性',
];

/**
 * Labels that are not notice fields but sit in the same lines (`发布时间：… 浏览次数：…`): they
 * end the value before them and are otherwise ignored.
 */
const OTHER_LABELS = [
  '浏览次数',
  '浏览量',
  '点击数',
  '点击次数',
  '点击量',
  '点击率',
  '阅读次数',
  '阅读量',
  '访问次数',
  '访问量',
  '字号',
  '字体',
  '作者',
  '责任编辑',
  '编辑',
  '审核',
  '打印',
  '分享到',
  '公开方式',
  '公开范围',
  '公开形式',
  '公开时限',
  '载体类型',
  '统一编号',
  '登记号',
  '机构分类',
  '服务对象',
  '语种',
  '附件',
];

const FIELD_OF_LABEL = new Map<string, LabelledKey | null>([
  ...(Object.entries(FIELD_LABELS) as [LabelledKey, readonly string[]][]).flatMap(([key, labels]) =>
    labels.map((label) => [label, key] as const),
  ),
  ...OTHER_LABELS.map((label) => [label, null] as const),
]);

/** How early a label stands in its field's list: lower wins. */
export function labelRank(key: LabelledKey, label: string): number {
  return (FIELD_LABELS[key] as readonly string[]).indexOf(label);
}

/** The longest label, in characters: longer text before a colon is not a label. */
export const MAX_LABEL_LENGTH = Math.max(...[...FIELD_OF_LABEL.keys()].map((l) => l.length));

const folded = new Map<string, string>();

/** `發 佈 日 期：` → `发布日期`. Cached: pages repeat the same few labels. */
export function foldLabel(text: string): string {
  let result = folded.get(text);
  if (result === undefined) {
    result = toSimplified(text.normalize('NFKC')).replace(/[\s:：【】[\]·•]/g, '');
    if (folded.size < 50_000) folded.set(text, result);
  }
  return result;
}

/**
 * The label `text` is, folded: its field key, `null` for a known label of no field, undefined
 * for anything else.
 */
export function labelOf(text: string): { label: string; key: LabelledKey | null } | undefined {
  if (text.length > MAX_LABEL_LENGTH * 3) return undefined;
  const label = foldLabel(text);
  const key = FIELD_OF_LABEL.get(label);
  return key === undefined ? undefined : { label, key };
}
