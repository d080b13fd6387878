/**
 * The whole catalogue as open data for portals that aggregate it (数据联通): /data/catalogue.json
 * and /data/catalogue.csv. Keys are the frontmatter keys of the fields marked `exported` in
 * fields.ts (a contract), plus 页面网址, 内容概述 and 附件网址; URLs are absolute when site.yaml
 * gives 网址.
 */
import type { Notice } from '../../content/content-check.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { paths, publicUrl, withBase } from '../site/site-paths.ts';
import { toCsv } from '../text/csv.ts';
import { NOTICE_FIELDS, type NoticeField } from '../notice/fields.ts';

type ExportedField = Extract<NoticeField, { exported: true }>;

/** A field's value in the export: lists stay lists, 是/否 is written out, absent is ''. */
type ExportedValue<F> = F extends { kind: 'list' }
  ? string[]
  : F extends { kind: 'attachments' }
    ? { 名称: string; 文件: string; 网址: string }[]
    : F extends { kind: 'yes-no' }
      ? '是' | '否'
      : string;

export type ExportedNotice = { [F in ExportedField as F['key']]: ExportedValue<F> } & {
  /** The 摘要, or the body's lead sentences. */
  内容概述: string;
  页面网址: string;
};

const EXPORTED_FIELDS = NOTICE_FIELDS.filter((f): f is ExportedField => 'exported' in f);

/** The exported fields in the table's order; 内容概述 beside the 摘要 it stands in for. */
export const EXPORT_COLUMNS: readonly (keyof ExportedNotice)[] = [
  ...EXPORTED_FIELDS.flatMap((f): (keyof ExportedNotice)[] => (f.key === '摘要' ? [f.key, '内容概述'] : [f.key])),
  '页面网址',
];

export function exportNotices(notices: readonly Notice[], site: SiteConfig, base: string): ExportedNotice[] {
  const url = (path: string) => publicUrl(site.url, path) ?? withBase(base, path);
  return notices.map((n) => {
    const record: Record<string, unknown> = {};
    for (const field of EXPORTED_FIELDS) {
      const value: unknown = n[field.name];
      if (field.kind === 'attachments')
        record[field.key] = n.attachments.map((a) => ({
          名称: a.name,
          文件: a.file,
          网址: url(paths.attachment(a.file)),
        }));
      else if (field.kind === 'yes-no') record[field.key] = value ? '是' : '否';
      else record[field.key] = Array.isArray(value) ? value : (value ?? '');
      if (field.key === '摘要') record['内容概述'] = n.lead;
    }
    record['页面网址'] = url(paths.notice(n.indexNumber));
    return record as ExportedNotice;
  });
}

export function catalogueJson(notices: readonly ExportedNotice[], site: SiteConfig): string {
  return JSON.stringify(
    { 机关名称: site.name, 机构代码: site.organCode, 网址: site.url ?? '', 信息数: notices.length, 信息: notices },
    null,
    1,
  );
}

/** Lists in one cell, joined by "；": words as they are, 附件 as `名称（网址）`. */
export function catalogueCsv(notices: readonly ExportedNotice[]): string {
  return toCsv([
    EXPORT_COLUMNS,
    ...notices.map((n) =>
      EXPORT_COLUMNS.map((column) => {
        const value: unknown = n[column];
        if (!Array.isArray(value)) return value as string;
        return value
          .map((item: string | ExportedNotice['附件'][number]) =>
            typeof item === 'string' ? item : `${item.名称}（${item.网址}）`,
          )
          .join('；');
      }),
    ),
  ]);
}
