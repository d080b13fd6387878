/**
 * deploy.yaml: where `npm run deploy` puts the built site. It lives in the project folder, not
 * the content folder (editors never need it, and nothing of it is published). Each top-level
 * key names a target:
 *
 *   服务器:              # the office's own nginx server, over ssh + rsync
 *     类型: ssh
 *     主机: gk.example.gov.cn
 *     端口: 22
 *     用户: deploy
 *     目录: /var/www/gongkai
 *   对象存储:            # S3-compatible object storage: OSS, COS, OBS, MinIO
 *     类型: s3
 *     端点: https://oss-cn-hangzhou.aliyuncs.com
 *     区域: cn-hangzhou
 *     存储桶: gk-example
 *     前缀: gk/
 *     路径风格: 否
 *
 * Secrets never go in this file (it is copied, mailed, committed): keys come from environment
 * variables and ssh keys from the ssh agent. A key or value that looks like a secret is refused.
 * The YAML is read as site.yaml is (yaml-fields.ts: no anchors, tags or invisible characters).
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { decodeSource } from '../content/source-text.ts';
import { parseYamlFields } from '../domain/notice/yaml-fields.ts';
import type { Problem } from '../domain/problems.ts';

export const DEFAULT_CONFIG_FILE = 'deploy.yaml';

/** Where the office reads how to write the file. */
export const DEPLOY_GUIDE = 'docs/deploy.md“一条命令上传（npm run deploy）”一节';

export interface SshTarget {
  kind: 'ssh';
  name: string;
  host: string;
  port: number;
  user: string;
  /** Absolute folder on the server holding `releases/` and the `current` symlink. */
  dir: string;
}

export interface S3Target {
  kind: 's3';
  name: string;
  endpoint: string;
  region: string;
  bucket: string;
  /** '' or a key prefix ending in '/': `gk/`. */
  prefix: string;
  pathStyle: boolean;
}

export type DeployTarget = SshTarget | S3Target;

export type ConfigResult = { ok: true; targets: DeployTarget[] } | { ok: false; problems: Problem[] };

const SSH_KEYS = ['类型', '主机', '端口', '用户', '目录'] as const;
const S3_KEYS = ['类型', '端点', '区域', '存储桶', '前缀', '路径风格'] as const;

const SECRET_FIX =
  '删掉这一行。对象存储的密钥用环境变量 GONGKAI_S3_ACCESS_KEY_ID 和 GONGKAI_S3_SECRET_ACCESS_KEY 提供；' +
  '服务器用 ssh 密钥登录（ssh-agent，或用环境变量 GONGKAI_SSH_KEY 指定私钥文件）';

/** Keys an office might use to write a secret into the file. */
const SECRET_KEY =
  /密码|口令|密钥|私钥|秘钥|令牌|凭证|凭据|secret|passw|token|credential|access[-_ ]?key|secret[-_ ]?id|^(ak|sk|key|pwd)$/i;
/** Values shaped like the vendors' access key ids: Aliyun LTAI…, Tencent AKID…, AWS AKIA…/ASIA…. */
const SECRET_VALUE = /^(LTAI|AKID|AKIA|ASIA)[A-Za-z0-9]{12,}$/;

const text = (label: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `缺少“${label}”` : `${label}应为文字`) })
    .trim()
    .min(1, { error: `${label}不能为空` });

const yesNo = (label: string) =>
  z.enum(['是', '否'], { error: `${label}只能填 是 或 否` }).transform((value) => value === '是');

/** A host name, an IPv4 address or an IPv6 address (with or without brackets). */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?)$/;
const USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
/** Kept to characters no shell, rsync or ssh quotes differently: the path goes through all three. */
const SERVER_DIR = /^\/[A-Za-z0-9._/-]*$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const SshSchema = z.strictObject({
  类型: z.literal('ssh'),
  主机: text('主机').refine((host) => HOST.test(host) && !host.includes('@'), {
    error: '主机应为服务器的域名或 IP 地址，例如 gk.example.gov.cn 或 2001:db8::10（不要写用户名、端口或 ssh://）',
  }),
  端口: text('端口')
    .regex(/^\d{1,5}$/, { error: '端口应为 1 到 65535 的数字，例如 22' })
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, { error: '端口应为 1 到 65535 的数字，例如 22' })
    .optional(),
  用户: text('用户').regex(USER, { error: '用户应为服务器上的登录用户名，例如 deploy（只含字母、数字、_ . -）' }),
  目录: text('目录')
    .regex(SERVER_DIR, {
      error: '目录应为服务器上以 / 开头的完整路径，只含字母、数字和 . _ - /，例如 /var/www/gongkai',
    })
    .refine((dir) => !dir.split('/').includes('..') && dir.replace(/\/+$/, '') !== '', {
      error: '目录不能是根目录 /，也不能含 ..；例如 /var/www/gongkai',
    }),
});

const S3Schema = z.strictObject({
  类型: z.literal('s3'),
  端点: text('端点').superRefine((value, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || (url.pathname !== '/' && url.pathname !== '') || url.search)
      ctx.addIssue({
        code: 'custom',
        message: `“${value}”不是对象存储的端点网址：应以 https:// 开头、只含主机名，例如 https://oss-cn-hangzhou.aliyuncs.com`,
      });
    else if (url.username || url.password)
      ctx.addIssue({ code: 'custom', message: '端点网址里不能写用户名或密钥', params: { secret: true } });
  }),
  区域: text('区域').regex(/^[A-Za-z0-9-]+$/, {
    error: '区域应为对象存储的地域代号，例如 cn-hangzhou（阿里云）、ap-guangzhou（腾讯云）、cn-north-4（华为云）',
  }),
  存储桶: text('存储桶').regex(BUCKET, {
    error: '存储桶应为存储桶的名称（3 到 63 个小写字母、数字、- 或 .），例如 gk-example；不要写成网址',
  }),
  前缀: z
    .string({ error: '前缀应为文字，例如 gk/' })
    .trim()
    .refine((prefix) => /^[A-Za-z0-9._/-]*$/.test(prefix) && !prefix.split('/').some((s) => s === '..' || s === '.'), {
      error: '前缀只能含字母、数字和 . _ - /，不能含 .. ；例如 gk/',
    })
    .optional(),
  路径风格: yesNo('路径风格').optional(),
});

/** Reads and checks the deploy file. `file` is shown to the office as given (e.g. `deploy.yaml`). */
export function parseDeployConfig(file: string, bytes: Uint8Array): ConfigResult {
  const decoded = decodeSource(bytes);
  if (!decoded.ok)
    return fail({
      file,
      line: decoded.line,
      field: '文件',
      message: decoded.message,
      fix: `用记事本或 VS Code 打开 ${file}，“另存为”UTF-8 编码`,
      kind: decoded.kind,
    });
  const { fields, problems } = parseYamlFields(file, decoded.text);
  // Fields read despite full-width colons (yaml-full-width.ts) are not good enough to deploy with.
  if (!fields || problems.length) return { ok: false, problems };
  const lines = nestedKeyLines(decoded.text);
  const lineOf = (path: readonly string[]) =>
    lines.get(path.join('\u0000')) ?? lines.get(path.slice(0, 1).join('\u0000'));

  const found: Problem[] = [];
  const targets: DeployTarget[] = [];
  const names = Object.keys(fields.data);
  if (names.length === 0)
    return fail({
      file,
      line: 1,
      field: '文件',
      message: '部署文件里没有任何部署目标',
      fix: `至少写一个目标，例如“服务器:”下一行缩进两格写“类型: ssh”，写法见 ${DEPLOY_GUIDE}`,
      kind: 'no-deploy-target',
    });
  for (const name of names) {
    const value = fields.data[name];
    const problem = (path: readonly string[], message: string, fix: string, kind: string): Problem => ({
      file,
      line: lineOf([name, ...path]),
      field: [name, ...path].join('.'),
      message,
      fix,
      severity: 'error',
      kind,
    });
    if (SECRET_KEY.test(name)) {
      found.push(problem([], `部署文件里不能写密钥或密码（“${name}”）`, SECRET_FIX, 'secret-in-deploy-file'));
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      found.push(
        problem(
          [],
          `部署目标“${name}”应为“字段: 值”的列表`,
          `在“${name}:”下面每行缩进两格写一个字段，例如“  类型: ssh”`,
          'bad-deploy-target',
        ),
      );
      continue;
    }
    const entries = value as Record<string, unknown>;
    const secrets = Object.entries(entries).filter(
      ([key, v]) => SECRET_KEY.test(key) || (typeof v === 'string' && SECRET_VALUE.test(v.trim())),
    );
    for (const [key] of secrets)
      found.push(problem([key], '部署文件里不能写密钥或密码', SECRET_FIX, 'secret-in-deploy-file'));
    if (secrets.length) continue;

    const kind = entries['类型'];
    if (kind !== 'ssh' && kind !== 's3') {
      found.push(
        problem(
          kind === undefined ? [] : ['类型'],
          kind === undefined ? `部署目标“${name}”缺少“类型”` : `类型“${String(kind)}”不认识`,
          '写“类型: ssh”（本单位的服务器，用 rsync 上传）或“类型: s3”（对象存储：阿里云 OSS、腾讯云 COS、华为云 OBS、MinIO）',
          'bad-deploy-kind',
        ),
      );
      continue;
    }
    const schema = kind === 'ssh' ? SshSchema : S3Schema;
    const allowed: readonly string[] = kind === 'ssh' ? SSH_KEYS : S3_KEYS;
    const parsed = schema.safeParse(entries);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys)
            found.push(
              problem(
                [key],
                `不认识的字段“${key}”`,
                `检查拼写；类型为 ${kind} 的目标可写的字段：${allowed.join('、')}`,
                'unknown-field',
              ),
            );
          continue;
        }
        const key = String(issue.path[0] ?? '');
        if (key && !(key in entries)) {
          found.push(
            problem(
              [key],
              `缺少“${key}”`,
              `在“${name}:”下面加一行“  ${key}: …”，写法见 ${DEPLOY_GUIDE}`,
              'missing-field',
            ),
          );
          continue;
        }
        const secret = (issue as { params?: { secret?: boolean } }).params?.secret;
        found.push(
          problem(
            key ? [key] : [],
            issue.message,
            secret ? SECRET_FIX : `改正“${key}”的值，写法见 ${DEPLOY_GUIDE}`,
            secret ? 'secret-in-deploy-file' : 'invalid-value',
          ),
        );
      }
      continue;
    }
    targets.push(toTarget(name, parsed.data));
  }
  if (found.length) return { ok: false, problems: found };
  return { ok: true, targets };
}

function toTarget(name: string, data: z.output<typeof SshSchema> | z.output<typeof S3Schema>): DeployTarget {
  if (data.类型 === 'ssh')
    return {
      kind: 'ssh',
      name,
      host: data.主机.replace(/^\[|\]$/g, ''),
      port: data.端口 ?? 22,
      user: data.用户,
      dir: data.目录.replace(/\/+$/, ''),
    };
  const prefix = (data.前缀 ?? '').replace(/^\/+/, '').replace(/\/+$/, '');
  return {
    kind: 's3',
    name,
    endpoint: data.端点.replace(/\/+$/, ''),
    region: data.区域,
    bucket: data.存储桶,
    prefix: prefix ? `${prefix}/` : '',
    pathStyle: data.路径风格 ?? false,
  };
}

/** The target `--target` names, or the only one; otherwise why not, in words for the office. */
export function chooseTarget(
  targets: readonly DeployTarget[],
  wanted: string | undefined,
  file: string,
): { ok: true; target: DeployTarget } | { ok: false; error: string } {
  const names = targets.map((t) => t.name).join('、');
  if (wanted !== undefined) {
    const target = targets.find((t) => t.name === wanted);
    return target
      ? { ok: true, target }
      : { ok: false, error: `${file} 里没有名为“${wanted}”的部署目标。已有的目标：${names}。` };
  }
  if (targets.length === 1) return { ok: true, target: targets[0]! };
  return {
    ok: false,
    error: `${file} 里有 ${targets.length} 个部署目标（${names}），请用 --target 指定一个，例如 npm run deploy -- --target ${targets[0]!.name}`,
  };
}

/** Line of every key, top-level (`名称`) and one level down (`名称\0字段`). */
function nestedKeyLines(yamlText: string): Map<string, number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter });
  const lines = new Map<string, number>();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = String(pair.key.value);
    lines.set(name, lineAt(pair.key.range[0]));
    if (!isMap(pair.value)) continue;
    for (const inner of pair.value.items)
      if (isScalar(inner.key) && inner.key.range)
        lines.set(`${name}\u0000${String(inner.key.value)}`, lineAt(inner.key.range[0]));
  }
  return lines;
}

function fail(problem: Omit<Problem, 'severity'>): ConfigResult {
  return { ok: false, problems: [{ ...problem, severity: 'error' }] };
}
