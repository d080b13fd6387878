/**
 * Deploying to the office's own server: rsync over ssh into a new release folder, then an atomic
 * switch of the `current` symlink nginx serves (remote-releases.sh does the server's side).
 *
 * 1. `prepare` on the server: makes `<目录>/releases/`, takes the deploy lock
 *    (`<目录>/.deploy-lock`), clears uploads cut off earlier, makes the new release's folder,
 *    says which release is current.
 * 2. rsync OUT into `releases/<name>.uploading/` (into its `gk/` for a site built with
 *    `--base /gk/`: nginx's root stays `<目录>/current`), with `--link-dest` to the same folder
 *    of the current release and `--checksum`: a file whose bytes are unchanged is hard-linked, not
 *    sent, so a deploy sends only what changed and every release is still a complete folder of
 *    its own. Hidden files (the build's marker) are not sent.
 * 3. `switch` on the server: renames the upload to `releases/<name>`, renames a new symlink over
 *    `current`, keeps the newest three releases, releases the lock.
 * Readers see the previous site until the rename and the new one after it, never a mix. A deploy
 * that fails or is interrupted releases the lock on its way out; one that dies leaves it, and
 * `--unlock` clears it. `--rollback` points `current` back at the release before it, under the
 * same lock.
 *
 * ssh and rsync are the system's own (OpenSSH, rsync 3): the office's keys, agent, ~/.ssh/config
 * and known_hosts apply as in any ssh session. No password is ever handled here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { SshTarget } from './deploy-config.ts';
import { DeployError, type DeployLog } from './deploy-error.ts';
import {
  decodeOwner,
  deployOwner,
  describeHolder,
  encodeOwner,
  lockToken,
  lockedMessage,
  type DeployOwner,
} from './deploy-lock.ts';
import { formatBytes, listSiteFiles } from './site-files.ts';
import { chinaTimeParts } from '../domain/text/china-time.ts';

const REMOTE_SCRIPT = readFileSync(new URL('./remote-releases.sh', import.meta.url), 'utf8');

export interface SshOptions {
  log: DeployLog;
  dryRun: boolean;
  /** The deploy file as shown to the office, for messages that name a field. */
  configFile: string;
  env: NodeJS.ProcessEnv;
  /** The command that clears this target's lock, for the message that refuses a deploy. */
  unlockCommand: string;
  /** Ends the running ssh or rsync (Ctrl+C); the lock is still released afterwards. */
  signal?: AbortSignal;
  /** Who this deploy is, as the lock records it; this process by default. */
  owner?: DeployOwner;
}

export interface SshDeploySummary {
  release: string;
  /** The site's folder in the release: `gk/` for `--base /gk/`, '' at the root. */
  sub: string;
  files: number;
  transferred: number;
  bytesSent: number;
  kept: string[];
}

interface RemoteState {
  current: string;
  releases: string[];
  removed: string[];
  from?: string;
  /** The release folder `prepare` made (the name asked for, or with -2, -3… if taken). */
  upload?: string;
  /** The current release, when it has the site's folder to hard-link unchanged files from. */
  linkDest?: string;
  unlocked: boolean;
  /** Who holds the lock, when someone does. */
  holder?: string;
}

type Action = 'inspect' | 'prepare' | 'switch' | 'rollback' | 'unlock' | 'break-lock';

/** Why ssh or rsync cannot be run here, or the deploy's own ssh settings are wrong; undefined when fine. */
export function sshSetupReason(env: NodeJS.ProcessEnv): string | undefined {
  const missing = (command: string, args: string[]) =>
    (spawnSync(command, args, { stdio: 'ignore' }).error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  if (missing('ssh', ['-V']))
    return '本机没有 ssh 命令：请安装 OpenSSH 客户端（Debian/Ubuntu：apt install openssh-client）。';
  if (missing('rsync', ['--version']))
    return '本机没有 rsync 命令：请安装 rsync（Debian/Ubuntu：apt install rsync；Windows 请在 WSL 中运行 npm run deploy，或改用对象存储）。';
  for (const variable of ['GONGKAI_SSH_KEY', 'GONGKAI_SSH_KNOWN_HOSTS']) {
    const file = env[variable];
    if (!file) continue;
    if (!existsSync(file)) return `环境变量 ${variable} 指向的文件 ${file} 不存在。请改正它，或删除这个环境变量。`;
    if (/['"\\\s]/.test(file))
      return `环境变量 ${variable} 指向的文件路径 ${file} 含空格、引号或反斜杠，rsync 无法使用。请把文件放到不含这些字符的路径下。`;
  }
  return undefined;
}

/**
 * The site's folder inside a release for a site built with `base` (`/gk/` → `gk/`, `/` → ''),
 * or why the server cannot take it: the folder name goes through ssh, a remote shell and rsync,
 * so it is kept to characters none of them treats specially.
 */
export function releaseSubFolder(base: string): { ok: true; sub: string } | { ok: false; error: string } {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  if (!trimmed) return { ok: true, sub: '' };
  const segments = trimmed.split('/');
  if (segments.every((segment) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(segment)))
    return { ok: true, sub: `${trimmed}/` };
  return {
    ok: false,
    error:
      `网站是用 --base ${base} 生成的，这个网址前缀含有上传到服务器时不能使用的字符，未上传任何文件。` +
      '服务器方式的网址前缀只能由字母、数字和 - _ . 组成（不以 . 开头），例如 --base /gk/：请换用这样的前缀重新生成网站，或改用对象存储。',
  };
}

/** The ssh command and options, as rsync's `-e` and for running the remote script. */
function sshArgs(target: SshTarget, env: NodeJS.ProcessEnv): string[] {
  const args = ['ssh', '-p', String(target.port), '-o', 'ConnectTimeout=20', '-o', 'ServerAliveInterval=15'];
  // Without a terminal to ask on (CI, a scheduled task), fail at once rather than wait for input.
  if (!process.stdin.isTTY) args.push('-o', 'BatchMode=yes');
  if (env.GONGKAI_SSH_KEY) args.push('-i', env.GONGKAI_SSH_KEY, '-o', 'IdentitiesOnly=yes');
  if (env.GONGKAI_SSH_KNOWN_HOSTS)
    args.push('-o', `UserKnownHostsFile=${env.GONGKAI_SSH_KNOWN_HOSTS}`, '-o', 'StrictHostKeyChecking=yes');
  return args;
}

const hostForRsync = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** remote-releases.sh's name for a release's site folder: `.` for the root. */
const subArgument = (sub: string) => sub.replace(/\/$/, '') || '.';

/**
 * Runs remote-releases.sh on the server with `action`, and reads what it printed. It ends with
 * the deploy's signal, except when releasing the lock (`interruptible` false), which must still
 * happen after Ctrl+C.
 */
async function remote(
  target: SshTarget,
  options: SshOptions,
  action: Action,
  args: string[] = [],
  interruptible = true,
): Promise<RemoteState> {
  const [command, ...sshOptions] = sshArgs(target, options.env);
  sshOptions.push('-l', target.user, target.host, 'sh', '-s', '--', action, target.dir, ...args);
  const signal = interruptible ? options.signal : undefined;
  const result = await run(command!, sshOptions, { input: REMOTE_SCRIPT, signal });
  const values = result.stdout.split('\n').map((line) => /^(\w+)=(.*)$/.exec(line.trim()));
  const all = (key: string) => values.filter((m) => m?.[1] === key).map((m) => m![2]!);
  const first = (key: string) => all(key)[0] || undefined;
  const since = first('since');
  const holder =
    first('locked') === '1'
      ? describeHolder(decodeOwner(first('holder')), since ? new Date(Number(since) * 1000) : undefined)
      : undefined;
  const error = first('error');
  if (error === 'locked')
    throw new DeployError(
      lockedMessage(
        `服务器 ${target.host} 的 ${target.dir} `,
        holder!,
        `${target.dir}/.deploy-lock`,
        options.unlockCommand,
      ),
    );
  if (error) throw new DeployError(remoteErrorMessage(error, target, options, first('current')));
  if (result.status !== 0) throw new DeployError(sshFailure(result, target, options));
  return {
    current: first('current') ?? '',
    releases: all('release'),
    removed: all('removed'),
    from: first('from'),
    upload: first('upload'),
    linkDest: first('linkdest'),
    unlocked: first('unlocked') === '1',
    holder,
  };
}

export async function deployOverSsh(
  target: SshTarget,
  out: string,
  site: { build: string; base: string },
  options: SshOptions,
): Promise<SshDeploySummary> {
  const { log, dryRun } = options;
  const folder = releaseSubFolder(site.base);
  if (!folder.ok) throw new DeployError(folder.error);
  const { sub } = folder;
  const { files } = await listSiteFiles(out);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  const where = (release: string) => `${target.dir}/releases/${release}/${sub}`;
  log(`连接服务器 ${target.user}@${hostForRsync(target.host)}，端口 ${target.port}……`);
  if (dryRun) {
    const state = await remote(target, options, 'inspect', [subArgument(sub)]);
    const release = releaseName(site.build);
    if (state.holder) log(`注意：服务器上有另一个部署正在进行（${state.holder}），现在部署会被拒绝。`);
    if (!state.linkDest) {
      log(
        `试运行（--dry-run），服务器上没有任何改动。${state.current ? `当前版本 releases/${state.current} 里没有 ${sub || '网站'}` : '服务器上还没有部署过的版本'}：` +
          `将上传全部 ${files.length} 个文件（${formatBytes(totalBytes)}）到 ${where(release)}，再让 ${target.dir}/current 指向 releases/${release}。`,
      );
      return {
        release,
        sub,
        files: files.length,
        transferred: files.length,
        bytesSent: totalBytes,
        kept: state.releases,
      };
    }
    // Compared with the current release itself: what differs from it is what the deploy would send.
    const stats = await rsync(target, out, where(state.linkDest), undefined, options);
    log(
      `试运行（--dry-run），服务器上没有任何改动。将传送 ${stats.transferred} 个文件（${formatBytes(stats.transferredSize)}），` +
        `其余 ${files.length - stats.transferred} 个与当前版本 releases/${state.current} 相同；然后 current 改为指向 releases/${release}。`,
    );
    return {
      release,
      sub,
      files: files.length,
      transferred: stats.transferred,
      bytesSent: stats.bytesSent,
      kept: state.releases,
    };
  }

  const token = lockToken();
  const owner = encodeOwner(options.owner ?? deployOwner(options.env));
  const state = await remote(target, options, 'prepare', [
    releaseName(site.build),
    subArgument(sub),
    token,
    owner,
  ]).catch(async (error: unknown) => {
    // Ctrl+C while the server was taking the lock: it may hold ours by now.
    if ((error as Error).name === 'AbortError') await releaseLock(target, options, token);
    throw error;
  });
  const release = state.upload!;
  let locked = true;
  try {
    log(
      state.current
        ? `当前版本是 releases/${state.current}；上传新版本 releases/${release}${sub ? `（网站放在其中的 ${sub}）` : ''}，与当前版本相同的文件不重复传送……`
        : `服务器上还没有部署过的版本；上传第一个版本 releases/${release}${sub ? `（网站放在其中的 ${sub}）` : ''}……`,
    );
    const stats = await rsync(
      target,
      out,
      where(`${release}.uploading`),
      state.linkDest ? where(state.linkDest) : undefined,
      options,
    );
    log('上传完成，切换 current……');
    const switched = await remote(target, options, 'switch', [release, subArgument(sub), token]);
    locked = !switched.unlocked;
    for (const name of switched.removed) log(`已删除旧版本 releases/${name}`);
    return {
      release,
      sub,
      files: files.length,
      transferred: stats.transferred,
      bytesSent: stats.bytesSent,
      kept: switched.releases,
    };
  } finally {
    if (locked) await releaseLock(target, options, token);
  }
}

/** Gives the lock back after a failure; says what to do if the server cannot be reached for it. */
async function releaseLock(target: SshTarget, options: SshOptions, token: string): Promise<void> {
  try {
    await remote(target, options, 'unlock', [token], false);
  } catch {
    options.log(
      `未能解除服务器上的部署锁 ${target.dir}/.deploy-lock（连接已断开？）。确认没有别的部署在运行后，运行 ${options.unlockCommand} 解除。`,
    );
  }
}

export async function rollbackOverSsh(
  target: SshTarget,
  options: SshOptions,
): Promise<{ from: string; to: string; kept: string[] }> {
  const { log } = options;
  log(`连接服务器 ${target.user}@${hostForRsync(target.host)}，端口 ${target.port}……`);
  if (options.dryRun) {
    const state = await remote(target, options, 'inspect', ['.']);
    if (!state.current) throw new DeployError(remoteErrorMessage('no-current', target, options, ''));
    const previous = state.releases.filter((name) => name < state.current).at(-1);
    if (!previous) throw new DeployError(remoteErrorMessage('no-previous', target, options, state.current));
    if (state.holder) log(`注意：服务器上有另一个部署正在进行（${state.holder}），现在回滚会被拒绝。`);
    log(
      `试运行（--dry-run），服务器上没有任何改动。回滚会把 current 从 releases/${state.current} 改为指向 releases/${previous}。`,
    );
    return { from: state.current, to: previous, kept: state.releases };
  }
  const owner = encodeOwner(options.owner ?? deployOwner(options.env));
  const state = await remote(target, options, 'rollback', [lockToken(), owner]);
  return { from: state.from ?? '', to: state.current, kept: state.releases };
}

/**
 * `--unlock`: removes the deploy lock whoever holds it, and says whose it was. A dry run only
 * says. Returns the holder, or undefined when there was no lock.
 */
export async function unlockOverSsh(target: SshTarget, options: SshOptions): Promise<string | undefined> {
  options.log(`连接服务器 ${target.user}@${hostForRsync(target.host)}，端口 ${target.port}……`);
  const state = await remote(target, options, options.dryRun ? 'inspect' : 'break-lock', options.dryRun ? ['.'] : []);
  return state.holder;
}

/** `20261203-120506_<build>`: China time of the deploy, so names sort by when they went up. */
function releaseName(build: string): string {
  const parts = chinaTimeParts(new Date());
  const safeBuild = build.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || 'site';
  return `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}_${safeBuild}`;
}

interface RsyncStats {
  transferred: number;
  transferredSize: number;
  bytesSent: number;
}

/**
 * rsync OUT into `destination` on the server (a folder path), hard-linking unchanged files from
 * `linkDest`. In a dry run `destination` is the current release itself and nothing is written.
 */
async function rsync(
  target: SshTarget,
  out: string,
  destination: string,
  linkDest: string | undefined,
  options: SshOptions,
): Promise<RsyncStats> {
  const ssh = sshArgs(target, options.env)
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg}'`))
    .join(' ');
  const args = [
    '--recursive',
    '--checksum',
    '--perms',
    '--chmod=D755,F644',
    '--exclude=.*',
    '--stats',
    '--no-human-readable',
    '--out-format=%n',
    ...(linkDest ? [`--link-dest=${linkDest.replace(/\/+$/, '')}`] : []),
    ...(options.dryRun ? ['--dry-run'] : []),
    '-e',
    ssh,
    `${out.replace(/\/+$/, '')}/`,
    `${target.user}@${hostForRsync(target.host)}:${destination.replace(/\/+$/, '')}/`,
  ];
  let sent = 0;
  let last = Date.now();
  const result = await run('rsync', args, {
    signal: options.signal,
    onLine: (line) => {
      if (
        !line ||
        line.endsWith('/') ||
        /^(Number of|Total |Literal data|Matched data|File list|sent |total size)/.test(line)
      )
        return;
      sent++;
      if (!options.dryRun && Date.now() - last > 2000) {
        last = Date.now();
        options.log(`  已传送 ${sent} 个文件……`);
      }
    },
  });
  if (result.status !== 0) {
    if (result.status === 255) throw new DeployError(sshFailure(result, target, options));
    throw new DeployError(
      `rsync 上传失败（退出码 ${result.status}）：${lastLines(result.stderr)}\n网上仍是原来的网站，current 没有改动；排除问题后再运行一次 npm run deploy。`,
    );
  }
  const number = (label: string) => {
    const match = new RegExp(`${label}: ([\\d,.]+)`).exec(result.stdout);
    return match ? Number(match[1]!.replace(/[,.]/g, '')) : 0;
  };
  return {
    transferred: number('Number of regular files transferred'),
    transferredSize: number('Total transferred file size'),
    bytesSent: number('Total bytes sent'),
  };
}

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program (ssh, rsync) without a shell, feeding `input`, passing each stdout line to
 * `onLine`. An aborted `signal` ends it (SIGTERM) and rejects with the AbortError.
 */
function run(
  command: string,
  args: string[],
  { input, signal, onLine }: { input?: string; signal?: AbortSignal; onLine?: (line: string) => void } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
      signal,
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!onLine) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) onLine(line.trim());
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.on('error', () => {}); // ssh that failed to connect closes its input early
    child.stdin.end(input ?? '');
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').trim() || '（没有错误信息）';
}

/** ssh could not connect or log in: what to check. */
function sshFailure(result: RunResult, target: SshTarget, options: SshOptions): string {
  const text = result.stderr;
  const where = `${target.user}@${target.host}（端口 ${target.port}）`;
  const field = (key: string) => `${options.configFile} 中“${target.name}”的 ${key}`;
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No .* host key is known/i.test(text))
    return (
      `无法确认服务器 ${target.host} 的身份（它的主机密钥不在 known_hosts 中，或与记录的不同），未上传任何文件。` +
      `第一次部署前，请先在本机运行一次 ssh -p ${target.port} ${target.user}@${target.host}，向服务器管理员核对指纹后输入 yes；` +
      '如果提示主机密钥已改变，请先向管理员确认服务器没有被冒充。'
    );
  if (/Permission denied|Too many authentication failures/i.test(text))
    return (
      `服务器拒绝了登录 ${where}，未上传任何文件。请确认本机的 ssh 公钥已加入服务器上用户 ${target.user} 的 ~/.ssh/authorized_keys，` +
      `ssh-agent 已载入对应的私钥（或用环境变量 GONGKAI_SSH_KEY 指定私钥文件），并检查${field('用户')}。`
    );
  if (/Could not resolve hostname|Name or service not known|nodename nor servname/i.test(text))
    return `找不到服务器 ${target.host}，未上传任何文件。请检查${field('主机')}和本机的网络（DNS）。`;
  if (/Connection refused|timed out|No route to host|Network is unreachable|Connection closed/i.test(text))
    return `无法连接服务器 ${where}（${lastLines(text)}），未上传任何文件。请检查${field('主机')}、${field('端口')}，以及服务器的 sshd 和防火墙。`;
  return `ssh 连接 ${where} 失败（退出码 ${result.status}）：${lastLines(text)}`;
}

/** The states remote-releases.sh refuses, in words for the office. */
function remoteErrorMessage(code: string, target: SshTarget, options: SshOptions, current: string | undefined): string {
  const dir = target.dir;
  switch (code) {
    case 'current-not-link':
      return (
        `服务器上的 ${dir}/current 是普通文件夹或文件，不是符号链接，为防止覆盖，未上传任何文件。` +
        `如果它是以前手工复制的网站，请在服务器上把它改名（例如 mv ${dir}/current ${dir}/current.old），再运行 npm run deploy；` +
        `nginx 的 root 应为 ${dir}/current。`
      );
    case 'mkdir':
    case 'not-writable':
      return `用户 ${target.user} 不能在服务器上写入 ${dir}/releases，未上传任何文件。请在服务器上运行 sudo mkdir -p ${dir} && sudo chown ${target.user} ${dir}，或在 ${options.configFile} 中改正“${target.name}”的 目录。`;
    case 'no-rsync':
      return '服务器上没有安装 rsync，未上传任何文件。请在服务器上安装（Debian/Ubuntu：apt install rsync；CentOS、麒麟、统信：yum install rsync）。';
    case 'lock-lost':
      return `服务器上的部署锁 ${dir}/.deploy-lock 已不是这次部署的（有人用 --unlock 解除了它，可能另一个部署正在进行），为防止两次部署交错，current 没有改动。请确认没有别的部署在运行后，再运行一次 npm run deploy。`;
    case 'incomplete':
      return `上传到服务器的新版本不完整（没有 index.html），current 没有改动。请再运行一次 npm run deploy。`;
    case 'symlink':
    case 'rename':
      return `无法在服务器上切换 ${dir}/current（需要 GNU coreutils 的 mv -T，以及对 ${dir} 的写权限），网上仍是原来的网站。`;
    case 'no-current':
      return `服务器上 ${dir} 还没有用 npm run deploy 部署过的版本（没有 current），无法回滚。`;
    case 'no-previous':
      return `服务器上没有比当前版本 releases/${current} 更早的版本，无法回滚。`;
    default:
      return `服务器上的部署脚本出错（${code}）。`;
  }
}
