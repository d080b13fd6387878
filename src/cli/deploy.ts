/**
 * npm run deploy [-- --target NAME --out DIR --config FILE --dry-run --rollback --unlock]
 * Puts the built site (OUT, default dist/) on a target named in deploy.yaml: the office's own
 * server over ssh + rsync, or S3-compatible object storage. Nothing is uploaded unless the
 * deploy file is right, the keys are there and OUT is a complete site from `npm run build`.
 * One deploy at a time per target, from whatever computer: each holds a lock on the target
 * (deploy-lock.ts), released at the end however the deploy ends, short of being killed;
 * `--unlock` clears one that a killed deploy left.
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
import { deployToS3, s3CredentialsFrom, unlockS3 } from '../deploy/s3-target.ts';
import { formatBytes } from '../deploy/site-files.ts';
import { deployOverSsh, rollbackOverSsh, sshSetupReason, unlockOverSsh } from '../deploy/ssh-target.ts';
import { printProblems } from './report.ts';

const USAGE =
  '用法：npm run deploy -- [--target 目标名称] [--out 网站文件夹] [--config 部署文件] [--dry-run] [--rollback] [--unlock]';

const OPTIONS = {
  target: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  'dry-run': { type: 'boolean' },
  rollback: { type: 'boolean' },
  unlock: { type: 'boolean' },
} as const;

const log = (line: string) => console.log(line);

/**
 * Ctrl+C, a closed terminal or a CI job's cancel: the running ssh, rsync or upload is ended and
 * the deploy unwinds, releasing the target's lock, instead of dying with it held.
 */
const interrupt = new AbortController();
let interruptedBy: NodeJS.Signals | undefined;
let interruptedAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => {
    // OUT's lock (src/build/out/out-lock.ts) raises the signal again after releasing itself:
    // that is not a second Ctrl+C. A real second one, a moment later, ends at once.
    if (interruptedBy && performance.now() - interruptedAt > 1000) process.exit(signalExitCode(interruptedBy));
    if (interruptedBy) return;
    interruptedBy = signal;
    interruptedAt = performance.now();
    console.error(`收到 ${signal}，正在停止部署并解除部署锁……（再按一次 Ctrl+C 立即退出，锁可能留下）`);
    interrupt.abort();
  });

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
/** How a shell reports a command ended by `signal`. */
const signalExitCode = (signal: NodeJS.Signals) => 128 + (SIGNAL_NUMBERS[signal] ?? 0);

async function main(args: string[]): Promise<number> {
  let values: Values & { out?: string; config?: string };
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    console.error(`${optionError(error)}\n${USAGE}`);
    return 1;
  }
  if (values.unlock && values.rollback) {
    console.error(`--unlock 和 --rollback 不能同时使用：先用 --unlock 解除锁，再单独运行 --rollback。\n${USAGE}`);
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

  const unlockCommand = `npm run deploy -- --target ${target.name}${configFile === DEFAULT_CONFIG_FILE ? '' : ` --config ${configFile}`} --unlock`;
  if (target.kind === 'ssh') return deploySsh(target, out, configFile, unlockCommand, values);
  return deployS3(target, out, configFile, unlockCommand, values);
}

type Values = { target?: string; 'dry-run'?: boolean; rollback?: boolean; unlock?: boolean };

/** What --unlock found and did, for both kinds of target. */
function reportUnlock(holder: string | undefined, where: string, dryRun: boolean): number {
  if (!holder) log(`${where}没有部署锁，不需要解除。`);
  else if (dryRun) log(`试运行（--dry-run），没有解除。${where}的部署锁属于：${holder}。`);
  else
    log(
      `已解除${where}的部署锁。它属于：${holder}。如果那次部署其实还在运行，请等它结束后再部署一次，以保证网上是完整的网站。`,
    );
  return 0;
}

async function deploySsh(
  target: SshTarget,
  out: string,
  configFile: string,
  unlockCommand: string,
  values: Values,
): Promise<number> {
  const dryRun = values['dry-run'] ?? false;
  const setup = sshSetupReason(process.env);
  if (setup) {
    console.error(setup);
    return 1;
  }
  const options = { log, dryRun, configFile, env: process.env, unlockCommand, signal: interrupt.signal };
  const started = performance.now();
  if (values.unlock) return reportUnlock(await unlockOverSsh(target, options), describe(target), dryRun);
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
    log(
      `${dryRun ? '试运行：' : ''}部署 ${out}（生成编号 ${guard.build}${guard.base === '/' ? '' : `，网址前缀 ${guard.base}`}）到${describe(target)}`,
    );
    const summary = await deployOverSsh(target, out, { build: guard.build, base: guard.base }, options);
    if (!dryRun)
      log(
        `部署完成：current 已指向 releases/${summary.release}${summary.sub ? `，网站在其中的 ${summary.sub}（网址 ${guard.base}）` : ''}。共 ${summary.files} 个文件，传送 ${summary.transferred} 个` +
          `（发送 ${formatBytes(summary.bytesSent)}），其余与上一版本相同，以硬链接保存（用时 ${seconds(started)} 秒）。` +
          `\n服务器上保留的版本：${summary.kept.join('、')}。要退回上一版本：npm run deploy -- --target ${target.name} --rollback`,
      );
    return 0;
  } finally {
    guard.release();
  }
}

async function deployS3(
  target: S3Target,
  out: string,
  configFile: string,
  unlockCommand: string,
  values: Values,
): Promise<number> {
  const dryRun = values['dry-run'] ?? false;
  const credentials = s3CredentialsFrom(process.env);
  if (!credentials.ok) {
    console.error(credentials.error);
    return 1;
  }
  const options = {
    credentials: credentials.credentials,
    dryRun,
    log,
    configFile,
    unlockCommand,
    signal: interrupt.signal,
  };
  if (values.unlock) return reportUnlock(await unlockS3(target, options), describe(target), dryRun);
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
    if (guard.base !== '/' && !`/${target.prefix}`.endsWith(guard.base))
      log(
        `注意：网站是用 --base ${guard.base} 生成的，而${configFile} 中“${target.name}”的 前缀 是“${target.prefix}”：` +
          `读者要在 ${guard.base} 下访问到网站，前缀一般应以 ${guard.base.slice(1)} 结尾（CDN 另行改写路径时除外）。`,
      );
    const summary = await deployToS3(target, out, options);
    const restyled = summary.restyled ? `，${summary.restyled} 个文件只更新了响应头（未重新上传）` : '';
    if (!dryRun && !summary.uploaded && !summary.deleted && !summary.restyled)
      log(`网站没有变化：${summary.files} 个文件都已是最新，未上传任何文件（用时 ${seconds(started)} 秒）。`);
    else if (!dryRun)
      log(
        `部署完成：上传 ${summary.uploaded} 个文件（${formatBytes(summary.uploadedBytes)}），删除 ${summary.deleted} 个网站中已没有的文件${restyled}，` +
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
  if (interruptedBy) process.exitCode = signalExitCode(interruptedBy);
} catch (error) {
  if (interruptedBy) {
    console.error(
      `部署已中断（${interruptedBy}）。网上仍是完整的网站：服务器上 current 指向的版本不会缺文件；对象存储上原来的页面和它们用到的文件都还在。` +
        '再运行一次 npm run deploy 即可。',
    );
  } else if (error instanceof DeployError) console.error(`部署失败：${error.message}`);
  else {
    console.error(`部署失败：${(error as Error)?.message ?? String(error)}`);
    if (process.env.GONGKAI_DEBUG) console.error((error as Error)?.stack);
    else console.error('（设置环境变量 GONGKAI_DEBUG=1 再运行，可看到出错的详细位置。）');
  }
  process.exitCode = interruptedBy ? signalExitCode(interruptedBy) : 1;
}
