/**
 * What other systems and people call each notice field: the labels on legacy disclosure pages,
 * which the importer reads (src/import/labels.ts), and the keys clerks used to those systems
 * type into a frontmatter (发文机关: … for 发布机构), which check names and `--fix` renames
 * (KEY_SYNONYMS). One table for both: a label learnt from a page is a key a clerk may type.
 */
import { NOTICE_FIELDS, type NoticeKey } from './fields.ts';

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

/**
 * Labels common in body text too (会议时间 is excluded by the word rule, a bare 时间： is not):
 * a page's meta tags are preferred to them.
 */
export const WEAK_LABELS: ReadonlySet<string> = new Set(['名称', '来源', '日期', '时间']);

/**
 * A frontmatter key that is another name of a notice field → that field's key. Weak labels are
 * left out (日期 could be 成文日期 as well as 发布日期), and so is a label that is itself a key.
 */
export const KEY_SYNONYMS: ReadonlyMap<string, NoticeKey> = new Map(
  (Object.entries(FIELD_LABELS) as [NoticeKey, readonly string[]][]).flatMap(([key, labels]) =>
    labels
      .filter((label) => !WEAK_LABELS.has(label) && !NOTICE_FIELDS.some((f) => f.key === label))
      .map((label) => [label, key] as const),
  ),
);
