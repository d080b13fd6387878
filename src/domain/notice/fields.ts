/**
 * The notice fields: one entry per frontmatter key, in the order files list them. Everything
 * else about a field is derived from this table — the zod schema and `NOTICE_KEYS`
 * (notice-schema.ts), the file `npm run new` writes and its flags (notice-template.ts,
 * src/cli/new-options.ts), the open-data columns (catalogue-export.ts) and the field table in
 * docs/publishing.md (`npm run generate`). Adding a field is one entry here, plus one line in
 * src/site/components/NoticeMetaTable.astro if the page shows it.
 *
 * Keys are a contract with the offices' files and other tools: extend, never rename.
 */
import type { CalendarDate } from './calendar-date.ts';
import type { IndexNumber } from './index-number.ts';
import type { DocNumber } from './doc-number.ts';
import type { AllowedPersonalInfo } from '../privacy/personal-info.ts';

/** How a field's value is written and checked; notice-schema.ts has one rule per kind. */
export type FieldKind =
  /** One line of text. */
  | 'text'
  /** 索引号 of this notice: `机构代码/年份-流水号`. */
  | 'index-number'
  /** 发文字号 by GB/T 9704: `示镇府〔2024〕12号`. */
  | 'doc-number'
  /** One entry of the office's taxonomy. */
  | 'category'
  /** `YYYY-MM-DD`, a real date. */
  | 'date'
  /** Words: a YAML list, or one line split at spaces, 、 or ；. */
  | 'list'
  /** Names of the office's 栏目 (site.yaml, or the defaults of its 机构类型): a list like `list`. */
  | 'columns'
  /** One of `values`. */
  | 'enum'
  /** 是 or 否; read as true or false. */
  | 'yes-no'
  /** The 索引号 of another notice on the site. */
  | 'reference'
  /** Files under attachments/: a list of 名称 and 文件. */
  | 'attachments'
  /** Personal numbers published on purpose: a list of 值 and 理由. */
  | 'allowances';

/** A flag of `npm run new` that sets this field: `--标题` (the key) and `--title`. */
export interface NewFlag {
  /** The English flag name. */
  en: string;
  /** What the usage text shows after the flag. */
  example: string;
  help: string;
  /** Place in the usage text and in the order questions are asked. */
  rank: number;
}

export interface FieldSpec {
  /** The frontmatter key: a contract. */
  key: string;
  /** The property on `Notice`. */
  name: string;
  kind: FieldKind;
  required?: true;
  /** The rule in the editor's words: the docs' field table shows it. */
  help: string;
  /** The hint in the browser editor, where `help` would not fit it (a select needs no spelling rule, `--fix` means nothing there). */
  editorHelp?: string;
  /** For `enum`: the values allowed, and the problem reported for another value. */
  values?: readonly string[];
  invalid?: { kind: string; fix: string };
  /** For `reference`: what it points to, and the problem reported when that notice is missing. */
  refers?: { target: string; kind: string; fix: string };
  /** When the file leaves it out: the site's 机关名称, or decided from the 体裁. */
  fallback?: 'organ-name' | 'normative-genre';
  /** `npm run new` sets it from a flag (or allocates it: the 索引号). */
  new?: NewFlag | 'allocated';
  /** A column of /data/catalogue.json and .csv. */
  exported?: true;
  /** Shown in the metadata table above each notice. */
  shown?: true;
}

export const VALIDITIES = ['有效', '失效', '废止'] as const;
export type Validity = (typeof VALIDITIES)[number];

export const NOTICE_FIELDS = [
  {
    key: '标题',
    name: 'title',
    kind: 'text',
    required: true,
    help: '文件的完整标题，与正式文件一致',
    new: { en: 'title', example: '关于做好防汛工作的通知', help: '标题（必填）', rank: 1 },
    exported: true,
  },
  {
    key: '索引号',
    name: 'indexNumber',
    kind: 'index-number',
    required: true,
    help: '全站唯一，`机构代码/年份-5位流水号`，机构代码为 9 位或 18 位数字、大写字母。下属单位可用自己的代码。年份与发布日期不同会给出警告',
    new: 'allocated',
    exported: true,
    shown: true,
  },
  {
    key: '文号',
    name: 'docNumber',
    kind: 'doc-number',
    help: 'GB/T 9704-2012：`机关代字〔年份〕序号号`，必须用六角括号〔〕，序号不补零；命令用 `X令第N号`。`[] () 【】 ［］` 可用 `--fix` 自动改正',
    editorHelp:
      'GB/T 9704-2012：`机关代字〔年份〕序号号`，必须用六角括号〔〕，序号不补零；命令用 `X令第N号`。没有文号就不填',
    new: { en: 'doc-number', example: '示镇府〔2026〕12号', help: '文号（发文字号），没有就不写', rank: 3 },
    exported: true,
    shown: true,
  },
  {
    key: '分类',
    name: 'category',
    kind: 'category',
    required: true,
    help: '分类表中的一项（默认：国务院主题分类，见 `src/domain/notice/taxonomy.ts`）。写错时会提示最接近的分类（优先提示包含所写文字的一项）',
    editorHelp: '从本机关的分类表中选择（site.yaml 的 分类；没有写时为国务院主题分类）',
    new: { en: 'category', example: '综合政务', help: '分类，须在分类表中（必填）', rank: 2 },
    exported: true,
    shown: true,
  },
  {
    key: '发布日期',
    name: 'publishedOn',
    kind: 'date',
    required: true,
    help: '`YYYY-MM-DD`，必须是真实日期',
    editorHelp: '用日期选择器选择，或按 年-月-日 输入',
    new: { en: 'date', example: 'YYYY-MM-DD', help: '发布日期，不填时为今天（北京时间）', rank: 8 },
    exported: true,
    shown: true,
  },
  {
    key: '成文日期',
    name: 'writtenOn',
    kind: 'date',
    help: '同上，不能晚于发布日期',
    editorHelp: '文件落款的日期，不能晚于发布日期',
    new: { en: 'written', example: 'YYYY-MM-DD', help: '成文日期，不能晚于发布日期', rank: 9 },
    exported: true,
    shown: true,
  },
  {
    key: '摘要',
    name: 'summary',
    kind: 'text',
    help: '目录中的内容概述；不写时取正文第一句',
    new: { en: 'summary', example: '一句话概述', help: '摘要（目录中的内容概述）', rank: 5 },
    exported: true,
  },
  {
    key: '发布机构',
    name: 'publisher',
    kind: 'text',
    help: '默认为机关名称',
    fallback: 'organ-name',
    new: { en: 'publisher', example: '机关全称', help: '发布机构，不填时为 site.yaml 的机关名称', rank: 7 },
    exported: true,
    shown: true,
  },
  {
    key: '主题词',
    name: 'keywords',
    kind: 'list',
    help: '列表，或用空格、顿号分隔',
    editorHelp: '每个主题词一项，或在一项中用空格、顿号分隔',
    new: { en: 'keywords', example: '"春耕 农业"', help: '主题词，用空格或顿号分隔', rank: 6 },
    exported: true,
    shown: true,
  },
  {
    key: '体裁',
    name: 'genre',
    kind: 'text',
    help: '通知、公告、意见、办法、报告、解读……',
    new: { en: 'genre', example: '通知', help: '体裁（文种）：通知、公告、意见、办法、报告、解读……', rank: 4 },
    exported: true,
    shown: true,
  },
  {
    key: '有效性',
    name: 'validity',
    kind: 'enum',
    help: '有效、失效 或 废止',
    values: VALIDITIES,
    invalid: { kind: 'bad-validity', fix: '有效性只能是 有效、失效 或 废止' },
    exported: true,
    shown: true,
  },
  { key: '废止日期', name: 'repealedOn', kind: 'date', help: '废止文件的废止日期（扩展项）', exported: true },
  {
    key: '解读',
    name: 'interprets',
    kind: 'reference',
    help: '政策解读稿填写被解读文件的索引号，该文件必须存在；两页会互相链接',
    editorHelp: '政策解读稿：按标题选择被解读的文件（保存的是它的索引号）；两页会互相链接',
    refers: {
      target: '原文',
      kind: 'dangling-interpretation',
      fix: '“解读”应填写被解读文件的索引号，并确认该文件已在 notices 中',
    },
    new: { en: 'interprets', example: '索引号', help: '政策解读稿：被解读文件的索引号（该文件须已存在）', rank: 10 },
    exported: true,
  },
  {
    key: '替代文件',
    name: 'replacedBy',
    kind: 'reference',
    help: '失效或废止的文件：填写取代它的新文件的索引号，该文件必须存在；页面会链接到新文件',
    editorHelp: '失效或废止的文件：按标题选择取代它的新文件；页面会链接到新文件',
    refers: {
      target: '新文件',
      kind: 'dangling-replacement',
      fix: '“替代文件”应填写取代本文件的新文件的索引号，并确认该文件已在 notices 中',
    },
    exported: true,
  },
  {
    key: '规范性文件',
    name: 'normative',
    kind: 'yes-no',
    help: '是 或 否：是否为行政规范性文件；不填时按体裁判断（办法、规定、细则、规则、规范为是）',
    invalid: { kind: 'bad-normative', fix: '规范性文件只能填 是 或 否（不填时按体裁判断）' },
    fallback: 'normative-genre',
    exported: true,
  },
  {
    key: '栏目',
    name: 'columns',
    kind: 'columns',
    help: '法定主动公开内容的栏目名称，可写多个（如 [社会救助, 民生政策]）；规范性文件、政策解读、年度报告不写也会归入各自栏目',
    editorHelp: '法定主动公开内容的栏目，可选多个；规范性文件、政策解读、年度报告不选也会归入各自栏目',
  },
  {
    key: '附件',
    name: 'attachments',
    kind: 'attachments',
    help: '列表，每项 `名称` 和 `文件`（相对于 attachments/ 的路径，文件必须存在）',
    editorHelp: '每项填写读者看到的名称，并上传文件（PDF、OFD、Word、Excel、WPS、图片、压缩包等）',
    exported: true,
  },
  {
    key: '允许公开',
    name: 'allowedPersonalInfo',
    kind: 'allowances',
    help: '确需公开的个人号码（如用作服务热线的工作手机），每项 `值` 和 `理由`（必填），见“保密审查”',
    editorHelp: '确需公开的个人号码（如用作服务热线的工作手机）：每项填写号码和理由，经保密审查同意后才填',
  },
] as const satisfies readonly FieldSpec[];

export type NoticeField = (typeof NOTICE_FIELDS)[number];
export type NoticeKey = NoticeField['key'];
export type FieldName = NoticeField['name'];

/** Every frontmatter key, in the order files list them. */
export const NOTICE_KEYS = NOTICE_FIELDS.map((f) => f.key) as readonly NoticeKey[];

export function fieldByKey(key: string): NoticeField | undefined {
  return NOTICE_FIELDS.find((f) => f.key === key);
}

export interface Attachment {
  /** Name shown to readers: `2024年春耕补贴申报表`. */
  name: string;
  /** Path under the content folder's attachments/: `2024/shenbaobiao.docx`. */
  file: string;
}

/** The checked value of a field of each kind. */
interface KindValues {
  text: string;
  'index-number': IndexNumber;
  'doc-number': DocNumber;
  category: string;
  date: CalendarDate;
  list: string[];
  columns: string[];
  'yes-no': boolean;
  reference: IndexNumber;
  attachments: Attachment[];
  allowances: AllowedPersonalInfo[];
}
type ValueOf<F> = F extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : F extends { kind: infer K extends keyof KindValues }
    ? KindValues[K]
    : never;

/** Kinds that read as an empty list (or 否) when left out, so a notice always has a value. */
type AlwaysPresent =
  { kind: 'list' | 'columns' | 'attachments' | 'allowances' | 'yes-no' } | { required: true } | { fallback: string };

/** A notice's fields under their English names, as the schema returns them. */
export type NoticeMeta = { [F in NoticeField as F extends AlwaysPresent ? F['name'] : never]: ValueOf<F> } & {
  [F in NoticeField as F extends AlwaysPresent ? never : F['name']]?: ValueOf<F>;
};

/** The fields `npm run new` can write into a new file: those it has a flag for, and the 索引号. */
type NewField = Extract<NoticeField, { new: unknown }>;
export type FlagField = Extract<NoticeField, { new: object }>;

/** The fields `npm run new` takes from a flag, in the order its usage text lists them. */
export const FLAG_FIELDS: readonly FlagField[] = NOTICE_FIELDS.filter(
  (f): f is FlagField => typeof (f as FieldSpec).new === 'object',
).sort((a, b) => a.new.rank - b.new.rank);
type TemplateValue<F> = F extends { kind: 'list' }
  ? readonly string[]
  : F extends { kind: 'doc-number' }
    ? string
    : ValueOf<F>;
export type NoticeTemplateFields = {
  [F in NewField as F extends { required: true } ? F['name'] : never]: TemplateValue<F>;
} & {
  [F in NewField as F extends { required: true } ? never : F['name']]?: TemplateValue<F>;
};

/**
 * Kinds written in double quotes in new files: unquoted, YAML readers other than ours read
 * `2024-03-01` as a date, and an all-digit 索引号 part as a number.
 */
export function alwaysQuoted(field: NoticeField): boolean {
  return field.kind === 'date' || field.kind === 'index-number' || field.kind === 'reference';
}

/** The field table of docs/publishing.md, made from this table (`npm run generate`). */
export function fieldTableMarkdown(): string {
  return [
    '| 字段 | 必填 | 规则 |',
    '| --- | --- | --- |',
    ...NOTICE_FIELDS.map((f: FieldSpec) => `| ${f.key} |${f.required ? ' 是 ' : ' '}| ${f.help} |`),
  ].join('\n');
}
