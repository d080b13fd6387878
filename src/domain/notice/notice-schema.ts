/**
 * The frontmatter of one notice: exactly the keys of the field table (fields.ts), parsed into
 * a `NoticeMeta` with English names, one rule per kind of field. Rules that need only the
 * notice itself live here; rules across notices (unique 索引号, 解读 targets, attachments on
 * disk) live in src/content/content-check.ts.
 */
import { z } from 'zod';
import { hasDateShape, isCalendarDate, toDateText, type CalendarDate } from './calendar-date.ts';
import { parseIndexNumber, type IndexNumber } from './index-number.ts';
import { checkDocNumber } from './doc-number.ts';
import { nearestCategory, type Taxonomy } from './taxonomy.ts';
import { issue } from './schema-problems.ts';
import { maskPersonalInfo } from '../privacy/personal-info.ts';
import { attachmentPath } from './attachments.ts';
import { NOTICE_FIELDS, type NoticeField, type NoticeMeta } from './fields.ts';

export { NOTICE_KEYS, VALIDITIES, type Attachment, type NoticeMeta, type Validity } from './fields.ts';

/**
 * 体裁 that make a document a 行政规范性文件 when the notice does not say (规范性文件: 是/否).
 * Used for the 年度报告 figures (本年制发件数, 本年废止件数, 现行有效件数).
 */
export const NORMATIVE_GENRES = ['办法', '规定', '细则', '规则', '规范'] as const;

export function isNormativeGenre(genre: string | undefined): boolean {
  return genre !== undefined && NORMATIVE_GENRES.some((g) => genre.endsWith(g));
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
      issue(ctx, '允许公开的这一项没有写“值”', {
        kind: 'allowance-without-value',
        fix: '写上要公开的号码，与正文中的写法一致，例如 值: "138 1234 5678"',
      });
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
  /** The names of the office's 栏目, which 栏目 may name. */
  columns: readonly string[];
  /** site.yaml's 机关名称, the 发布机构 when a notice names none. */
  defaultPublisher: string;
}

const typeError = (label: string, expected: string) => (i: { input?: unknown }) =>
  i.input === undefined ? undefined : `${label}应为${expected}`;

const text = (label: string) =>
  z
    .string({ error: typeError(label, '文字') })
    .trim()
    .min(1, { error: `${label}不能为空` });

const date = (label: string) =>
  z.preprocess(
    toDateText,
    z.string({ error: typeError(label, '日期，格式 YYYY-MM-DD') }).superRefine((value, ctx) => {
      if (!isCalendarDate(value)) {
        const shaped = hasDateShape(value);
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

/**
 * A notice's own 索引号. Left out or blank, it is not yet allocated (a notice saved in the browser
 * editor): `check --fix` gives it the next free number, as `npm run new` would, and until then the
 * notice is not published.
 */
const ownIndexNumber = (label: string) =>
  z.preprocess((value, ctx) => {
    if (value !== undefined && value !== null && !(typeof value === 'string' && !value.trim())) return value;
    ctx.addIssue({
      code: 'custom',
      message: '还没有索引号',
      params: {
        kind: 'unallocated-index-number',
        fix: '运行 npm run check -- --fix 自动分配：按发布日期的年份取下一个流水号（在线编辑器新建的公文不填索引号，发布流程会运行它）',
      },
    });
    return value;
  }, indexNumber(label)) as unknown as z.ZodType<IndexNumber>;

/** Words as a YAML list, or one line separated by spaces, 、 or ；. */
const list = (label: string) =>
  z
    .union([z.array(z.union([z.string(), z.number().transform(String)])), z.string()], {
      error: `${label}应为列表或以空格分隔的词`,
    })
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(/[\s、，,；;]+/)).map((k) => k.trim()).filter(Boolean),
    );

/**
 * An optional field may be left blank (templates list every key): blank means absent.
 * Astro's YAML reader gives null for a blank value, ours gives ''.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/** One of `values`, else the field's own problem and fix. */
const oneOf = (label: string, values: readonly string[], invalid: { kind: string; fix: string }) =>
  text(label).superRefine((value, ctx) => {
    if (!values.includes(value)) issue(ctx, `“${value}”不是${label}的取值`, invalid);
  });

const attachmentList = (label: string) =>
  z.array(z.strictObject({ 名称: text(`${label}名称`), 文件: text(`${label}文件`) }), {
    error: `${label}应为列表，每项含“名称”和“文件”`,
  });

/** The rule for a field of each kind. */
function fieldSchema(field: NoticeField, { taxonomy, columns }: NoticeSchemaOptions): z.ZodType {
  const label = field.key;
  switch (field.kind) {
    case 'text':
      return text(label);
    case 'index-number':
      return ownIndexNumber(label);
    case 'reference':
      return indexNumber(label);
    case 'doc-number':
      return text(label).superRefine((value, ctx) => {
        const checked = checkDocNumber(value);
        if (!checked.ok) issue(ctx, checked.reason, { kind: checked.kind, fix: checked.fix });
      });
    case 'category':
      return text(label).superRefine((value, ctx) => {
        if (!taxonomy.includes(value)) {
          issue(ctx, `“${value}”不在分类表中`, {
            kind: 'unknown-category',
            fix: `是否应为“${nearestCategory(value, taxonomy)}”？`,
          });
        }
      });
    case 'date':
      return date(label);
    case 'list':
      return list(label);
    case 'columns':
      return list(label).superRefine((names, ctx) => {
        for (const name of names) {
          if (!columns.includes(name)) {
            issue(ctx, `“${name}”不是本站的栏目`, {
              kind: 'unknown-column',
              fix: `是否应为“${nearestCategory(name, columns)}”？本站栏目见 site.yaml 的 栏目（不写时按 机构类型 的默认栏目）`,
            });
          }
        }
      });
    case 'enum':
      return oneOf(label, field.values, field.invalid);
    case 'yes-no':
      return oneOf(label, ['是', '否'], field.invalid);
    case 'attachments':
      return attachmentList(label);
    case 'allowances':
      return z.array(allowedPersonalInfo, { error: `${label}应为列表，每项含“值”和“理由”` });
  }
}

/** A checked value under its English name; what a file leaves out reads as empty or falls back. */
function fieldValue(
  field: NoticeField,
  raw: Record<string, unknown>,
  { defaultPublisher }: NoticeSchemaOptions,
): unknown {
  const value = raw[field.key];
  switch (field.kind) {
    case 'list':
    case 'columns':
      return value ?? [];
    case 'attachments':
      return ((value ?? []) as { 名称: string; 文件: string }[]).map((a) => ({
        name: a.名称,
        file: attachmentPath(a.文件),
      }));
    case 'allowances':
      return ((value ?? []) as { 值?: string; 理由?: string }[]).map((a) => ({
        value: a.值!.trim(),
        reason: a.理由!.trim(),
      }));
    case 'yes-no':
      return value === undefined ? isNormativeGenre(raw['体裁'] as string | undefined) : value === '是';
    default:
      return value === undefined && 'fallback' in field && field.fallback === 'organ-name' ? defaultPublisher : value;
  }
}

export function noticeSchema(options: NoticeSchemaOptions): z.ZodType<NoticeMeta> {
  const shape = Object.fromEntries(
    NOTICE_FIELDS.map((field) => {
      const schema = fieldSchema(field, options);
      return [field.key, 'required' in field ? schema : optional(schema)];
    }),
  );
  return z
    .strictObject(shape)
    .superRefine((raw: Record<string, unknown>, ctx) => {
      const written = raw['成文日期'] as string | undefined;
      const published = raw['发布日期'] as string | undefined;
      if (written && published && written > published) {
        issue(
          ctx,
          `成文日期 ${written} 晚于发布日期 ${published}`,
          { kind: 'date-order', fix: '成文日期应不晚于发布日期，请核对两个日期' },
          ['成文日期'],
        );
      }
    })
    .transform(
      (raw: Record<string, unknown>) =>
        Object.fromEntries(NOTICE_FIELDS.map((field) => [field.name, fieldValue(field, raw, options)])) as NoticeMeta,
    );
}
