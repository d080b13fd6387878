/**
 * Every content rule, over a whole content folder held in memory: the one place that decides
 * whether an office's content may be published. `check`, the build and the tests use it.
 * Per-notice field rules come from notice-schema.ts; the rules across files live here.
 */
import { decodeSource } from './source-text.ts';
import { splitNotice } from './notice-source.ts';
import { parseYamlFields } from '../domain/notice/yaml-fields.ts';
import { noticeSchema, NOTICE_KEYS, type NoticeMeta } from '../domain/notice/notice-schema.ts';
import { NOTICE_FIELDS, type NoticeField } from '../domain/notice/fields.ts';
import { KEY_SYNONYMS } from '../domain/notice/field-labels.ts';
import { SiteConfigSchema, SITE_KEYS, type SiteConfig } from '../domain/site/site-config.ts';
import { schemaProblems } from '../domain/notice/schema-problems.ts';
import { parseIndexNumber, indexNumberSlug } from '../domain/notice/index-number.ts';
import { yearOf } from '../domain/notice/calendar-date.ts';
import { bodyPlainText, isBodyEmpty, leadSentences } from '../domain/body/body-text.ts';
import { BODY_PLACEHOLDER } from '../domain/notice/notice-template.ts';
import { hasErrors, sortProblems, type Problem } from '../domain/problems.ts';
import { DEFAULT_TAXONOMY } from '../domain/notice/taxonomy.ts';
import { bodySafetyProblems } from '../domain/body/body-safety.ts';
import { bodyFormat } from '../domain/body/body-tree.ts';
import { bodyResourceProblems, externalLinkCode, externalLinks } from '../domain/body/body-links.ts';
import { frontmatterTexts, personalInfoProblems } from '../domain/privacy/personal-info.ts';
import { bodyLinks, cataloguePaths, deadLinkProblems, linkTarget, type LinkRef, type SiteInventory } from '../domain/body/internal-links.ts';
import { publishedAttachments, type AttachmentUse } from '../domain/notice/attachments.ts';
import { defaultColumns, placeNotices, type ColumnPage } from '../domain/catalogue/columns.ts';
import { ORGAN_DOCS, ORGAN_ITEM_KEYS, ORGAN_KEYS, OrganInfoSchema, organOwnNumbers, type OrganInfo } from '../domain/site/organ-info.ts';

/** A content folder as bytes, read by content-folder.ts (or built in memory by tests). */
export interface ContentFolder {
  siteYaml?: Uint8Array;
  guide?: Uint8Array;
  /** zhidu.md: the office's 政府信息公开制度, optional. */
  rules?: Uint8Array;
  /** jigou.yaml: the office's 机构信息 (职能, 内设机构, 负责人), optional. */
  organ?: Uint8Array;
  /** Notice files, paths relative to the content folder (`notices/2024/a.md`). */
  notices: { path: string; bytes: Uint8Array }[];
  /** Files under notices/ that are not .md/.mdx: reported, never silently skipped. */
  strayFiles: string[];
  /** Files under attachments/: path relative to it (`2024/a.pdf`) → size in bytes. */
  attachments: ReadonlyMap<string, number>;
  /** Entries that are not read: symbolic links, devices, hidden files (content-folder.ts). */
  refused?: readonly RefusedEntry[];
}

/** A path in the content folder that is never read or published, and why. */
export interface RefusedEntry {
  /** Relative to the content folder: `attachments/etc`, `notices/.draft.md`. */
  path: string;
  reason: 'symlink' | 'special' | 'hidden';
}

export interface Notice extends NoticeMeta {
  /** Path relative to the content folder. */
  file: string;
  body: string;
  /** 内容概述: the 摘要, or the body's lead sentences. */
  lead: string;
  /** The body's reader-visible text, block by block (body-text.ts), for the search index. */
  text: string;
  /** URL segment: the 索引号 with "/" → "-". */
  slug: string;
}

export interface Content {
  site: SiteConfig;
  guide: string;
  notices: Notice[];
  /** The attachments the site publishes (those notices and the 指南 use): path → size in bytes. */
  attachments: ReadonlyMap<string, number>;
  /** Every link to another site in notices and the guide: 外链提示 code → URL. */
  externalLinks: ReadonlyMap<string, string>;
  /** zhidu.md's text (the 政府信息公开制度), when the office has one. */
  rules?: string;
  /** jigou.yaml (职能, 内设机构, 负责人), when the office has one. */
  organ?: OrganInfo;
}

export interface ContentReport {
  /** Present when there is no error (warnings allowed). */
  content?: Content;
  problems: Problem[];
}

/** Fields holding another notice's 索引号: each must name a notice on the site, not itself. */
const REFERENCE_FIELDS = NOTICE_FIELDS.filter((f): f is Extract<NoticeField, { kind: 'reference' }> => f.kind === 'reference');

export const SITE_FILE = 'site.yaml';
export const GUIDE_FILE = 'guide.md';
export const RULES_FILE = 'zhidu.md';
export const ORGAN_FILE = 'jigou.yaml';

/**
 * What checking one notice file finds, on its own: plain data, so that it can come back from a
 * worker thread (src/content/parallel-check.ts). The rules across files need every file first.
 */
export interface NoticeFileResult {
  problems: Problem[];
  /** Absent when the file could not be read as a notice at all. */
  linked?: LinkedFile;
  /** Absent when the notice has an error of its own. */
  notice?: CheckedNotice;
}

/** A notice that passed its own rules, with the line of each frontmatter key for later problems. */
type CheckedNotice = Notice & { keyLines: Partial<Record<string, number>> };

/** The per-file rules for notices of the office described by `site` (site.yaml, if readable). */
export function noticeFileChecker(site: SiteConfig | undefined): (path: string, bytes: Uint8Array) => NoticeFileResult {
  const schema = noticeSchema({
    taxonomy: site?.taxonomy ?? DEFAULT_TAXONOMY,
    columns: (site?.columns ?? defaultColumns(undefined)).map((c) => c.name),
    defaultPublisher: site?.name ?? '',
  });
  const context = { siteUrl: site?.url, ownNumbers: ownNumbers(site), mdxCode: site?.mdxCode ?? false };
  return (path, bytes) => {
    try {
      return checkNoticeFile(path, bytes, schema, context);
    } catch (error) {
      // A rule that fails on some input is our bug, but the editor still needs to know which file.
      const detail = error instanceof Error ? error.message : String(error);
      return { problems: [{ file: path, line: 1, field: '文件', severity: 'error', kind: 'internal-error', message: `检查这个文件时出错（${detail}）`, fix: '请把这个文件发给网站维护人员；在修好之前，可先删去文件中最近改动的部分再检查' }] };
    }
  };
}

/** site.yaml's 电话 and 传真: the office's own numbers, never a personal-information leak. */
function ownNumbers(site: SiteConfig | undefined): string[] {
  return [site?.phone, site?.fax].filter((n) => n !== undefined);
}

function checkEach(files: ContentFolder['notices'], checkFile: ReturnType<typeof noticeFileChecker>): NoticeFileResult[] {
  return files.map(({ path, bytes }) => checkFile(path, bytes));
}

/**
 * What the content is checked for. `check` (and `npm run new`) looks at work in progress;
 * `build` publishes it, so the problems in BUILD_ERRORS stop it.
 */
export type CheckPurpose = 'check' | 'build';

/**
 * Warnings while editing that are errors when publishing: a draft may hold them, readers must
 * never see them. Their messages say so (“生成网站时这是错误：…”). The per-file results (and the
 * check cache) stay the same for both purposes; only the severity is raised, here.
 */
export const BUILD_ERRORS: ReadonlySet<string> = new Set(['placeholder-body']);

/**
 * Checks a whole content folder. `checkedNotices` are `noticeFileChecker`'s results for
 * `folder.notices`, in order, when the caller has already worked them out (in parallel).
 */
export function checkContent(
  folder: ContentFolder,
  checkedNotices?: readonly NoticeFileResult[],
  { purpose = 'check' }: { purpose?: CheckPurpose } = {},
): ContentReport {
  const problems: Problem[] = [];
  const refusedPaths = new Set((folder.refused ?? []).map((r) => r.path));
  const site = checkSite(folder.siteYaml, problems, refusedPaths.has(SITE_FILE));
  const guide = refusedPaths.has(GUIDE_FILE) ? undefined : checkGuide(folder.guide, problems, site);
  const rules = folder.rules ? checkRules(folder.rules, problems, site) : undefined;
  const organ = folder.organ ? checkOrgan(folder.organ, problems, site) : undefined;
  const results = checkedNotices ?? checkEach(folder.notices, noticeFileChecker(site));
  const notices: CheckedNotice[] = [];
  const linked: LinkedFile[] = [];
  for (const result of results) {
    problems.push(...result.problems);
    if (result.linked) linked.push(result.linked);
    if (result.notice) notices.push(result.notice);
  }
  if (guide !== undefined && !isBodyEmpty(guide)) linked.push(linkedFile(GUIDE_FILE, guide, 1, site?.url));
  if (rules !== undefined && !isBodyEmpty(rules)) linked.push(linkedFile(RULES_FILE, rules, 1, site?.url));
  for (const path of folder.strayFiles) {
    problems.push({
      file: path, field: '文件', severity: 'warning', kind: 'stray-file',
      message: 'notices 文件夹里只应放 .md 或 .mdx 公文文件，这个文件不会发布',
      fix: '附件请放到 attachments 文件夹，并在公文的“附件”字段中列出',
    });
  }
  if (folder.notices.length === 0) {
    problems.push({
      file: 'notices', field: '文件', severity: 'error', kind: 'no-notices',
      message: '没有任何公文（notices 文件夹为空或不存在）', fix: '在 notices 文件夹中至少放一篇 .md 公文',
    });
  }
  for (const entry of folder.refused ?? []) problems.push(refusedProblem(entry));
  checkAcrossNotices(notices, folder.attachments, problems);
  checkLinks(linked, folder, notices, site, problems);
  const attachments = publishedAttachments(folder.attachments, attachmentUses(notices, linked, site));
  problems.push(...attachments.problems);

  const sorted = sortProblems(
    purpose === 'build'
      ? problems.map((p) => (BUILD_ERRORS.has(p.kind) ? { ...p, severity: 'error' as const } : p))
      : problems,
  );
  const ok = !hasErrors(sorted);
  return {
    problems: sorted,
    content:
      ok && site && guide !== undefined
        ? {
            site,
            guide,
            notices: notices.map(({ keyLines: _, ...n }) => n),
            attachments: attachments.published,
            externalLinks: new Map(linked.flatMap((f) => f.externalLinks).map((url) => [externalLinkCode(url), url])),
            ...(rules !== undefined && { rules }),
            ...(organ && { organ }),
          }
        : undefined,
  };
}

function decodeOrReport(file: string, bytes: Uint8Array, problems: Problem[]): string | undefined {
  const decoded = decodeSource(bytes);
  if (decoded.ok) return decoded.text;
  problems.push({ file, line: decoded.line ?? 1, field: '文件', severity: 'error', kind: decoded.kind, message: decoded.message, fix: decoded.fix });
  return undefined;
}

function checkSite(bytes: Uint8Array | undefined, problems: Problem[], refused: boolean): SiteConfig | undefined {
  if (!bytes) {
    if (refused) return undefined;
    problems.push({
      file: SITE_FILE, field: '文件', severity: 'error', kind: 'missing-site',
      message: '缺少机关信息文件 site.yaml', fix: '在内容文件夹中新建 site.yaml，至少写明 机关名称 和 机构代码',
    });
    return undefined;
  }
  const parsed = parseSiteYaml(bytes);
  problems.push(...parsed.problems);
  return parsed.site;
}

/** site.yaml's bytes → the office profile, or the problems that stop it being read. */
export function parseSiteYaml(bytes: Uint8Array): { site?: SiteConfig; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = decodeOrReport(SITE_FILE, bytes, problems);
  if (text === undefined) return { problems };
  const { fields, problems: yamlProblems } = parseYamlFields(SITE_FILE, text);
  problems.push(...yamlProblems);
  if (!fields) return { problems };
  const parsed = SiteConfigSchema.safeParse(fields.data);
  if (parsed.success) {
    if (!parsed.data.url) {
      problems.push({
        file: SITE_FILE, line: 1, field: '网址', severity: 'warning', kind: 'missing-site-url',
        message: '没有填写网站的公开网址：sitemap.xml 将为空，RSS 和开放数据中只有相对链接，也不生成二维码',
        fix: '在 site.yaml 中加上 网址: https://（网站的完整网址）/',
      });
    }
    return { site: parsed.data, problems };
  }
  problems.push(...schemaProblems(parsed.error, SITE_FILE, fields.lineOf, SITE_KEYS).map((p) => ({ ...p, line: p.line ?? 1 })));
  return { problems };
}

function checkGuide(bytes: Uint8Array | undefined, problems: Problem[], site: SiteConfig | undefined): string | undefined {
  if (!bytes) {
    problems.push({
      file: GUIDE_FILE, field: '文件', severity: 'error', kind: 'missing-guide',
      message: '缺少政府信息公开指南 guide.md（《条例》第十二条要求编制并公布指南）',
      fix: '在内容文件夹中新建 guide.md，写明公开范围、方式、依申请公开的办理程序等',
    });
    return undefined;
  }
  return checkPageText(GUIDE_FILE, bytes, problems, site, {
    kind: 'empty-guide',
    message: '政府信息公开指南是空的（空白栏目是网站检查的扣分项）', fix: '写明公开范围、方式、依申请公开的办理程序等',
  });
}

/** zhidu.md, optional: once the office has it, it is published like the 指南 and held to its rules. */
function checkRules(bytes: Uint8Array, problems: Problem[], site: SiteConfig | undefined): string | undefined {
  return checkPageText(RULES_FILE, bytes, problems, site, {
    kind: 'empty-rules',
    message: '政府信息公开制度是空的（空白栏目是网站检查的扣分项）',
    fix: '写上本机关的政府信息公开工作制度（主动公开、依申请公开、保密审查、年度报告等）；还没有的，先删除 zhidu.md',
  });
}

/**
 * A Markdown page of the office's own (guide.md, zhidu.md): readable text, not empty, nothing
 * the sanitizer would drop or that could run, no personal information. Links are checked with
 * the notices' (checkLinks). Returns the text when it could be read, even with problems.
 */
function checkPageText(
  file: string,
  bytes: Uint8Array,
  problems: Problem[],
  site: SiteConfig | undefined,
  empty: { kind: string; message: string; fix: string },
): string | undefined {
  const text = decodeOrReport(file, bytes, problems);
  if (text === undefined) return undefined;
  if (isBodyEmpty(text)) {
    problems.push({ file, line: 1, field: '正文', severity: 'error', ...empty });
    return text;
  }
  problems.push(...bodySafetyProblems(file, text, 1, { format: 'markdown' }));
  problems.push(...personalInfoProblems({ file, fields: [], body: text, bodyLine: 1, allowed: [], ownNumbers: ownNumbers(site) }));
  return text;
}

function checkOrgan(bytes: Uint8Array, problems: Problem[], site: SiteConfig | undefined): OrganInfo | undefined {
  const parsed = parseOrganYaml(bytes, ownNumbers(site));
  problems.push(...parsed.problems);
  return parsed.organ;
}

/**
 * jigou.yaml's bytes → the 机构信息, or the problems that stop it being published. Every text it
 * publishes goes through the personal-information guard, as a notice's fields do; `ownNumbers`
 * (site.yaml's 电话, 传真) and the file's own phone fields are the office's, not leaks.
 */
export function parseOrganYaml(bytes: Uint8Array, ownNumbers: readonly string[] = []): { organ?: OrganInfo; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = decodeOrReport(ORGAN_FILE, bytes, problems);
  if (text === undefined) return { problems };
  const { fields, problems: yamlProblems } = parseYamlFields(ORGAN_FILE, text);
  problems.push(...yamlProblems);
  if (!fields) return { problems };
  const leaks = personalInfoProblems({
    file: ORGAN_FILE,
    fields: frontmatterTexts(fields.data, fields.lineOf, text),
    body: '',
    bodyLine: 1,
    allowed: [],
    ownNumbers: [...ownNumbers, ...organOwnNumbers(fields.data)],
  });
  // jigou.yaml has no 允许公开 list: what the office publishes as its own goes in its phone fields.
  problems.push(...leaks.map((p) => ({ ...p, fix: '删除这个号码，或只保留前后几位（如 138****1234）；本机关对外公开的办公电话写在“联系电话”或内设机构的“电话”中' })));
  const parsed = OrganInfoSchema.safeParse(fields.data);
  if (!parsed.success) {
    const found = schemaProblems(parsed.error, ORGAN_FILE, fields.lineOf, ORGAN_KEYS, {
      lineAt: fields.lineAt,
      itemKeys: ORGAN_ITEM_KEYS,
      docs: ORGAN_DOCS,
    });
    problems.push(...found.map((p) => ({ ...p, line: p.line ?? 1 })));
    return { problems };
  }
  return { organ: parsed.data, problems };
}

/** What a file links to and what it is linked as, gathered while its body's tree is at hand. */
interface LinkedFile {
  file: string;
  links: LinkRef[];
  /** The 索引号 as written, even when another field is wrong: links to it are not dead. */
  slug?: string;
  /** Links to other sites, as written. */
  externalLinks: string[];
}

function linkedFile(file: string, body: string, bodyLine: number, siteUrl: string | undefined, indexNumber?: unknown): LinkedFile {
  return {
    file,
    links: bodyLinks(body, bodyLine),
    slug: typeof indexNumber === 'string' ? indexNumberSlug(indexNumber.trim()) : undefined,
    externalLinks: externalLinks(body, siteUrl),
  };
}

interface NoticeFileContext {
  siteUrl: string | undefined;
  ownNumbers: string[];
  /** site.yaml MDX可执行代码: MDX bodies are compiled as code, not rendered as data. */
  mdxCode: boolean;
}

function checkNoticeFile(
  file: string,
  bytes: Uint8Array,
  schema: ReturnType<typeof noticeSchema>,
  { siteUrl, ownNumbers, mdxCode }: NoticeFileContext,
): NoticeFileResult {
  const problems: Problem[] = [];
  const text = decodeOrReport(file, bytes, problems);
  if (text === undefined) return { problems };
  const split = splitNotice(file, text);
  problems.push(...split.problems);
  if (!split.source) return { problems };
  const { data, lineOf, body, bodyLine } = split.source;

  const bodyEmpty = isBodyEmpty(body);
  if (bodyEmpty) {
    problems.push({
      file, line: bodyLine, field: '正文', severity: 'error', kind: 'empty-body',
      message: '正文是空的', fix: '在第二个“---”之后写上公文正文',
    });
  }
  const placeholderAt = body.split('\n').findIndex((line) => line.includes(BODY_PLACEHOLDER));
  if (placeholderAt >= 0) {
    // A warning here, an error when building (BUILD_ERRORS): `npm run new` writes it, and the
    // file must pass check at once, but it must never reach readers.
    problems.push({
      file, line: bodyLine + placeholderAt, field: '正文', severity: 'warning', kind: 'placeholder-body',
      message: `生成网站时这是错误：正文中还有新建时的占位文字“${BODY_PLACEHOLDER}”`,
      fix: '把它换成公文正文，否则 npm run build 不会生成网站',
    });
  }
  const resourceProblems = bodyEmpty ? [] : bodyResourceProblems(file, body, bodyLine, siteUrl);
  problems.push(...resourceProblems);
  const linked = linkedFile(file, bodyEmpty ? '' : body, bodyLine, siteUrl, data['索引号']);
  problems.push(
    ...personalInfoProblems({
      file,
      fields: frontmatterTexts(data, lineOf, text),
      body: bodyEmpty ? '' : body,
      bodyLine,
      allowed: listedAllowances(data['允许公开'], text, lineOf('允许公开')),
      ownNumbers,
    }),
  );
  const safety = bodyEmpty ? [] : bodySafetyProblems(file, body, bodyLine, { format: bodyFormat(file), mdxCode });
  problems.push(...safety);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const found = schemaProblems(parsed.error, file, lineOf, NOTICE_KEYS, { synonymOf: (key) => KEY_SYNONYMS.get(key) });
    problems.push(...found.map((p) => ({ ...p, line: p.line ?? 1 })));
    return { problems, linked };
  }
  if (bodyEmpty || hasErrors(safety) || resourceProblems.length) return { problems, linked };
  const meta = parsed.data;
  const keyLines = Object.fromEntries(NOTICE_KEYS.flatMap((key) => (lineOf(key) === undefined ? [] : [[key, lineOf(key)]])));
  const notice = {
    ...meta,
    file,
    body,
    lead: meta.summary ?? leadSentences(body),
    text: bodyPlainText(body),
    slug: indexNumberSlug(meta.indexNumber),
    keyLines,
  };
  return { problems, linked, notice };
}

function checkAcrossNotices(
  notices: CheckedNotice[],
  attachments: ReadonlyMap<string, number>,
  problems: Problem[],
): void {
  const byIndex = new Map<string, Notice[]>();
  for (const notice of notices) {
    byIndex.set(notice.indexNumber, [...(byIndex.get(notice.indexNumber) ?? []), notice]);
  }
  for (const notice of notices) {
    const at = (key: string) => notice.keyLines[key] ?? 1;
    const twins = byIndex.get(notice.indexNumber)!.filter((n) => n !== notice);
    if (twins.length) {
      problems.push({
        file: notice.file, line: at('索引号'), field: '索引号', severity: 'error', kind: 'duplicate-index-number',
        message: `索引号 ${notice.indexNumber} 与 ${twins.map((t) => t.file).join('、')} 重复`,
        fix: '索引号必须唯一：给其中一篇改用下一个未用的流水号（npm run new 会自动分配）',
      });
    }
    const parts = parseIndexNumber(notice.indexNumber);
    if (parts.ok && parts.parts.year !== yearOf(notice.publishedOn)) {
      problems.push({
        file: notice.file, line: at('索引号'), field: '索引号', severity: 'warning', kind: 'year-mismatch',
        message: `索引号中的年份 ${parts.parts.year} 与发布日期的年份 ${yearOf(notice.publishedOn)} 不一致`,
        fix: '索引号一经公开不再改变；如是新文件，请用发布年份的索引号',
      });
    }
    for (const field of REFERENCE_FIELDS) {
      const indexNumber = notice[field.name];
      const target = indexNumber && byIndex.get(indexNumber)?.[0];
      if (indexNumber && (!target || target === notice)) {
        problems.push({
          file: notice.file, line: at(field.key), field: field.key, severity: 'error', kind: field.refers.kind,
          message: target ? `${field.key}不能指向自己` : `找不到索引号为 ${indexNumber} 的${field.refers.target}`,
          fix: field.refers.fix,
        });
      }
    }
    if (notice.repealedOn && notice.validity !== '废止') {
      problems.push({
        file: notice.file, line: at('废止日期'), field: '废止日期', severity: 'warning', kind: 'repeal-without-status',
        message: '写了废止日期，但有效性不是“废止”', fix: '把有效性改为 废止，或删去废止日期',
      });
    }
    for (const attachment of notice.attachments) {
      const path = attachment.file;
      if (path.split('/').includes('..') || !attachments.has(path)) {
        problems.push({
          file: notice.file, line: at('附件'), field: '附件', severity: 'error', kind: 'missing-attachment',
          message: `附件“${attachment.name}”的文件 attachments/${path} 不存在`,
          fix: '把文件放进 attachments 文件夹，或改正“文件”路径（区分大小写，相对于 attachments）',
        });
      }
    }
  }
}

/**
 * Columns with nothing in them: inspections mark a site down for each 空白栏目. A report on the
 * site as a whole, not on a file, so `check` and the build print it after the content problems
 * (it never stops a build). One warning naming them all: a new office sees one line, not twenty.
 */
export function emptyColumnProblems(content: Content): Problem[] {
  const { columns } = content.site;
  const placed = placeNotices(content.notices, columns);
  const ownContent = (page: ColumnPage | undefined) =>
    (page === 'rules' && content.rules !== undefined) || (page === 'organ' && content.organ !== undefined);
  const empty = columns.filter((c) => !placed.get(c.code)!.length && !ownContent(c.page));
  if (!empty.length) return [];
  return [
    {
      file: SITE_FILE,
      field: '栏目',
      severity: 'warning',
      kind: 'empty-column',
      message: `${empty.length} 个栏目没有任何信息（空白栏目是网站检查的扣分项）：${empty.map((c) => `“${c.name}”`).join('、')}`,
      fix: '有相关公文的，在公文的 栏目 中写上栏目名称；本机关确实没有的栏目，在 site.yaml 的 栏目 中只列出本机关有的栏目（见 docs/publishing.md“栏目”一节）',
    },
  ];
}

/**
 * The 允许公开 values as written, with the line each sits on, read leniently so that the
 * personal-information rule works even when another field (or the entry's 理由) is wrong.
 */
function listedAllowances(raw: unknown, text: string, keyLine: number | undefined): { value: string; line: number }[] {
  if (!Array.isArray(raw)) return [];
  const lines = text.split(/\r?\n/);
  const from = keyLine ?? 1;
  return raw.flatMap((item: unknown) => {
    const value = item && typeof item === 'object' ? (item as Record<string, unknown>)['值'] : undefined;
    if (typeof value !== 'string' || !value.trim()) return [];
    const at = lines.findIndex((line, i) => i >= from - 1 && line.includes('值') && line.includes(value.trim()));
    return [{ value: value.trim(), line: at >= 0 ? at + 1 : from }];
  });
}

const REFUSED_TEXT: Record<RefusedEntry['reason'], { severity: Problem['severity']; message: string; fix: string }> = {
  symlink: {
    severity: 'error',
    message: '这是符号链接（快捷方式），网站只读取和发布内容文件夹里的真实文件：链接可能指向内容文件夹以外的任何文件',
    fix: '把文件本身复制到这里，再删除这个链接',
  },
  special: {
    severity: 'error',
    message: '这不是普通文件（设备、管道或套接字），不能作为内容',
    fix: '删除它，放入普通文件',
  },
  hidden: {
    severity: 'warning',
    message: '以“.”开头的隐藏文件或文件夹不会发布',
    fix: '要发布的文件请改用不以“.”开头的文件名；不需要的可以删除',
  },
};

function refusedProblem(entry: RefusedEntry): Problem {
  return { file: entry.path, field: '文件', kind: `refused-${entry.reason}`, ...REFUSED_TEXT[entry.reason] };
}

/** Every use of an attachment: the notices' 附件 lists, and links and images in bodies and the 指南. */
function attachmentUses(notices: readonly CheckedNotice[], linked: readonly LinkedFile[], site: SiteConfig | undefined): AttachmentUse[] {
  const uses: AttachmentUse[] = notices.flatMap((notice) =>
    notice.attachments.map((a) => ({ file: notice.file, line: notice.keyLines['附件'] ?? 1, field: '附件', path: a.file })),
  );
  for (const { file, links } of linked) {
    for (const { url, line } of links) {
      const target = linkTarget(url, file, site?.url);
      if (target?.kind === 'attachment') uses.push({ file, line, field: '正文', path: target.path });
    }
  }
  return uses;
}

/** Links in notices and the 指南 to pages, attachments or notice files the site will not have. */
function checkLinks(
  linked: LinkedFile[],
  folder: ContentFolder,
  notices: readonly Notice[],
  site: SiteConfig | undefined,
  problems: Problem[],
): void {
  if (!linked.some((f) => f.links.length)) return;
  let catalogue: ReadonlySet<string> | undefined;
  const slugOf = new Map(linked.map((f) => [f.file, f.slug]));
  const inventory: SiteInventory = {
    noticeSlugs: new Set(linked.flatMap((f) => (f.slug ? [f.slug] : []))),
    noticeFiles: new Map(folder.notices.map((n) => [n.path, slugOf.get(n.path)])),
    attachments: folder.attachments,
    externalLinkCodes: new Set(linked.flatMap((f) => f.externalLinks.map(externalLinkCode))),
    cataloguePaths: () =>
      (catalogue ??= cataloguePaths(notices, site?.taxonomy ?? DEFAULT_TAXONOMY, site?.columns ?? [])),
  };
  for (const { file, links } of linked) problems.push(...deadLinkProblems(file, links, inventory, site?.url));
}
