/**
 * jigou.yaml: the office's 机构信息 — what 《条例》第二十条第（二）项 asks every organ to publish of
 * itself: 机构职能, 机构设置 (内设机构), 负责人姓名, and its address, hours and phone. Keys are
 * Chinese like site.yaml's; the parsed `OrganInfo` uses English names for code. Optional: without
 * the file, the 机构信息 page shows site.yaml's contact details only.
 */
import { z } from 'zod';

/** How the keys are written, for every fix that sends an editor to the docs. */
export const ORGAN_DOCS = '见 docs/publishing.md“jigou.yaml：机构信息”一节';

const text = (label: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? undefined : `${label}应为文字`) })
    .trim()
    .min(1, { error: `${label}不能为空` });

/** Phone-like values may come unquoted: YAML readers other than ours would make them numbers. */
const phone = (label: string) => z.union([z.number().transform(String), text(label)], { error: `${label}应为文字` });

const list = <T extends z.ZodType>(label: string, item: T, example: string) =>
  z
    .array(item, { error: `${label}应为列表（每一项以“- ”开头，${example}）` })
    .min(1, { error: `${label}列表不能为空` });

const Department = z.strictObject(
  {
    名称: text('名称'),
    职责: text('职责'),
    电话: phone('电话').optional(),
  },
  { error: '内设机构的每一项应写成“- 名称: …”，下面一行“职责: …”（电话可选）' },
);

const Leader = z.strictObject(
  {
    姓名: text('姓名'),
    职务: text('职务'),
    分工: text('分工'),
  },
  { error: '负责人的每一项应写成“- 姓名: …”，下面两行“职务: …”“分工: …”' },
);

export const OrganInfoSchema = z
  .strictObject({
    /** 机构职能: several paragraphs when written as a block (`机构职能: |`), one a line. */
    机构职能: text('机构职能'),
    内设机构: list('内设机构', Department, '每项写 名称 和 职责'),
    负责人: list('负责人', Leader, '每项写 姓名、职务 和 分工'),
    /** These three replace site.yaml's 地址, 办公时间 and 电话 on the 机构信息 page. */
    办公地址: text('办公地址').optional(),
    办公时间: text('办公时间').optional(),
    联系电话: phone('联系电话').optional(),
  })
  .transform((raw) => ({
    functions: raw.机构职能,
    departments: raw.内设机构.map((d) => ({ name: d.名称, duties: d.职责, phone: d.电话 })),
    leaders: raw.负责人.map((l) => ({ name: l.姓名, title: l.职务, duties: l.分工 })),
    address: raw.办公地址,
    officeHours: raw.办公时间,
    phone: raw.联系电话,
  }));

export type OrganInfo = z.output<typeof OrganInfoSchema>;
export const ORGAN_KEYS = Object.keys(OrganInfoSchema.in.shape);
/** The keys of each list's items, named when an editor writes one the schema does not know. */
export const ORGAN_ITEM_KEYS: Readonly<Record<string, readonly string[]>> = {
  内设机构: Object.keys(Department.shape),
  负责人: Object.keys(Leader.shape),
};

/**
 * The numbers jigou.yaml publishes as the office's own (联系电话, each 内设机构's 电话): like
 * site.yaml's 电话, never a personal-information leak, wherever else in the file they appear.
 * Read leniently from the raw fields, so the guard works while another key is still wrong.
 */
export function organOwnNumbers(data: Record<string, unknown>): string[] {
  const numbers = [data['联系电话']];
  const departments = data['内设机构'];
  if (Array.isArray(departments)) {
    for (const d of departments) if (d && typeof d === 'object') numbers.push((d as Record<string, unknown>)['电话']);
  }
  return numbers.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim());
}

/**
 * A text written as a YAML block, as the paragraphs a reader sees: one per non-empty line.
 * Clerks paste 职能 as numbered lines (（一）…, （二）…); each stays a line of its own, as typed.
 */
export function paragraphs(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
