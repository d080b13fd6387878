import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFields } from '../../src/domain/notice/yaml-fields.ts';
import { checkContent } from '../../src/content/content-check.ts';

const found = (yaml: string) =>
  parseYamlFields('notices/a.md', yaml, 2).problems.map((p) => `${p.line} ${p.field} ${p.kind}`);

describe('frontmatter YAML is read as data only', () => {
  test('anchors and aliases are refused, so a few lines cannot grow into gigabytes', () => {
    const laughs = [
      'a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');
    const started = performance.now();
    const problems = found(laughs);
    assert.ok(performance.now() - started < 1000);
    assert.ok(problems.length > 0 && problems.every((p) => p.endsWith('yaml-alias')), problems.join('\n'));
    assert.deepEqual(found('标题: &t 关于……的通知\n摘要: *t\n'), ['2 标题 yaml-alias', '3 摘要 yaml-alias']);
  });

  test('tags are refused, whatever they name', () => {
    assert.deepEqual(found('标题: !!js/function "function () { return 1 }"\n'), ['2 标题 yaml-tag']);
    assert.deepEqual(found('附件:\n  - 名称: !!binary aGVsbG8=\n    文件: a.pdf\n'), ['3 附件 yaml-tag']);
  });

  test('a value starting with ! is explained as needing quotes', () => {
    const [problem] = parseYamlFields('notices/a.md', '标题: !重要通知\n', 2).problems;
    assert.equal(problem?.kind, 'yaml-syntax');
    assert.match(problem!.fix!, /引号/);
  });

  test('unpaired surrogates, control characters and direction overrides in values are refused', () => {
    assert.deepEqual(found('标题: "关于\\uD800的通知"\n'), ['2 标题 bad-character']);
    assert.deepEqual(found('标题: "关于\\u0007的通知"\n'), ['2 标题 bad-character']);
    assert.deepEqual(found('文号: "示镇府\\u202E号21〔2024〕"\n'), ['2 文号 bad-character']);
    assert.deepEqual(found('标题: 关于做好春耕工作的通知\n主题词: [春耕, 农业]\n'), []);
  });
});

describe('site.yaml 网址', () => {
  const site = (url: string) =>
    checkContent({
      siteYaml: new TextEncoder().encode(`机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n网址: "${url}"\n`),
      guide: undefined,
      notices: [],
      strayFiles: [],
      attachments: new Map(),
    });
  test('must be an http(s) address: it becomes the canonical link, the RSS and sitemap addresses', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://gk.example.gov.cn/']) {
      assert.ok(
        site(url).problems.some((p) => p.file === 'site.yaml' && p.field === '网址'),
        url,
      );
    }
    assert.ok(!site('https://gk.example.gov.cn/').problems.some((p) => p.field === '网址'));
  });
});
