/**
 * npm run deploy to a server over ssh + rsync, against a real OpenSSH server the test starts on
 * [::1] with its own host key, config and authorized key (the server's folder is a temp folder
 * on this machine, so the test reads it directly). The host key is checked through a known_hosts
 * file the test writes (GONGKAI_SSH_KNOWN_HOSTS), exactly as a CI job would do it.
 *
 * A site built with --base /gk/ goes into each release's gk/, and Debian's nginx (when installed)
 * serves it at /gk/ from root <目录>/current. The deploy lock is tested with a stand-in rsync
 * on PATH that waits for a gate file or fails, so a deploy can be held at its upload, failed
 * there, interrupted or killed there.
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
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SITE_MARKER } from '../../src/build/out/out-site.ts';
import { ROOT, fixture, runAsync, runScript, startAsync, tempDir } from '../build/helpers.ts';

const SSHD = '/usr/sbin/sshd';
const NGINX = '/usr/sbin/nginx';
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

async function waitForPort(port: number, server: ChildProcess, log: () => string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (server.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '::1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  server.kill('SIGTERM');
  throw new Error(`server did not start:\n${log()}`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Polls until `check` holds, for at most 20 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    if (check()) return;
    await sleep(50);
  }
  assert.fail(`timed out waiting for ${what}`);
}

/**
 * A deploy as a child process that the test can signal: in its own process group, so that
 * killing the group also kills the ssh and rsync it started, as a power cut would.
 */
function startDeploy(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return startAsync(process.execPath, [join(ROOT, 'src/cli/deploy.ts'), ...args], options);
}

describe('npm run deploy to a server over ssh', { skip: SKIP }, () => {
  const dir = tempDir('deploy-ssh');
  const out = join(dir, 'dist');
  const www = join(dir, 'www');
  const keys = join(dir, 'keys');
  let sshd: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv = {};

  const releasesIn = (folder: string) =>
    existsSync(join(folder, 'releases')) ? readdirSync(join(folder, 'releases')).sort() : ([] as string[]);
  const releases = () => releasesIn(www);
  const current = (folder = www) => readlinkSync(join(folder, 'current'));
  const deploy = (args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) =>
    runAsync(process.execPath, [join(ROOT, 'src/cli/deploy.ts'), '--out', out, ...args], {
      cwd: dir,
      env: { ...env, ...extraEnv },
    });
  /** A deploy file like deploy.yaml, for another folder on the server. */
  const configFor = (name: string, folder: string) => {
    const config = readFileSync(join(dir, 'deploy.yaml'), 'utf8').replace(`目录: ${www}`, `目录: ${folder}`);
    writeFileSync(join(dir, name), config);
    return name;
  };

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
      CI: '',
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
    const run = await deploy(['--config', configFor('other.yaml', other)]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /不是符号链接/);
    assert.equal(readFileSync(join(other, 'current/index.html'), 'utf8'), 'old site');
    assert.ok(!existsSync(join(other, 'releases')));
  });

  describe('a site built for a sub-path (--base /gk/)', () => {
    const gkOut = join(dir, 'dist-gk');
    const gkWww = join(dir, 'www-gk');
    const deployGk = (args: string[] = []) =>
      runAsync(
        process.execPath,
        [join(ROOT, 'src/cli/deploy.ts'), '--out', gkOut, '--config', configFor('gk.yaml', gkWww), ...args],
        { cwd: dir, env },
      );

    before(() => {
      const built = runScript('build', ['--content', fixture('office'), '--out', gkOut, '--base', '/gk/']);
      assert.equal(built.status, 0, built.stderr);
    });

    test('goes into the release’s gk/, so that root <目录>/current serves it at /gk/', async () => {
      const run = await deployGk();
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /网址前缀 \/gk\//);
      const [release] = releasesIn(gkWww);
      assert.equal(current(gkWww), `releases/${release}`);
      assert.equal(
        readFileSync(join(gkWww, 'current/gk/index.html'), 'utf8'),
        readFileSync(join(gkOut, 'index.html'), 'utf8'),
      );
      assert.ok(existsSync(join(gkWww, 'current/gk/xxgk/114400001234567890-2024-00001/index.html')));
      assert.ok(!existsSync(join(gkWww, 'current/index.html')), 'nothing of the site at the root');
      assert.ok(!existsSync(join(gkWww, 'current/gk', SITE_MARKER)), 'hidden files stay home');
      for (const folder of [`releases/${release}`, `releases/${release}/gk`])
        assert.equal((statSync(join(gkWww, folder)).mode & 0o777).toString(8), '755', folder);
    });

    test('a second deploy hard-links what did not change, and --rollback goes back', async () => {
      const dry = await deployGk(['--dry-run']);
      assert.equal(dry.status, 0, dry.stderr);
      assert.match(dry.stdout, /试运行.*将传送 0 个文件/);

      const [first] = releasesIn(gkWww);
      const run = await deployGk();
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /传送 0 个/);
      const [, second] = releasesIn(gkWww);
      assert.equal(current(gkWww), `releases/${second}`);
      const inode = (release: string) => statSync(join(gkWww, 'releases', release, 'gk/index.html')).ino;
      assert.equal(inode(first!), inode(second!));

      const back = await deployGk(['--rollback']);
      assert.equal(back.status, 0, back.stderr);
      assert.equal(current(gkWww), `releases/${first}`);
      assert.ok(existsSync(join(gkWww, 'current/gk/index.html')));
    });

    test(
      'nginx with root <目录>/current serves it at /gk/',
      { skip: !existsSync(NGINX) && 'nginx not installed' },
      async () => {
        const port = await freePort();
        const prefix = join(dir, 'nginx');
        mkdirSync(prefix, { recursive: true });
        // The two lines docs/deploy.md asks to change in deploy/nginx.conf, and its 404 page line.
        const conf = [
          process.getuid?.() === 0 ? 'user root;' : '',
          `pid ${join(prefix, 'nginx.pid')};`,
          `error_log ${join(prefix, 'error.log')};`,
          'events { worker_connections 16; }',
          'http {',
          '  access_log off;',
          ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${n}_temp_path ${join(prefix, n)};`),
          '  types { text/html html; }',
          '  server {',
          `    listen [::1]:${port};`,
          `    root ${gkWww}/current;`,
          '    disable_symlinks on from=$document_root;',
          '    error_page 404 /gk/404.html;',
          '  }',
          '}',
          '',
        ].join('\n');
        writeFileSync(join(prefix, 'nginx.conf'), conf);
        let log = '';
        const nginx = spawn(
          NGINX,
          ['-p', `${prefix}/`, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        nginx.stderr!.on('data', (chunk) => (log += chunk));
        try {
          await waitForPort(port, nginx, () => log);
          const get = (path: string) => fetch(`http://[::1]:${port}${path}`);
          const home = await get('/gk/');
          assert.equal(home.status, 200);
          assert.equal(await home.text(), readFileSync(join(gkOut, 'index.html'), 'utf8'));
          assert.equal((await get('/gk/xxgk/114400001234567890-2024-00001/')).status, 200);
          const missing = await get('/gk/no-such-page/');
          assert.equal(missing.status, 404);
          assert.equal(await missing.text(), readFileSync(join(gkOut, '404.html'), 'utf8'));
        } finally {
          const exited = new Promise((resolve) => nginx.once('exit', resolve));
          nginx.kill('SIGTERM');
          await exited;
        }
      },
    );

    test('a base the server path cannot carry is refused before connecting', async () => {
      const odd = join(dir, 'dist-odd');
      cpSync(gkOut, odd, { recursive: true });
      const manifest = join(odd, 'offline-manifest.json');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replaceAll('"/gk/', '"/公开 目录/'));
      const run = await runAsync(
        process.execPath,
        [join(ROOT, 'src/cli/deploy.ts'), '--out', odd, '--config', configFor('odd.yaml', join(dir, 'www-odd'))],
        { cwd: dir, env },
      );
      assert.equal(run.status, 1);
      assert.match(run.stderr, /--base \/公开 目录\/.*只能由字母、数字和 - _ \. 组成/);
      assert.ok(!existsSync(join(dir, 'www-odd')));
    });
  });

  describe('one deploy at a time', () => {
    const lockWww = join(dir, 'www-lock');
    const lockDir = join(lockWww, '.deploy-lock');
    const fakeBin = join(dir, 'fake-bin');
    const gate = join(dir, 'rsync-gate');
    let config = '';
    /**
     * A deploy whose rsync waits for the gate file, or fails: env for the stand-in rsync. The held
     * one runs as a CI job would, so its lock is labelled 持续集成 wherever the tests run.
     */
    const held = { PATH: `${fakeBin}:${process.env.PATH}`, FAKE_RSYNC_GATE: gate, CI: 'true' };
    const failing = { PATH: `${fakeBin}:${process.env.PATH}`, FAKE_RSYNC_FAIL: '1' };
    const deployLocked = (args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) =>
      runAsync(process.execPath, [join(ROOT, 'src/cli/deploy.ts'), '--out', out, '--config', config, ...args], {
        cwd: dir,
        env: { ...env, ...extraEnv },
      });
    /**
     * Another computer's copy of the site: a deploy holds its OUT's build lock, so two deploys of
     * one OUT never reach the server together, and one that is killed leaves that lock behind.
     */
    const otherOut = join(dir, 'dist-other');
    const started: ReturnType<typeof startDeploy>[] = [];
    const startHeld = (site = out) => {
      const run = startDeploy(['--out', site, '--config', config], { cwd: dir, env: { ...env, ...held } });
      started.push(run);
      return run;
    };
    const uploading = () => releasesIn(lockWww).filter((name) => name.endsWith('.uploading'));

    before(async () => {
      const realRsync = spawnSync('sh', ['-c', 'command -v rsync'], { encoding: 'utf8' }).stdout.trim();
      mkdirSync(fakeBin);
      writeFileSync(
        join(fakeBin, 'rsync'),
        [
          '#!/bin/sh',
          `[ "$1" = --version ] && exec ${realRsync} "$@"`,
          'if [ -n "${FAKE_RSYNC_GATE:-}" ]; then',
          '  while [ ! -e "$FAKE_RSYNC_GATE" ]; do sleep 0.05; done',
          'fi',
          'if [ -n "${FAKE_RSYNC_FAIL:-}" ]; then echo "rsync: simulated failure" >&2; exit 23; fi',
          `exec ${realRsync} "$@"`,
          '',
        ].join('\n'),
        { mode: 0o755 },
      );
      config = configFor('lock.yaml', lockWww);
      cpSync(out, otherOut, { recursive: true });
      const first = await deployLocked();
      assert.equal(first.status, 0, first.stderr);
    });

    // A failed assertion must not leave a held deploy waiting for its gate.
    after(async () => {
      for (const { child, done } of started) {
        if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
        await done;
      }
    });

    test('a second deploy meanwhile is refused, naming who holds the lock and since when', async () => {
      rmSync(gate, { force: true });
      const before = current(lockWww);
      const first = startHeld();
      try {
        await until(() => existsSync(join(lockDir, 'owner')) && uploading().length === 1, 'the first deploy’s lock');
        const [upload] = uploading();

        const second = await deployLocked(['--out', otherOut]);
        assert.equal(second.status, 1, second.stdout);
        const who = `持续集成 ${userInfo().username}@${hostname()} 的部署（进程 ${first.child.pid}）`;
        assert.match(
          second.stderr,
          new RegExp(
            `另一个部署正在进行：${escapeRegExp(who)}，开始于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d（北京时间）`,
          ),
        );
        assert.match(second.stderr, /--config lock\.yaml --unlock/);
        assert.doesNotMatch(second.stderr, /\n\s+at /, 'no stack trace');
        assert.deepEqual(uploading(), [upload], 'the first deploy’s upload is left alone');

        const rollback = await deployLocked(['--rollback']);
        assert.equal(rollback.status, 1);
        assert.match(rollback.stderr, /另一个部署正在进行/);
        assert.equal(current(lockWww), before);
      } finally {
        // Let the first deploy finish even when an assertion failed, so later tests find no lock.
        writeFileSync(gate, '');
      }
      const done = await first.done;
      assert.equal(done.status, 0, done.stderr);
      assert.notEqual(current(lockWww), before);
      assert.ok(!existsSync(lockDir), 'released after success');
    });

    test('a failed upload releases the lock and leaves current as it was', async () => {
      const before = current(lockWww);
      const run = await deployLocked([], failing);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /rsync 上传失败（退出码 23）/);
      assert.equal(current(lockWww), before);
      assert.ok(!existsSync(lockDir), 'released after a failure');
    });

    test('Ctrl+C or a stop signal ends the upload and releases the lock', async () => {
      rmSync(gate, { force: true });
      const before = current(lockWww);
      const run = startHeld();
      await until(() => existsSync(join(lockDir, 'owner')), 'the lock');
      run.child.kill('SIGTERM');
      const done = await run.done;
      assert.equal(done.status, 143, done.stderr);
      assert.match(done.stderr, /部署已中断（SIGTERM）/);
      assert.ok(!existsSync(lockDir), 'released after an interruption');
      assert.equal(current(lockWww), before);
    });

    test('a lock left by a killed deploy stays until --unlock, which says whose it was', async () => {
      rmSync(gate, { force: true });
      const run = startHeld(otherOut);
      await until(() => existsSync(join(lockDir, 'owner')), 'the lock');
      process.kill(-run.child.pid!, 'SIGKILL');
      await run.done;
      assert.ok(existsSync(lockDir), 'a killed deploy cannot release it');

      const refused = await deployLocked();
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, new RegExp(`进程 ${run.child.pid}`));

      const dry = await deployLocked(['--unlock', '--dry-run']);
      assert.equal(dry.status, 0, dry.stderr);
      assert.match(dry.stdout, /试运行.*没有解除/);
      assert.ok(existsSync(lockDir));

      const unlock = await deployLocked(['--unlock']);
      assert.equal(unlock.status, 0, unlock.stderr);
      assert.match(unlock.stdout, new RegExp(`已解除.*部署锁。它属于：.*进程 ${run.child.pid}`));
      assert.ok(!existsSync(lockDir));
      const again = await deployLocked(['--unlock']);
      assert.match(again.stdout, /没有部署锁，不需要解除/);

      const deployed = await deployLocked();
      assert.equal(deployed.status, 0, deployed.stderr);
      assert.deepEqual(uploading(), [], 'the killed deploy’s upload was cleared');
    });
  });
});
