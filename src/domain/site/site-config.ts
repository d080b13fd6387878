/**
 * site.yaml: the office profile. Keys are Chinese (a contract shared with other offices'
 * tools); the parsed `SiteConfig` uses English names for code.
 */
import { z } from 'zod';
import { DEFAULT_TAXONOMY } from '../notice/taxonomy.ts';
import { ORGAN_CODE } from '../notice/index-number.ts';
import { issue } from '../notice/schema-problems.ts';
import { BUILT_IN_COLUMNS, COLUMN_CODE, defaultColumns, OFFICE_KINDS, type Column } from '../catalogue/columns.ts';

const text = (label: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? undefined : `${label}应为文字`) })
    .trim()
    .min(1, { error: `${label}不能为空` });

/** Phone-like values are often typed unquoted in YAML and read as numbers: accept both. */
const textOrNumber = (label: string) => z.union([z.number().transform(String), text(label)]);

/**
 * One entry of site.yaml's 栏目: a built-in column by its name (`- 社会救助`), or the office's own
 * column with its URL code (`- 名称: 村务公开` / `代码: cunwu`), optionally with a 说明.
 */
const columnEntry = z.union(
  [
    text('栏目'),
    z.strictObject({ 名称: text('栏目名称'), 代码: text('栏目代码').optional(), 说明: text('栏目说明').optional() }),
  ],
  { error: '栏目的每一项应为栏目名称，或含“名称”“代码”的一项' },
);

const columnList = z
  .array(columnEntry, { error: '栏目应为列表（每行以“- ”开头）' })
  .min(1, { error: '栏目列表不能为空；不写 栏目 时按机构类型使用默认栏目' })
  .transform((entries, ctx): Column[] => {
    const columns: Column[] = [];
    for (const entry of entries) {
      const { 名称: name, 代码: code, 说明: description } = typeof entry === 'string' ? { 名称: entry } : entry;
      const builtIn = BUILT_IN_COLUMNS.get(name);
      if (!code && !builtIn) {
        issue(ctx, `“${name}”不是内置栏目，需要一个网址代码`, {
          kind: 'column-without-code',
          fix: `写成两行：- 名称: ${name} 和 代码: （小写拼音或字母，如 cunwu），网址为 /fading/代码/`,
        });
        continue;
      }
      if (code && !COLUMN_CODE.test(code)) {
        issue(ctx, `栏目“${name}”的代码“${code}”不能用作网址`, {
          kind: 'bad-column-code',
          fix: '代码用小写字母开头，只含小写字母、数字和“-”，例如 cunwu',
        });
        continue;
      }
      const column: Column = builtIn
        ? { ...builtIn, ...(code && { code }), ...(description && { description }) }
        : { code: code!, name, group: 'office', ...(description && { description }) };
      const twin = columns.find((c) => c.code === column.code || c.name === column.name);
      if (twin) {
        issue(
          ctx,
          `栏目“${column.name}”与“${twin.name}”的${twin.name === column.name ? '名称' : `代码 ${column.code} `}重复`,
          {
            kind: 'duplicate-column',
            fix: '每个栏目的名称和代码都只能出现一次',
          },
        );
        continue;
      }
      columns.push(column);
    }
    return columns;
  });

/** Git hosts the editor can save to: GitHub, GitLab, Gitea (Forgejo speaks Gitea's API). */
export const GIT_PLATFORMS = ['github', 'gitlab', 'gitea'] as const;

const gitHost = z.strictObject(
  {
    平台: z.enum(GIT_PLATFORMS, { error: '代码仓库的平台只能是 github、gitlab 或 gitea（Forgejo 也填 gitea）' }),
    仓库: text('仓库').regex(/^[\w.-]+(\/[\w.-]+)+$/, { error: '仓库写成 所有者/仓库名，例如 shilizhen/gongkai' }),
    分支: text('分支').optional(),
    /** A self-hosted GitLab, Gitea or Forgejo: its address. */
    网址: z
      .url({ protocol: /^https?$/, error: '代码仓库的网址应以 https:// 开头，例如 https://git.example.gov.cn' })
      .optional(),
    /** The OAuth application's client ID, for signing in without a token (GitLab, Gitea: PKCE). */
    应用ID: text('应用ID').optional(),
  },
  { error: '代码仓库应包含 平台 和 仓库 两项（可选：分支、网址、应用ID）' },
);

export const SiteConfigSchema = z
  .strictObject({
    /** Full name of the organ, never an abbreviation: `示例镇人民政府`. */
    机关名称: text('机关名称'),
    /** 9-character 组织机构代码 (no "-") or 18-character 统一社会信用代码: the default 索引号 prefix. */
    机构代码: text('机构代码').superRefine((value, ctx) => {
      if (!ORGAN_CODE.test(value)) {
        issue(ctx, `“${value}”不是9位组织机构代码或18位统一社会信用代码`, {
          kind: 'bad-organ-code',
          fix: '填写去掉“-”的9位组织机构代码，或18位统一社会信用代码（数字和大写字母）',
        });
      }
    }),
    /** Public URL of the site, for canonical links, sitemap and feeds: `https://gk.example.gov.cn/`. */
    网址: text('网址')
      .superRefine((value, ctx) => {
        // It becomes every page's canonical link and the RSS and sitemap addresses: only a web address will do.
        if (!z.url({ protocol: /^https?$/ }).safeParse(value).success) {
          issue(ctx, `“${value}”不是以 http:// 或 https:// 开头的完整网址`, {
            kind: 'bad-site-url',
            fix: '填写网站的公开网址，例如 网址: https://gk.example.gov.cn/',
          });
        }
      })
      .optional(),
    地址: text('地址').optional(),
    邮编: textOrNumber('邮编').optional(),
    办公时间: text('办公时间').optional(),
    电话: textOrNumber('电话').optional(),
    传真: textOrNumber('传真').optional(),
    电子邮箱: z.email({ error: '电子邮箱格式不对，例如 gk@example.gov.cn' }).optional(),
    /** Replaces the default 主题分类 when given. */
    分类: z
      .array(text('分类'), { error: '分类应为列表（每行以“- ”开头）' })
      .min(1, { error: '分类列表不能为空' })
      .optional(),
    /** ICP 备案号: `粤ICP备12345678号-1`. */
    备案号: text('备案号').optional(),
    /** 公安机关备案号, where the site has one. */
    公安备案号: text('公安备案号').optional(),
    /** 网站标识码 issued by the government-website registry. */
    网站标识码: textOrNumber('网站标识码').optional(),
    /**
     * 是: MDX notices are compiled and run as code by Astro (import, export, `{…}` expressions,
     * any component). Content is then code: anyone who can edit a notice can run any program on
     * the machine that builds the site. Off unless an office writes 是.
     */
    /** Decides the default 法定主动公开内容 columns (columns.ts). */
    机构类型: z.enum(OFFICE_KINDS, { error: `机构类型只能是 ${OFFICE_KINDS.join('、')} 之一` }).optional(),
    /** Replaces the default columns of the 机构类型 when given. */
    栏目: columnList.optional(),
    MDX可执行代码: z.enum(['是', '否'], { error: 'MDX可执行代码只能填 是 或 否（不填即为 否）' }).optional(),
    /**
     * The editor at /guanli/ (src/cms/): on unless an office writes 否. It is static files that run
     * only in a clerk's browser, with the clerk's own folder or git account: nothing on the server.
     */
    在线编辑: z.enum(['是', '否'], { error: '在线编辑只能填 是 或 否（不填即为 是）' }).optional(),
    /** Where /guanli/ saves when a clerk signs in to a git host instead of opening a local folder. */
    代码仓库: gitHost.optional(),
  })
  .transform((raw) => ({
    name: raw.机关名称,
    organCode: raw.机构代码,
    url: raw.网址,
    address: raw.地址,
    postcode: raw.邮编,
    officeHours: raw.办公时间,
    phone: raw.电话,
    fax: raw.传真,
    email: raw.电子邮箱,
    taxonomy: raw.分类 ?? DEFAULT_TAXONOMY,
    icp: raw.备案号,
    psb: raw.公安备案号,
    siteCode: raw.网站标识码,
    mdxCode: raw.MDX可执行代码 === '是',
    officeKind: raw.机构类型,
    columns: raw.栏目 ?? defaultColumns(raw.机构类型),
    cms: raw.在线编辑 !== '否',
    gitHost: raw.代码仓库 && {
      platform: raw.代码仓库.平台,
      repo: raw.代码仓库.仓库,
      branch: raw.代码仓库.分支,
      url: raw.代码仓库.网址,
      appId: raw.代码仓库.应用ID,
    },
  }));

export type SiteConfig = z.output<typeof SiteConfigSchema>;
export const SITE_KEYS = Object.keys(SiteConfigSchema.in.shape);
