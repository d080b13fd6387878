/**
 * The labels legacy disclosure pages put before each metadata value, per notice field. CMS
 * templates differ in wording (发布机构, 发文机关, 来源 …) and script (發佈日期, 發文字號), so a
 * label is compared after folding: 繁體 to 简体, full-width to half-width, spaces and colons
 * dropped (`索 引 号：` is 索引号).
 */
import type { NoticeKey } from '../domain/notice/fields.ts';
import { toSimplified } from '../domain/search/chinese-variants.ts';

/**
 * Labels of each field the importer reads from a page, most specific first: when a page has
 * several (主题分类 and 组配分类), the earlier one wins. Keys are the field table's keys.
 */
export const FIELD_LABELS = {
  索引号: ['索引号', '信息索引号', '索取号'],
  标题: ['标题', '文件标题', '公文标题', '信息名称', '文件名称', '名称'],
  文号: ['文号', '发文字号', '发文文号', '发文号', '文件编号'],
  分类: ['主题分类', '信息分类', '所属分类', '主题类别', '所属主题', '分类', '组配分类'],
  发布机构: [
    '发布机构',
    '发文机关',
    '发文单位',
    '发文机构',
    '发布单位',
    '公开机构',
    '发布部门',
    '信息来源',
    '文章来源',
    '来源',
  ],
  成文日期: ['成文日期', '成文时间', '发文日期', '印发日期', '生成日期'],
  发布日期: ['发布日期', '发布时间', '公开日期', '公开时间', '发表时间', '日期', '时间'],
  主题词: ['主题词', '关键词', '关键字'],
  摘要: ['内容概述', '内容摘要', '摘要'],
  有效性: ['有效性', '时效性', '效力状态', '是否有效'],
  废止日期: ['废止日期', '废止时间', '失效日期'],
  体裁: ['体裁', '文种'],
} as const satisfies Partial<Record<NoticeKey, readonly string[]>>;

export type LabelledKey = keyof typeof FIELD_LABELS;

/**
 * Labels common in body text too (会议时间 is excluded by the word rule, a bare 时间： is not):
 * a page's meta tags are preferred to them.
 */
export const WEAK_LABELS: ReadonlySet<string> = new Set(['名称', '来源', '日期', '时间']);

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
