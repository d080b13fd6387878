/**
 * The configuration of the editor at /guanli/ (Sveltia CMS), made from the one field table
 * (src/domain/notice/fields.ts) and the office's site.yaml: never written by hand. Every notice
 * field becomes an editor field with the table's key as its name (the frontmatter key), the key
 * as its label and the table's help as its hint; the widget follows the field's kind, so a new
 * kind fails the type check here until it has one. 分类 and 栏目 offer exactly the office's
 * taxonomy and columns; 文号 and 索引号 are validated by the patterns check itself uses.
 *
 * Plain data, JSON-serialisable: the build writes it to /guanli/config.json.
 */
import type { CmsConfig, Backend, CollectionFile, EntryCollection, Field } from '@sveltia/cms';
import { NOTICE_FIELDS, type FieldSpec } from '../domain/notice/fields.ts';
import { DOC_NUMBER_FORMS } from '../domain/notice/doc-number.ts';
import { INDEX_NUMBER_FORM } from '../domain/notice/index-number.ts';
import type { SiteConfig } from '../domain/site/site-config.ts';
import { ATTACHMENT_EXTENSIONS } from '../domain/notice/attachments.ts';
import { organFile, siteFile } from './office-files.ts';

export interface CmsOptions {
  /** The content folder's path from the root of its git repository (`content`; `''` at the root). */
  contentPath: string;
  /** The repository's folder name, shown on the sign-in screen for local-folder mode. */
  repoName: string;
}

/** The notices' collection name: relations point at it. */
export const NOTICES = 'notices';

/**
 * One pattern for check's 文号 forms: a Sveltia pattern is a single regular expression. The
 * alternation of check's two regexes, anchors kept; check also trims spaces first, which the
 * editor's text field does not (a 文号 with a leading space is refused here, accepted by check).
 */
export const DOC_NUMBER_PATTERN = `^(?:${DOC_NUMBER_FORMS.map((r) => r.source.replace(/^\^|\$$/g, '')).join('|')})$`;
export const INDEX_NUMBER_PATTERN = INDEX_NUMBER_FORM.source;

export const DOC_NUMBER_MESSAGE =
  '格式为 机关代字〔年份〕序号号，例如 示镇府〔2024〕12号（六角括号〔〕，序号不补零）；命令用 X令第N号';
const INDEX_NUMBER_MESSAGE =
  '格式为 机构代码/年份-5位流水号，例如 114400001234567890/2024-00001（半角“/”和“-”，字母大写）';

export const INDEX_NUMBER_EDITOR_HINT =
  '不用填写：新建的公文在发布时按发布日期的年份自动分配下一个流水号；已发布的索引号永不改变，这里不能修改';

const join = (...parts: string[]) => parts.filter(Boolean).join('/');

/** The editor field of one notice field. */
export function noticeField(spec: FieldSpec, site: SiteConfig, options: CmsOptions): Field {
  const common = {
    name: spec.key,
    label: spec.key,
    hint: spec.editorHelp ?? spec.help,
    required: spec.required === true,
  };
  switch (spec.kind) {
    case 'text':
      return { ...common, widget: 'string' };
    case 'index-number':
      // Never typed in the editor: `check --fix` allocates it when the notice is published
      // (allocate-index-numbers.ts), so two clerks saving at once cannot take the same number.
      return {
        ...common,
        required: false,
        readonly: true,
        // Sveltia shows no hint under a read-only field: the label says why it is empty.
        label: '索引号（发布时自动分配，不用填写）',
        hint: INDEX_NUMBER_EDITOR_HINT,
        widget: 'string',
        pattern: [INDEX_NUMBER_PATTERN, INDEX_NUMBER_MESSAGE],
      };
    case 'doc-number':
      return { ...common, widget: 'string', pattern: [DOC_NUMBER_PATTERN, DOC_NUMBER_MESSAGE] };
    case 'category':
      return { ...common, widget: 'select', options: [...site.taxonomy] };
    case 'date':
      // A date only, written as the `YYYY-MM-DD` string check reads (no time, no time zone).
      return { ...common, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
    case 'list':
      return { ...common, widget: 'list' };
    case 'columns':
      return { ...common, widget: 'select', multiple: true, options: site.columns.map((c) => c.name) };
    case 'enum':
      return { ...common, widget: 'select', options: [...(spec.values ?? [])] };
    case 'yes-no':
      return { ...common, widget: 'select', options: ['是', '否'] };
    case 'reference':
      return {
        ...common,
        widget: 'relation',
        collection: NOTICES,
        value_field: '索引号',
        search_fields: ['标题', '索引号'],
        display_fields: ['标题'],
      };
    case 'attachments':
      return {
        ...common,
        widget: 'list',
        fields: [
          { name: '名称', label: '名称', hint: '读者看到的附件名称', widget: 'string' },
          {
            name: '文件',
            label: '文件',
            hint: '上传后保存在 attachments/ 下',
            widget: 'file',
            // Only the types check lets an office publish (attachments.ts).
            accept: ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(','),
            // Stored in the repository under attachments/<year>/, written as `<year>/<file>`: the
            // path relative to attachments/ that check wants.
            media_folder: '/' + join(options.contentPath, 'attachments', '{{year}}'),
            public_folder: '{{year}}',
          },
        ],
      };
    case 'allowances':
      return {
        ...common,
        widget: 'list',
        fields: [
          { name: '值', label: '值', hint: '正文或字段中出现的号码，照原样填写', widget: 'string' },
          { name: '理由', label: '理由', hint: '为什么确需公开（如 服务热线）', widget: 'string' },
        ],
      };
  }
  const unknown: never = spec.kind;
  throw new Error(`no editor widget for field kind ${String(unknown)}`);
}

function backend(site: SiteConfig, options: CmsOptions): Backend {
  const host = site.gitHost;
  if (!host) {
    // No git host: local-folder mode, which Sveltia offers on http://127.0.0.1 and localhost
    // (npm start). Sveltia wants a git backend and at least one sign-in method: a token, whose
    // dialog leads nowhere (the policy lets the page talk to no git host). The repo is a label.
    return { name: 'github', repo: `local/${options.repoName}`, auth_methods: ['token'] };
  }
  const base = host.url?.replace(/\/+$/, '');
  const auth = host.appId ? { app_id: host.appId } : { auth_methods: ['token' as const] };
  const branch = host.branch ? { branch: host.branch } : {};
  switch (host.platform) {
    case 'github':
      // GitHub's OAuth needs a server of its own: sign in with a personal access token.
      return { name: 'github', repo: host.repo, ...branch, auth_methods: ['token'] };
    case 'gitlab':
      return {
        name: 'gitlab',
        repo: host.repo,
        ...branch,
        ...(base && { base_url: base, api_root: `${base}/api/v4` }),
        ...(host.appId ? { app_id: host.appId, auth_type: 'pkce' as const } : { auth_methods: ['token' as const] }),
      };
    case 'gitea':
      return {
        name: 'gitea',
        repo: host.repo,
        ...branch,
        ...(base && { base_url: base, api_root: `${base}/api/v1` }),
        ...auth,
      };
  }
}

/** The git host's origins the editor talks to, for the /guanli/ CSP's connect-src and img-src. */
export function gitHostOrigins(site: SiteConfig): string[] {
  const host = site.gitHost;
  if (!host) return [];
  if (host.url) return [new URL(host.url).origin];
  if (host.platform === 'github') return ['https://api.github.com', 'https://avatars.githubusercontent.com'];
  return host.platform === 'gitlab' ? ['https://gitlab.com'] : ['https://gitea.com'];
}

function noticesCollection(site: SiteConfig, options: CmsOptions): EntryCollection {
  return {
    name: NOTICES,
    label: '公文',
    label_singular: '公文',
    description: '政府信息公开的公文：每篇一个文件，按年份存放在 notices/ 下',
    folder: join(options.contentPath, 'notices'),
    path: "{{发布日期 | date('YYYY')}}/{{slug}}",
    extension: 'md',
    format: 'yaml-frontmatter',
    identifier_field: '标题',
    // The site's own pages are the preview (npm start); Sveltia's pane lists raw fields.
    editor: { preview: false },
    summary: '{{发布日期}} {{标题}}',
    slug: {
      template: "{{发布日期 | date('YYYYMMDD')}}-{{uuid_shorter}}",
      editable: ['create'],
      hint: '文件名：小写拼音、字母、数字和“-”，如 chungeng-shengchan-tongzhi',
      pattern: ['^[a-z0-9][a-z0-9-]*$', '文件名只能用小写拼音、字母、数字和“-”'],
    },
    sortable_fields: {
      fields: ['发布日期', '标题', '索引号'],
      default: { field: '发布日期', direction: 'descending' },
    },
    fields: [
      ...NOTICE_FIELDS.map((f) => noticeField(f, site, options)),
      { name: 'body', label: '正文', widget: 'markdown' },
    ],
  };
}

function pageFile(name: string, label: string, file: string, hint: string): CollectionFile {
  return { name, label, file, fields: [{ name: 'body', label: '正文', hint, widget: 'markdown' }] };
}

/** The editor's whole configuration for one office. */
export function cmsConfig(site: SiteConfig, options: CmsOptions): CmsConfig {
  const content = options.contentPath;
  return {
    load_config_file: false,
    backend: backend(site, options),
    app_title: `${site.name} 政府信息公开 管理`,
    ...(site.url && { site_url: site.url }),
    show_preview_links: false,
    media_folder: join(content, 'attachments'),
    public_folder: '',
    slug: { encoding: 'ascii', clean_accents: true },
    // Strings in double quotes, as `npm run new` writes dates and 索引号: other YAML readers would
    // take an unquoted 2024-03-01 for a date.
    output: { omit_empty_optional_fields: true, yaml: { quote: 'double' } },
    collections: [
      noticesCollection(site, options),
      {
        name: 'pages',
        label: '指南和制度',
        files: [
          pageFile('guide', '政府信息公开指南', join(content, 'guide.md'), '指南全文（Markdown），显示在 /zhinan/'),
          pageFile('zhidu', '政府信息公开制度', join(content, 'zhidu.md'), '制度全文（Markdown），显示在 /zhidu/'),
        ],
      },
      {
        name: 'office',
        label: '本机关',
        files: [siteFile(join(content, 'site.yaml')), organFile(join(content, 'jigou.yaml'))],
      },
    ],
  };
}
