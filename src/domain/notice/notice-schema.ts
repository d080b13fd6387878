/**
 * The frontmatter of one notice: exactly these Chinese keys (a contract), parsed into a
 * `NoticeMeta` with English names. Rules that need only the notice itself live here;
 * rules across notices (unique 索引号, 解读 targets, attachments on disk) live in
 * content-check.ts. The Astro content collection, `check` and the tests all use this schema.
 */
import { z } from 'zod';
import { isCalendarDate, toDateText, type CalendarDate } from './calendar-date.ts';
import { parseIndexNumber, type IndexNumber } from './index-number.ts';
import { checkDocNumber, type DocNumber } from './doc-number.ts';
import { nearestCategory, type Taxonomy } from './taxonomy.ts';
import { issue } from './schema-problems.ts';
import { maskPersonalInfo, type AllowedPersonalInfo } from '../privacy/personal-info.ts';
import { attachmentPath } from './attachments.ts';

export const VALIDITIES = ['有效', '失效', '废止'] as const;

/**
 * 体裁 that make a document a 行政规范性文件 when the notice does not say (规范性文件: 是/否).
 * Used for the 年度报告 figures (本年制发件数, 本年废止件数, 现行有效件数).
 */
export const NORMATIVE_GENRES = ['办法', '规定', '细则', '规则', '规范'] as const;

export function isNormativeGenre(genre: string | undefined): boolean {
  return genre !== undefined && NORMATIVE_GENRES.some((g) => genre.endsWith(g));
}
export type Validity = (typeof VALIDITIES)[number];

export interface Attachment {
  /** Name shown to readers: `2024年春耕补贴申报表`. */
  name: string;
  /** Path under the content folder's attachments/: `2024/shenbaobiao.docx`. */
  file: string;
}

/**
 * One 允许公开 entry: a personal number the notice must publish (a service hotline on a
 * mobile, say), with the reason. Astro's YAML reader turns an unquoted number into a number,
 * ours keeps it as text; both are accepted. A missing 值 or 理由 is reported in words.
 */
const allowedPersonalInfo = z
  .strictObject(
    {
      值: z.union([z.number().transform(String), z.string()]).optional(),
      理由: z.union([z.number().transform(String), z.string()]).optional(),
    },
    { error: '允许公开的每一项应为“值”和“理由”，例如 - 值: "138 1234 5678"' },
  )
  .superRefine((item, ctx) => {
    const value = item.值?.trim();
    if (!value) {
      issue(ctx, '允许公开的这一项没有写“值”', { kind: 'allowance-without-value', fix: '写上要公开的号码，与正文中的写法一致，例如 值: "138 1234 5678"' });
    }
    if (!item.理由?.trim()) {
      issue(ctx, `允许公开的${value ? ` ${maskPersonalInfo(value)} ` : '这一项'}没有写理由`, {
        kind: 'allowance-without-reason',
        fix: '在“值”下面加一行 理由: …，说明为什么必须公开（例如 本人同意公开的工作手机）；没有理由的请删去号码或改为部分隐藏',
      });
    }
  });

export interface NoticeSchemaOptions {
  taxonomy: Taxonomy;
  /** site.yaml's 机关名称, the 发布机构 when a notice names none. */
  defaultPublisher: string;
}

const typeError = (label: string, expected: string) => (i: { input?: unknown }) =>
  i.input === undefined ? undefined : `${label}应为${expected}`;

const text = (label: string) => z.string({ error: typeError(label, '文字') }).trim().min(1, { error: `${label}不能为空` });

const date = (label: string) =>
  z.preprocess(
    toDateText,
    z.string({ error: typeError(label, '日期，格式 YYYY-MM-DD') }).superRefine((value, ctx) => {
      if (!isCalendarDate(value)) {
        const shaped = /^\d{4}-\d{2}-\d{2}$/.test(value);
        issue(ctx, shaped ? `“${value}”不是真实存在的日期` : `“${value}”不是 YYYY-MM-DD 格式的日期`, {
          kind: shaped ? 'impossible-date' : 'bad-date',
          fix: shaped ? '核对月份和日期（例如2月没有30日）' : '例如 2024-03-01（月、日不足两位补零）',
        });
      }
    }),
  ) as unknown as z.ZodType<CalendarDate>;

const indexNumber = (label: string) =>
  text(label).superRefine((value, ctx) => {
    const parsed = parseIndexNumber(value);
    if (!parsed.ok) issue(ctx, parsed.reason, { kind: 'bad-index-number', fix: parsed.fix });
  }) as unknown as z.ZodType<IndexNumber>;

/** 主题词 as a YAML list, or one line separated by spaces, 、 or ；. */
const keywords = z
  .union([z.array(z.union([z.string(), z.number().transform(String)])), z.string()], { error: '主题词应为列表或以空格分隔的词' })
  .transform((value) => (Array.isArray(value) ? value : value.split(/[\s、，,；;]+/)).map((k) => k.trim()).filter(Boolean));

/**
 * An optional field may be left blank (templates list every key): blank means absent.
 * Astro's YAML reader gives null for a blank value, ours gives ''.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

export function noticeSchema({ taxonomy, defaultPublisher }: NoticeSchemaOptions) {
  return z
    .strictObject({
      /** Title as published: `关于做好2024年春耕生产工作的通知`. */
      标题: text('标题'),
      /** Unique, permanent index: `114400001234567890/2024-00001`. */
      索引号: indexNumber('索引号'),
      /** 发文字号, when the document has one: `示镇府〔2024〕12号`. */
      文号: optional(
        text('文号').superRefine((value, ctx) => {
          const checked = checkDocNumber(value);
          if (!checked.ok) issue(ctx, checked.reason, { kind: checked.kind, fix: checked.fix });
        }),
      ),
      /** One value of the taxonomy (site.yaml 分类, or the State Council 主题分类). */
      分类: text('分类').superRefine((value, ctx) => {
        if (!taxonomy.includes(value)) {
          issue(ctx, `“${value}”不在分类表中`, { kind: 'unknown-category', fix: `是否应为“${nearestCategory(value, taxonomy)}”？` });
        }
      }),
      /** Date published on the site. */
      发布日期: date('发布日期'),
      /** Date the document was signed (成文日期); not after 发布日期. */
      成文日期: optional(date('成文日期')),
      /** 内容概述 for the catalogue; the body's first sentences stand in when absent. */
      摘要: optional(text('摘要')),
      /** Full name of the publishing organ; defaults to site.yaml's 机关名称. */
      发布机构: optional(text('发布机构')),
      主题词: optional(keywords),
      /** 体裁 (文种): 通知, 公告, 意见, 办法, 报告, 解读 … */
      体裁: optional(text('体裁')),
      有效性: optional(
        text('有效性').superRefine((value, ctx) => {
          if (!(VALIDITIES as readonly string[]).includes(value)) {
            issue(ctx, `“${value}”不是有效性的取值`, { kind: 'bad-validity', fix: '有效性只能是 有效、失效 或 废止' });
          }
        }),
      ),
      /** Date a repealed (废止) document stopped being in force. */
      废止日期: optional(date('废止日期')),
      /** 索引号 of the document this 解读 interprets. */
      解读: optional(indexNumber('解读')),
      /** 是 / 否: whether this is a 行政规范性文件; by default decided from the 体裁. */
      规范性文件: optional(
        text('规范性文件').superRefine((value, ctx) => {
          if (value !== '是' && value !== '否') issue(ctx, `“${value}”不是规范性文件的取值`, { kind: 'bad-normative', fix: '规范性文件只能填 是 或 否（不填时按体裁判断）' });
        }),
      ),
      附件: optional(
        z.array(z.strictObject({ 名称: text('附件名称'), 文件: text('附件文件') }), { error: '附件应为列表，每项含“名称”和“文件”' }),
      ),
      /**
       * Personal numbers (身份证号, 手机号, 银行卡号) the notice publishes on purpose, each with
       * its reason: `- 值: "138 1234 5678"` / `理由: 农机服务热线，经本人同意公开`. See personal-info.ts.
       */
      允许公开: optional(z.array(allowedPersonalInfo, { error: '允许公开应为列表，每项含“值”和“理由”' })),
    })
    .superRefine((raw, ctx) => {
      if (raw.成文日期 && raw.发布日期 && raw.成文日期 > raw.发布日期) {
        issue(ctx, `成文日期 ${raw.成文日期} 晚于发布日期 ${raw.发布日期}`, { kind: 'date-order', fix: '成文日期应不晚于发布日期，请核对两个日期' }, ['成文日期']);
      }
    })
    .transform((raw) => ({
      title: raw.标题,
      indexNumber: raw.索引号,
      docNumber: raw.文号 as DocNumber | undefined,
      category: raw.分类,
      publishedOn: raw.发布日期,
      writtenOn: raw.成文日期,
      summary: raw.摘要,
      publisher: raw.发布机构 ?? defaultPublisher,
      keywords: raw.主题词 ?? [],
      genre: raw.体裁,
      validity: raw.有效性 as Validity | undefined,
      repealedOn: raw.废止日期,
      interprets: raw.解读,
      normative: raw.规范性文件 === undefined ? isNormativeGenre(raw.体裁) : raw.规范性文件 === '是',
      attachments: (raw.附件 ?? []).map((a): Attachment => ({ name: a.名称, file: attachmentPath(a.文件) })),
      allowedPersonalInfo: (raw.允许公开 ?? []).map((a): AllowedPersonalInfo => ({ value: a.值!.trim(), reason: a.理由!.trim() })),
    }));
}

export type NoticeMeta = z.output<ReturnType<typeof noticeSchema>>;

export const NOTICE_KEYS = [
  '标题', '索引号', '文号', '分类', '发布日期', '成文日期', '摘要', '发布机构', '主题词', '体裁', '有效性', '废止日期', '解读', '规范性文件', '附件', '允许公开',
] as const;
