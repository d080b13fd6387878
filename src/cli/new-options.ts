/**
 * `npm run new`'s options and the rules its values must pass before a file is written.
 * Every field flag has an English and a Chinese name (`--title` / `--标题`): office staff know
 * the frontmatter keys, scripts and CI prefer ASCII.
 */
import { parseArgs } from 'node:util';
import { siteOptionsFrom } from './options.ts';
import { hasDateShape, isCalendarDate, type CalendarDate } from '../domain/notice/calendar-date.ts';
import { checkDocNumber } from '../domain/notice/doc-number.ts';
import { ORGAN_CODE, parseIndexNumber, type IndexNumber } from '../domain/notice/index-number.ts';
import { nearestCategory, type Taxonomy } from '../domain/notice/taxonomy.ts';
import { editDistance } from '../domain/text/edit-distance.ts';
import { chinaTimeParts } from '../domain/text/china-time.ts';
import { FLAG_FIELDS, type FlagField, type NoticeTemplateFields } from '../domain/notice/fields.ts';

/** A field `npm run new` takes from a flag: the notice fields that have one, and the 机构代码. */
export interface FieldFlag {
  field: FlagField['name'] | 'code';
  en: string;
  /** The Chinese flag: the frontmatter key. */
  zh: string;
  value: string;
  help: string;
}

export const FIELD_FLAGS: readonly FieldFlag[] = [
  ...FLAG_FIELDS.map((f) => ({ field: f.name, en: f.new.en, zh: f.key, value: f.new.example, help: f.new.help })),
  {
    field: 'code',
    en: 'code',
    zh: '机构代码',
    value: '代码',
    help: '下属单位用自己的机构代码编索引号，不填时为 site.yaml 的机构代码',
  },
];

export type DraftField = FieldFlag['field'];
export type DraftInput = Partial<Record<DraftField, string>>;

/** Fields that must have a value; asked for in a terminal, otherwise an error. */
export const REQUIRED_FIELDS = ['title', 'category'] as const satisfies readonly DraftField[];

export const flagOf = (field: DraftField) => FIELD_FLAGS.find((f) => f.field === field)!;
/** `--分类（或 --category）`. */
export const flagNames = (field: DraftField) => `--${flagOf(field).zh}（或 --${flagOf(field).en}）`;

const OTHER_FLAGS = [
  { name: 'content', value: '文件夹', help: '内容文件夹，默认 content' },
  { name: 'base', value: '/子路径/', help: '网站部署的子路径，site.yaml 没有网址时用于显示网址，默认 /' },
  { name: 'yes', value: '', help: '不提问：缺少或填错时直接报错并退出（用于脚本）' },
  { name: 'help', value: '', help: '显示本说明' },
] as const;

/** Pad to a width in terminal columns: Chinese characters take two. */
function pad(text: string, columns: number): string {
  const width = [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, columns - width));
}

export const NEW_USAGE = [
  '用法：npm run new -- [选项]',
  '新建一篇公文：自动分配下一个索引号，在 content/notices/<年份>/ 下生成文件，字段齐全，只需填写正文。',
  '',
  ...FIELD_FLAGS.map((f) => `  ${pad(`--${f.zh} ${f.value}`, 28)}${pad(`（--${f.en}）`, 18)}${f.help}`),
  ...OTHER_FLAGS.map((f) => `  ${pad(`--${f.name} ${f.value}`, 46)}${f.help}`),
  '',
  '在终端中运行且缺少标题或分类（或有填错的项）时，会逐项提问；其他情况下有问题就报错，不新建文件。',
  '例如：npm run new -- --标题 关于做好2026年防汛工作的通知 --分类 农业、林业、水利 --文号 示镇府〔2026〕20号',
].join('\n');

export type NewOptions =
  | { ok: true; content: string; base: string; input: DraftInput; yes: boolean; help: boolean }
  | { ok: false; message: string };

export function parseNewOptions(args: string[]): NewOptions {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {
    content: { type: 'string' },
    base: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const flag of FIELD_FLAGS) options[flag.en] = options[flag.zh] = { type: 'string' };
  const parse = () => parseArgs({ args, options, tokens: true, allowPositionals: false });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    return { ok: false, message: explainArgsError(error, Object.keys(options)) };
  }
  // parseArgs keeps the last of repeated options; a field given twice is more likely a mistake.
  const given = parsed.tokens.flatMap((t) =>
    t.kind === 'option' && t.value !== undefined ? [{ name: t.name, value: t.value.trim() }] : [],
  );
  const input: DraftInput = {};
  for (const flag of FIELD_FLAGS) {
    const mine = given.filter((g) => g.name === flag.zh || g.name === flag.en);
    const distinct = [...new Set(mine.map((g) => g.value))];
    if (distinct.length > 1) {
      const names = new Set(mine.map((g) => g.name));
      const both = names.size > 1 ? `--${flag.zh} 和 --${flag.en} 是同一个选项，` : `--${[...names][0]} 写了不止一次，`;
      return { ok: false, message: `${both}给了不同的值（${distinct.map((v) => `“${v}”`).join('和')}），请只写一个` };
    }
    if (distinct[0]) input[flag.field] = distinct[0];
  }
  const { values } = parsed;
  const { content, base } = siteOptionsFrom(values);
  return {
    ok: true,
    content,
    base,
    input,
    yes: values.yes === true,
    help: values.help === true,
  };
}

/** node:util parseArgs errors, in the editor's words. */
function explainArgsError(error: unknown, known: string[]): string {
  const code = (error as { code?: string }).code;
  const message = String((error as Error).message ?? error);
  // `Unknown option '--x'`, `Option '-y, --yes' does not take an argument`, `Option '--标题 <value>' …`.
  const named = /'(?:-\w, )?(-[^' ]+)/.exec(message)?.[1] ?? '';
  const help = '运行 npm run new -- --help 查看全部选项';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = named.replace(/^-+/, '').split('=')[0]!;
      const nearest = known.map((k) => [k, editDistance(name, k)] as const).sort((a, b) => a[1] - b[1])[0];
      const guess =
        nearest && nearest[1] <= Math.max(1, Math.floor(name.length / 3)) ? `，是否应为 --${nearest[0]}？` : '';
      return `不认识的选项 ${named}${guess}（${help}）`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? `选项 ${named} 后面不用写值（${help}）`
        : `选项 ${named} 后面缺少内容（值以“-”开头时请写成 ${named}=值）`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return (
        `多余的内容“${/'([^']*)'/.exec(message)?.[1] ?? ''}”：每个值前面要写选项名，例如 --标题 关于做好防汛工作的通知；值中有空格时请加引号。` +
        '用 npm run 时，选项前要先写单独的 --：npm run new -- --标题 关于做好防汛工作的通知'
      );
    default:
      return message;
  }
}

/** A notice's fields after validation, ready for the template and the allocator. */
export type Draft = Omit<NoticeTemplateFields, 'indexNumber'> & {
  /** The organ code the 索引号 is issued under. */
  code: string;
};

export interface DraftContext {
  taxonomy: Taxonomy;
  /** site.yaml 机构代码. */
  organCode: string;
  /** Every 索引号 found in the content folder. */
  existing: readonly string[];
  /** Default 发布日期. */
  today: CalendarDate;
}

export interface DraftError {
  field: DraftField;
  /** A required field without a value. */
  missing: boolean;
  message: string;
}

export type DraftCheck = { ok: true; draft: Draft; notes: string[] } | { ok: false; errors: DraftError[] };

/** Every problem with the values at once, so one correction round is enough. */
export function checkDraft(input: DraftInput, context: DraftContext): DraftCheck {
  const errors: DraftError[] = [];
  const notes: string[] = [];
  const fail = (field: DraftField, message: string) => errors.push({ field, missing: false, message });
  const failed = (field: DraftField) => errors.some((e) => e.field === field);

  for (const field of REQUIRED_FIELDS) {
    if (!input[field]) {
      errors.push({
        field,
        missing: true,
        message: `缺少${flagOf(field).zh}：请用 ${flagNames(field)} 指定，例如 --${flagOf(field).zh} ${flagOf(field).value}`,
      });
    }
  }
  // Every value goes on one frontmatter line.
  for (const flag of FIELD_FLAGS) {
    if (/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/.test(input[flag.field] ?? ''))
      fail(flag.field, `${flag.zh}中有换行或控制字符，请写成一行`);
  }

  const category = input.category;
  if (category && !failed('category') && !context.taxonomy.includes(category)) {
    fail('category', `分类“${category}”不在分类表中，是否应为“${nearestCategory(category, context.taxonomy)}”？`);
  }

  let docNumber = input.docNumber;
  if (docNumber && !failed('docNumber')) {
    const checked = checkDocNumber(docNumber);
    if (checked.ok) docNumber = checked.value;
    else if (checked.fixed) {
      notes.push(`文号“${docNumber}”已改为“${checked.fixed}”：${checked.reason}`);
      docNumber = checked.fixed;
    } else fail('docNumber', `文号“${docNumber}”有误：${checked.reason} — ${checked.fix}`);
  }

  const publishedOn = input.publishedOn ?? context.today;
  const dateError = (label: string, value: string) =>
    hasDateShape(value)
      ? `${label}“${value}”不是真实存在的日期，请核对月份和日期`
      : `${label}“${value}”应为 YYYY-MM-DD 格式，例如 2026-03-01（月、日不足两位补零）`;
  if (!isCalendarDate(publishedOn) && !failed('publishedOn')) fail('publishedOn', dateError('发布日期', publishedOn));
  const writtenOn = input.writtenOn;
  if (writtenOn !== undefined && !failed('writtenOn')) {
    if (!isCalendarDate(writtenOn)) fail('writtenOn', dateError('成文日期', writtenOn));
    else if (isCalendarDate(publishedOn) && writtenOn > publishedOn)
      fail('writtenOn', `成文日期 ${writtenOn} 晚于发布日期 ${publishedOn}，请核对两个日期`);
  }

  let interprets: IndexNumber | undefined;
  if (input.interprets && !failed('interprets')) {
    const parsed = parseIndexNumber(input.interprets);
    if (!parsed.ok) fail('interprets', `解读“${input.interprets}”不是规范的索引号：${parsed.reason} — ${parsed.fix}`);
    else if (!context.existing.includes(parsed.value)) {
      fail(
        'interprets',
        `找不到索引号为 ${parsed.value} 的公文：“解读”应填写被解读文件的索引号，该文件须已在 notices 中`,
      );
    } else interprets = parsed.value;
  }

  const code = input.code ?? context.organCode;
  if (!ORGAN_CODE.test(code) && !failed('code')) {
    const cleaned = code.toUpperCase().replace(/-/g, '');
    fail(
      'code',
      `机构代码“${code}”应为9位组织机构代码（去掉“-”）或18位统一社会信用代码（数字或大写字母）${ORGAN_CODE.test(cleaned) ? `，是否应为 ${cleaned}？` : ''}`,
    );
  }

  if (errors.length) return { ok: false, errors };
  const keywords = input.keywords?.split(/[\s、，,；;]+/).filter(Boolean);
  return {
    ok: true,
    notes,
    draft: {
      title: input.title!,
      category: category!,
      publishedOn: publishedOn as CalendarDate,
      ...(writtenOn ? { writtenOn: writtenOn as CalendarDate } : {}),
      ...(docNumber ? { docNumber } : {}),
      // A 解读 says so in its 体裁 unless told otherwise: the catalogue and /nianbao/ count by it.
      ...(input.genre || interprets ? { genre: input.genre ?? '解读' } : {}),
      ...(input.summary ? { summary: input.summary } : {}),
      ...(keywords?.length ? { keywords } : {}),
      ...(input.publisher ? { publisher: input.publisher } : {}),
      ...(interprets ? { interprets } : {}),
      code,
    },
  };
}

/** Today's date in China (Asia/Shanghai), whatever the computer's time zone. */
export function todayInChina(now = new Date()): CalendarDate {
  const { year, month, day } = chinaTimeParts(now);
  return `${year}-${month}-${day}` as CalendarDate;
}
