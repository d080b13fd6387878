import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseTarget, parseDeployConfig, type DeployTarget } from '../../src/deploy/deploy-config.ts';
import { ROOT } from '../build/helpers.ts';

const parse = (yaml: string) => parseDeployConfig('deploy.yaml', new TextEncoder().encode(yaml));
const targetsOf = (yaml: string): DeployTarget[] => {
  const result = parse(yaml);
  assert.ok(result.ok, result.ok ? '' : result.problems.map((p) => `${p.line} ${p.field} ${p.message}`).join('\n'));
  return result.targets;
};
/** `line field kind` of each problem. */
const problemsOf = (yaml: string): string[] => {
  const result = parse(yaml);
  assert.ok(!result.ok, 'should be refused');
  return result.problems.map((p) => `${p.line} ${p.field} ${p.kind}`);
};

const SERVER = `服务器:
  类型: ssh
  主机: gk.example.gov.cn
  端口: 2222
  用户: deploy
  目录: /var/www/gongkai/
`;
const OSS = `阿里云:
  类型: s3
  端点: https://oss-cn-hangzhou.aliyuncs.com
  区域: cn-hangzhou
  存储桶: gk-example
  前缀: /gk
`;

describe('deploy.yaml', () => {
  test('reads a server and an object store, with their defaults', () => {
    assert.deepEqual(targetsOf(`${SERVER}${OSS}`), [
      { kind: 'ssh', name: '服务器', host: 'gk.example.gov.cn', port: 2222, user: 'deploy', dir: '/var/www/gongkai' },
      {
        kind: 's3',
        name: '阿里云',
        endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
        region: 'cn-hangzhou',
        bucket: 'gk-example',
        prefix: 'gk/',
        pathStyle: false,
      },
    ]);
    const [minio] = targetsOf(
      'minio:\n  类型: s3\n  端点: http://[::1]:9000\n  区域: us-east-1\n  存储桶: site\n  路径风格: 是\n',
    );
    assert.deepEqual(minio, {
      kind: 's3',
      name: 'minio',
      endpoint: 'http://[::1]:9000',
      region: 'us-east-1',
      bucket: 'site',
      prefix: '',
      pathStyle: true,
    });
    const [v6] = targetsOf('机房:\n  类型: ssh\n  主机: "[2001:db8::10]"\n  用户: web\n  目录: /srv/gk\n');
    assert.deepEqual(v6, { kind: 'ssh', name: '机房', host: '2001:db8::10', port: 22, user: 'web', dir: '/srv/gk' });
  });

  test('refuses secrets, by key or by the look of the value, naming the line', () => {
    assert.deepEqual(problemsOf(`${OSS}  AccessKeySecret: abc\n`), ['7 阿里云.AccessKeySecret secret-in-deploy-file']);
    assert.deepEqual(problemsOf(`${SERVER}  密码: 123456\n`), ['7 服务器.密码 secret-in-deploy-file']);
    assert.deepEqual(problemsOf(`${OSS}  备注: LTAI5tAbCdEfGhIjKlMnOp\n`), ['7 阿里云.备注 secret-in-deploy-file']);
    assert.deepEqual(problemsOf('密钥: abc\n'), ['1 密钥 secret-in-deploy-file']);
    assert.deepEqual(problemsOf(OSS.replace('https://oss', 'https://LTAI5t:secret@oss')), [
      '3 阿里云.端点 secret-in-deploy-file',
    ]);
    const result = parse(`${SERVER}  私钥: /root/.ssh/id_ed25519\n`);
    assert.ok(!result.ok);
    assert.match(result.problems[0]!.fix!, /GONGKAI_SSH_KEY/);
    assert.match(result.problems[0]!.fix!, /GONGKAI_S3_SECRET_ACCESS_KEY/);
  });

  test('names the line and field of each mistake, in Chinese', () => {
    assert.deepEqual(problemsOf(SERVER.replace('端口: 2222', '端口: 七十')), ['4 服务器.端口 invalid-value']);
    assert.deepEqual(problemsOf(SERVER.replace('端口: 2222', '端口: 70000')), ['4 服务器.端口 invalid-value']);
    assert.deepEqual(problemsOf(SERVER.replace('/var/www/gongkai/', 'var/www')), ['6 服务器.目录 invalid-value']);
    assert.deepEqual(problemsOf(SERVER.replace('/var/www/gongkai/', '/')), ['6 服务器.目录 invalid-value']);
    assert.deepEqual(problemsOf(SERVER.replace('/var/www/gongkai/', '"/var/www/my site"')), [
      '6 服务器.目录 invalid-value',
    ]);
    assert.deepEqual(problemsOf(SERVER.replace('  用户: deploy\n', '')), ['1 服务器.用户 missing-field']);
    assert.deepEqual(problemsOf(SERVER.replace('主机: gk.example.gov.cn', '主机: root@gk.example.gov.cn')), [
      '3 服务器.主机 invalid-value',
    ]);
    assert.deepEqual(problemsOf(`${SERVER}  目录名: x\n`), ['7 服务器.目录名 unknown-field']);
    assert.deepEqual(problemsOf(SERVER.replace('类型: ssh', '类型: ftp')), ['2 服务器.类型 bad-deploy-kind']);
    assert.deepEqual(problemsOf('服务器:\n  主机: a\n'), ['1 服务器 bad-deploy-kind']);
    assert.deepEqual(problemsOf('服务器: ssh\n'), ['1 服务器 bad-deploy-target']);
    assert.deepEqual(problemsOf(OSS.replace('gk-example', 'https://gk-example.oss-cn-hangzhou.aliyuncs.com')), [
      '5 阿里云.存储桶 invalid-value',
    ]);
    assert.deepEqual(problemsOf(OSS.replace('https://oss-cn-hangzhou.aliyuncs.com', 'oss-cn-hangzhou.aliyuncs.com')), [
      '3 阿里云.端点 invalid-value',
    ]);
    assert.deepEqual(problemsOf(`${OSS}  路径风格: yes\n`), ['7 阿里云.路径风格 invalid-value']);
    assert.deepEqual(problemsOf(OSS.replace('/gk', '../gk')), ['6 阿里云.前缀 invalid-value']);
    assert.deepEqual(problemsOf(''), ['1 文件 no-deploy-target']);
    assert.deepEqual(problemsOf('服务器:\n  类型: ssh\n  类型: s3\n'), ['3 文件 duplicate-key']);
    assert.deepEqual(problemsOf(`${SERVER.replace('端口: 2222', '端口: &p 2222')}`), ['4 服务器 yaml-alias']);

    const result = parse(SERVER.replace('  用户: deploy\n', ''));
    assert.ok(!result.ok);
    assert.equal(result.problems[0]!.message, '缺少“用户”');
    const unknown = parse(`${OSS}  bucket: x\n`);
    assert.ok(!unknown.ok);
    assert.match(unknown.problems[0]!.fix!, /端点、区域、存储桶、前缀、路径风格/);
  });

  test('a file in another encoding is refused with the way to save it as UTF-8', () => {
    const gbk = new Uint8Array([0xb7, 0xfe, 0xce, 0xf1, 0xc6, 0xf7, 0x3a, 0x0a, 0x20, 0x20]);
    const result = parseDeployConfig('deploy.yaml', gbk);
    assert.ok(!result.ok);
    assert.match(result.problems[0]!.fix!, /deploy\.yaml.*UTF-8/);
  });
});

describe('the deploy guide', () => {
  test('its deploy.yaml example is read as written', () => {
    const guide = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
    const example = /```yaml\n(# deploy\.yaml[\s\S]*?)```/.exec(guide)?.[1];
    assert.ok(example, 'docs/deploy.md has the deploy.yaml example');
    assert.deepEqual(
      targetsOf(example).map((t) => `${t.kind} ${t.name}`),
      ['ssh 服务器', 's3 阿里云'],
    );
  });
});

describe('choosing the target', () => {
  const targets = targetsOf(`${SERVER}${OSS}`);

  test('--target picks one by name; a single target needs no --target', () => {
    const picked = chooseTarget(targets, '阿里云', 'deploy.yaml');
    assert.ok(picked.ok && picked.target.kind === 's3');
    const only = chooseTarget(targets.slice(0, 1), undefined, 'deploy.yaml');
    assert.ok(only.ok && only.target.name === '服务器');
  });

  test('several targets and no --target, or an unknown name, list the names', () => {
    const none = chooseTarget(targets, undefined, 'deploy.yaml');
    assert.ok(!none.ok);
    assert.match(none.error, /服务器、阿里云/);
    assert.match(none.error, /--target/);
    const wrong = chooseTarget(targets, '腾讯云', 'deploy.yaml');
    assert.ok(!wrong.ok);
    assert.match(wrong.error, /没有名为“腾讯云”.*服务器、阿里云/);
  });
});
