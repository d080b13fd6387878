/**
 * npm run deploy [-- --target NAME --out DIR --config FILE --dry-run --rollback]
 * Puts the built site (OUT, default dist/) on a target named in deploy.yaml: the office's own
 * server over ssh + rsync, or S3-compatible object storage. Nothing is uploaded unless the
 * deploy file is right, the keys are there and OUT is a complete site from `npm run build`.
 */
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  DEFAULT_CONFIG_FILE,
  DEPLOY_GUIDE,
  chooseTarget,
  parseDeployConfig,
  type DeployTarget,
  type S3Target,
  type SshTarget,
} from '../deploy/deploy-config.ts';
import { DeployError } from '../deploy/deploy-error.ts';
import { guardOut } from '../deploy/out-guard.ts';
import { deployToS3, s3CredentialsFrom } from '../deploy/s3-target.ts';
import { formatBytes } from '../deploy/site-files.ts';
import { deployOverSsh, rollbackOverSsh, sshSetupReason } from '../deploy/ssh-target.ts';
import { printProblems } from './report.ts';

const USAGE =
  '用法：npm run deploy -- [--target 目标名称] [--out 网站文件夹] [--config 部署文件] [--dry-run] [--rollback]';

const OPTIONS = {
  target: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  'dry-run': { type: 'boolean' },
  rollback: { type: 'boolean' },
} as const;

const log = (line: string) => console.log(line);

async function main(args: string[]): Promise<number> {
  let values: { target?: string; out?: string; config?: string; 'dry-run'?: boolean; rollback?: boolean };
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    console.error(`${optionError(error)}\n${USAGE}`);
    return 1;
  }

  const configPath = resolve(values.config ?? DEFAULT_CONFIG_FILE);
  const configFile = shownPath(configPath);
  const bytes = await readFile(configPath).catch(() => undefined);
  if (!bytes) {
    console.error(
      `找不到部署文件 ${configFile}。请在项目文件夹中新建 ${DEFAULT_CONFIG_FILE}，写明要部署到的服务器或对象存储` +
        `（写法见 ${DEPLOY_GUIDE}），或用 --config 指定部署文件。`,
    );
    return 1;
  }
  const config = parseDeployConfig(configFile, bytes);
  if (!config.ok) {
    printProblems(config.problems);
    return 1;
  }
  const chosen = chooseTarget(config.targets, values.target, configFile);
  if (!chosen.ok) {
    console.error(chosen.error);
    return 1;
  }
  const { target } = chosen;
  const out = resolve(values.out ?? 'dist');
  if (isInside(configPath, out)) {
    console.error(
      `部署文件 ${configFile} 在网站文件夹 ${out} 里，生成网站时会被删除。请把它放在项目文件夹中（例如 ${DEFAULT_CONFIG_FILE}）。`,
    );
    return 1;
  }

  if (target.kind === 'ssh') return deploySsh(target, out, configFile, values);
  return deployS3(target, out, configFile, values);
}

type Values = { target?: string; 'dry-run'?: boolean; rollback?: boolean };

async function deploySsh(target: SshTarget, out: string, configFile: string, values: Values): Promise<number> {
  const dryRun = values['dry-run'] ?? false;
  const setup = sshSetupReason(process.env);
  if (setup) {
    console.error(setup);
    return 1;
  }
  const options = { log, dryRun, configFile, env: process.env };
  const started = performance.now();
  if (values.rollback) {
    const { from, to, kept } = await rollbackOverSsh(target, options);
    if (!dryRun)
      log(
        `回滚完成：${describe(target)}的 current 已从 releases/${from} 改回 releases/${to}（用时 ${seconds(started)} 秒）。` +
          `\n服务器上的版本：${kept.join('、')}。releases/${from} 已撤下，下次部署时删除。`,
      );
    return 0;
  }
  const guard = await guardOut(out);
  if (!guard.ok) {
    console.error(guard.error);
    return 1;
  }
  try {
    log(`${dryRun ? '试运行：' : ''}部署 ${out}（生成编号 ${guard.build}）到${describe(target)}`);
    const summary = await deployOverSsh(target, out, guard.build, options);
    if (!dryRun)
      log(
        `部署完成：current 已指向 releases/${summary.release}。共 ${summary.files} 个文件，传送 ${summary.transferred} 个` +
          `（发送 ${formatBytes(summary.bytesSent)}），其余与上一版本相同，以硬链接保存（用时 ${seconds(started)} 秒）。` +
          `\n服务器上保留的版本：${summary.kept.join('、')}。要退回上一版本：npm run deploy -- --target ${target.name} --rollback`,
      );
    return 0;
  } finally {
    guard.release();
  }
}

async function deployS3(target: S3Target, out: string, configFile: string, values: Values): Promise<number> {
  const dryRun = values['dry-run'] ?? false;
  const credentials = s3CredentialsFrom(process.env);
  if (!credentials.ok) {
    console.error(credentials.error);
    return 1;
  }
  if (values.rollback) {
    console.error(
      `对象存储没有可以瞬间切换的“上一版本”，--rollback 只用于服务器（类型: ssh）。要恢复上一版网站，请用上一版的内容重新生成并部署` +
        '（例如在版本库中检出上一版的内容文件夹，运行 npm run build，再运行 npm run deploy）。',
    );
    return 1;
  }
  const guard = await guardOut(out);
  if (!guard.ok) {
    console.error(guard.error);
    return 1;
  }
  try {
    const started = performance.now();
    log(`${dryRun ? '试运行：' : ''}部署 ${out}（生成编号 ${guard.build}）到${describe(target)}`);
    const summary = await deployToS3(target, out, { credentials: credentials.credentials, dryRun, log, configFile });
    if (!dryRun && !summary.uploaded && !summary.deleted)
      log(`网站没有变化：${summary.files} 个文件都已是最新，未上传任何文件（用时 ${seconds(started)} 秒）。`);
    else if (!dryRun)
      log(
        `部署完成：上传 ${summary.uploaded} 个文件（${formatBytes(summary.uploadedBytes)}），删除 ${summary.deleted} 个网站中已没有的文件，` +
          `${summary.unchanged} 个文件不变（共 ${summary.files} 个文件，用时 ${seconds(started)} 秒）。`,
      );
    return 0;
  } finally {
    guard.release();
  }
}

function describe(target: DeployTarget): string {
  return target.kind === 'ssh'
    ? `服务器“${target.name}”（${target.user}@${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.dir}）`
    : `对象存储“${target.name}”（${target.endpoint} 的存储桶 ${target.bucket}${target.prefix ? `，前缀 ${target.prefix}` : ''}）`;
}

/** parseArgs' complaint in Chinese. */
function optionError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(message ?? '')?.[1]?.split(' ')[0];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不认识的选项 ${option ?? ''}。`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${option ?? ''} 后面要写一个值。`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 ${option ?? ''}：选项要以 -- 开头。`;
  return `选项有误：${message ?? String(error)}`;
}

/** A path as the office typed it relative to here, or absolute when it is elsewhere. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof DeployError) console.error(`部署失败：${error.message}`);
  else {
    console.error(`部署失败：${(error as Error)?.message ?? String(error)}`);
    if (process.env.GONGKAI_DEBUG) console.error((error as Error)?.stack);
    else console.error('（设置环境变量 GONGKAI_DEBUG=1 再运行，可看到出错的详细位置。）');
  }
  process.exitCode = 1;
}
