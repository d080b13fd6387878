/**
 * npm run deploy to a server over ssh + rsync, against a real OpenSSH server the test starts on
 * [::1] with its own host key, config and authorized key (the server's folder is a temp folder
 * on this machine, so the test reads it directly). The host key is checked through a known_hosts
 * file the test writes (GONGKAI_SSH_KNOWN_HOSTS), exactly as a CI job would do it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SITE_MARKER } from '../../src/build/out/out-site.ts';
import { ROOT, fixture, runAsync, runScript, tempDir } from '../build/helpers.ts';

const SSHD = '/usr/sbin/sshd';
const found = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = [
  ...(existsSync(SSHD) ? [] : ['sshd（openssh-server）']),
  ...['ssh', 'ssh-keygen', 'rsync'].filter((c) => !found(c)),
];
const SKIP = missing.length
  ? `skipped: ${missing.join(', ')} not installed here; install with: apt-get install openssh-server rsync`
  : false;

/** A port free on [::1]. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '::1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, sshd: ChildProcess, log: () => string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (sshd.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '::1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  sshd.kill('SIGTERM');
  throw new Error(`sshd did not start:\n${log()}`);
}

describe('npm run deploy to a server over ssh', { skip: SKIP }, () => {
  const dir = tempDir('deploy-ssh');
  const out = join(dir, 'dist');
  const www = join(dir, 'www');
  const keys = join(dir, 'keys');
  let sshd: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv = {};

  const releases = () =>
    existsSync(join(www, 'releases')) ? readdirSync(join(www, 'releases')).sort() : ([] as string[]);
  const current = () => readlinkSync(join(www, 'current'));
  const deploy = (args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) =>
    runAsync(process.execPath, [join(ROOT, 'src/cli/deploy.ts'), '--out', out, ...args], {
      cwd: dir,
      env: { ...env, ...extraEnv },
    });

  before(async () => {
    const built = runScript('build', ['--content', fixture('office'), '--out', out]);
    assert.equal(built.status, 0, built.stderr);

    mkdirSync(keys);
    for (const name of ['host', 'client', 'stranger'])
      assert.equal(
        spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `gongkai-test-${name}`, '-f', join(keys, name)])
          .status,
        0,
      );
    writeFileSync(join(keys, 'authorized_keys'), readFileSync(join(keys, 'client.pub')));
    const port = await freePort();
    const user = userInfo().username;
    writeFileSync(
      join(keys, 'sshd_config'),
      [
        'ListenAddress ::1',
        `Port ${port}`,
        `HostKey ${join(keys, 'host')}`,
        `PidFile ${join(keys, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(keys, 'authorized_keys')}`,
        // The temp folders are the test's own; sshd's ownership checks are for home folders.
        'StrictModes no',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'PermitRootLogin prohibit-password',
        `AllowUsers ${user}`,
        'LogLevel ERROR',
        '',
      ].join('\n'),
    );
    // As root, sshd wants its privilege separation folder, which only its service start makes.
    if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    let log = '';
    sshd = spawn(SSHD, ['-D', '-e', '-f', join(keys, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    sshd.stderr!.on('data', (chunk) => (log += chunk));
    process.once('exit', () => sshd?.kill('SIGTERM'));
    await waitForPort(port, sshd, () => log);

    const hostKey = readFileSync(join(keys, 'host.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(join(keys, 'known_hosts'), `[::1]:${port} ${hostKey}\n`);
    writeFileSync(
      join(dir, 'deploy.yaml'),
      ['服务器:', '  类型: ssh', '  主机: "::1"', `  端口: ${port}`, `  用户: ${user}`, `  目录: ${www}`, ''].join(
        '\n',
      ),
    );
    env = {
      ...process.env,
      GONGKAI_SSH_KEY: join(keys, 'client'),
      GONGKAI_SSH_KNOWN_HOSTS: join(keys, 'known_hosts'),
    };
  });

  after(async () => {
    if (sshd && sshd.exitCode === null) {
      const exited = new Promise((resolve) => sshd!.once('exit', resolve));
      sshd.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('an OUT without the build’s marker is refused before connecting', async () => {
    const unmarked = join(dir, 'unmarked');
    cpSync(out, unmarked, { recursive: true, filter: (source) => !source.endsWith(SITE_MARKER) });
    const run = await runAsync(process.execPath, [join(ROOT, 'src/cli/deploy.ts'), '--out', unmarked], {
      cwd: dir,
      env,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /\.gongkai-site\.json/);
    assert.ok(!existsSync(www), 'nothing on the server');
  });

  test('a key the server does not know is refused with what to check', async () => {
    const run = await deploy([], { GONGKAI_SSH_KEY: join(keys, 'stranger') });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /服务器拒绝了登录.*authorized_keys/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  test('a dry run changes nothing on the server', async () => {
    const run = await deploy(['--dry-run']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /试运行.*将上传全部 \d+ 个文件/);
    assert.deepEqual(releases(), []);
  });

  test('the first deploy makes a release and points current at it', async () => {
    const run = await deploy();
    assert.equal(run.status, 0, run.stderr);
    const [release] = releases();
    assert.equal(releases().length, 1);
    assert.equal(current(), `releases/${release}`);
    assert.ok(lstatSync(join(www, 'current')).isSymbolicLink());
    assert.equal(readFileSync(join(www, 'current/index.html'), 'utf8'), readFileSync(join(out, 'index.html'), 'utf8'));
    assert.ok(existsSync(join(www, 'current/xxgk/114400001234567890-2024-00001/index.html')));
    assert.ok(!existsSync(join(www, 'current', SITE_MARKER)), 'hidden files stay home');
    assert.equal((statSync(join(www, 'current/index.html')).mode & 0o777).toString(8), '644');
    assert.match(run.stdout, /部署完成：current 已指向/);
  });

  test('a dry run against the current release counts what would be sent', async () => {
    const before = releases();
    const run = await deploy(['--dry-run']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /试运行.*将传送 0 个文件/);
    assert.deepEqual(releases(), before);
  });

  test('a second deploy sends nothing unchanged, and a reader never misses current/index.html', async () => {
    const [first] = releases();
    let reads = 0;
    const failures: string[] = [];
    let done = false;
    const reader = (async () => {
      while (!done) {
        try {
          readFileSync(join(www, 'current/index.html'));
          reads++;
        } catch (error) {
          failures.push((error as NodeJS.ErrnoException).code ?? String(error));
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const run = await deploy();
    done = true;
    await reader;
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(failures, []);
    assert.ok(reads > 10, `${reads} reads`);

    const [, second] = releases();
    assert.ok(second && second !== first);
    assert.equal(current(), `releases/${second}`);
    assert.match(run.stdout, /传送 0 个/);
    // Unchanged files are hard links to the previous release's.
    const inode = (release: string) => statSync(join(www, 'releases', release, 'index.html')).ino;
    assert.equal(inode(first!), inode(second));
  });

  test('--rollback points current back at the previous release', async () => {
    const [first, second] = releases();
    const dry = await deploy(['--rollback', '--dry-run']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.equal(current(), `releases/${second}`);

    const run = await deploy(['--rollback']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /回滚完成/);
    assert.equal(current(), `releases/${first}`);
    assert.ok(releases().includes(`${second}.withdrawn`));
    assert.equal(readFileSync(join(www, 'current/index.html'), 'utf8'), readFileSync(join(out, 'index.html'), 'utf8'));

    const again = await deploy(['--rollback']);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /没有比当前版本 .* 更早的版本，无法回滚/);
    assert.equal(current(), `releases/${first}`);
  });

  test('keeps the newest three releases', async () => {
    for (let i = 0; i < 3; i++) {
      const run = await deploy();
      assert.equal(run.status, 0, run.stderr);
    }
    const kept = releases();
    assert.equal(kept.length, 3, kept.join(' '));
    assert.ok(!kept.some((name) => name.endsWith('.withdrawn') || name.endsWith('.uploading')));
    assert.equal(current(), `releases/${kept.at(-1)}`);
  });

  test('a current that is a plain folder is left alone', async () => {
    const other = join(dir, 'www2');
    mkdirSync(join(other, 'current'), { recursive: true });
    writeFileSync(join(other, 'current/index.html'), 'old site');
    const config = readFileSync(join(dir, 'deploy.yaml'), 'utf8').replace(`目录: ${www}`, `目录: ${other}`);
    writeFileSync(join(dir, 'other.yaml'), config);
    const run = await deploy(['--config', 'other.yaml']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /不是符号链接/);
    assert.equal(readFileSync(join(other, 'current/index.html'), 'utf8'), 'old site');
    assert.ok(!existsSync(join(other, 'releases')));
  });
});
