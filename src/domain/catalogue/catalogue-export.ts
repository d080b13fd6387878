/**
 * The whole catalogue as open data for portals that aggregate it (数据联通): /data/catalogue.json
 * and /data/catalogue.csv. Keys are the frontmatter keys (a contract), plus 页面网址, 内容概述
 * and 附件网址; URLs are absolute when site.yaml gives 网址.
 */
import type { Notice } from '../../content/content-check.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { paths, publicUrl, withBase } from '../site/site-paths.ts';
import { toCsv } from '../text/csv.ts';

export interface ExportedNotice {
  标题: string;
  索引号: string;
  文号: string;
  分类: string;
  发布日期: string;
  成文日期: string;
  摘要: string;
  内容概述: string;
  发布机构: string;
  主题词: string[];
  体裁: string;
  有效性: string;
  废止日期: string;
  解读: string;
  规范性文件: '是' | '否';
  附件: { 名称: string; 文件: string; 网址: string }[];
  页面网址: string;
}

export const EXPORT_COLUMNS = [
  '标题', '索引号', '文号', '分类', '发布日期', '成文日期', '摘要', '内容概述', '发布机构', '主题词', '体裁', '有效性', '废止日期', '解读', '规范性文件', '附件', '页面网址',
] as const satisfies readonly (keyof ExportedNotice)[];

export function exportNotices(notices: readonly Notice[], site: SiteConfig, base: string): ExportedNotice[] {
  const url = (path: string) => publicUrl(site.url, path) ?? withBase(base, path);
  return notices.map((n) => ({
    标题: n.title,
    索引号: n.indexNumber,
    文号: n.docNumber ?? '',
    分类: n.category,
    发布日期: n.publishedOn,
    成文日期: n.writtenOn ?? '',
    摘要: n.summary ?? '',
    内容概述: n.lead,
    发布机构: n.publisher,
    主题词: n.keywords,
    体裁: n.genre ?? '',
    有效性: n.validity ?? '',
    废止日期: n.repealedOn ?? '',
    解读: n.interprets ?? '',
    规范性文件: n.normative ? '是' : '否',
    附件: n.attachments.map((a) => ({ 名称: a.name, 文件: a.file, 网址: url(paths.attachment(a.file)) })),
    页面网址: url(paths.notice(n.indexNumber)),
  }));
}

export function catalogueJson(notices: readonly ExportedNotice[], site: SiteConfig): string {
  return JSON.stringify({ 机关名称: site.name, 机构代码: site.organCode, 网址: site.url ?? '', 信息数: notices.length, 信息: notices }, null, 1);
}

/** Lists in one cell: 主题词 joined by "；", 附件 as `名称（网址）`. */
export function catalogueCsv(notices: readonly ExportedNotice[]): string {
  return toCsv([
    EXPORT_COLUMNS,
    ...notices.map((n) =>
      EXPORT_COLUMNS.map((column) => {
        if (column === '主题词') return n.主题词.join('；');
        if (column === '附件') return n.附件.map((a) => `${a.名称}（${a.网址}）`).join('；');
        return n[column];
      }),
    ),
  ]);
}
