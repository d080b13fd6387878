import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { EntryCollection, Field } from '@sveltia/cms';
import {
  cmsConfig,
  DOC_NUMBER_PATTERN,
  gitHostOrigins,
  INDEX_NUMBER_EDITOR_HINT,
  INDEX_NUMBER_PATTERN,
  NOTICES,
} from '../../src/cms/cms-config.ts';
import { NOTICE_FIELDS, type FieldKind } from '../../src/domain/notice/fields.ts';
import { checkDocNumber } from '../../src/domain/notice/doc-number.ts';
import { parseIndexNumber } from '../../src/domain/notice/index-number.ts';
import { SITE_KEYS, SiteConfigSchema } from '../../src/domain/site/site-config.ts';
import { ORGAN_ITEM_KEYS, ORGAN_KEYS } from '../../src/domain/site/organ-info.ts';
import { SITE_KEPT } from '../../src/cms/office-files.ts';
import { editorPage } from '../../src/cms/editor-page.ts';
import { DEFAULT_TAXONOMY } from '../../src/domain/notice/taxonomy.ts';

const site = (extra = '') =>
  SiteConfigSchema.parse(parse(`机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n${extra}`));
const options = { contentPath: 'content', repoName: 'gongkai' };

function notices(config = cmsConfig(site(), options)): EntryCollection {
  const collection = config.collections!.find((c) => 'name' in c && c.name === NOTICES);
  assert.ok(collection && 'folder' in collection);
  return collection;
}
const field = (key: string, collection = notices()) =>
  collection.fields.find((f) => f.name === key) as Field & Record<string, unknown>;

/** The widget each kind must get: a new kind fails here until it is given one. */
const WIDGETS: Record<FieldKind, string> = {
  text: 'string',
  'index-number': 'string',
  'doc-number': 'string',
  category: 'select',
  date: 'datetime',
  list: 'list',
  columns: 'select',
  enum: 'select',
  'yes-no': 'select',
  reference: 'relation',
  attachments: 'list',
  allowances: 'list',
};

describe('the editor configuration', () => {
  test('has every field of the table, in order, with its label, hint and widget', () => {
    const fields = notices().fields;
    assert.deepEqual(
      fields.map((f) => f.name),
      [...NOTICE_FIELDS.map((f) => f.key), 'body'],
    );
    for (const spec of NOTICE_FIELDS) {
      const f = field(spec.key);
      assert.equal(f.label, spec.kind === 'index-number' ? '索引号（发布时自动分配，不用填写）' : spec.key);
      assert.equal(f.widget, WIDGETS[spec.kind], spec.key);
      if (spec.kind === 'index-number') continue;
      assert.equal(f.hint, ('editorHelp' in spec ? spec.editorHelp : undefined) ?? spec.help);
      assert.equal(f.required, 'required' in spec && spec.required === true, spec.key);
    }
    assert.equal(field('body').widget, 'markdown');
  });

  test('is JSON: what the build writes to /guanli/config.json reads back the same', () => {
    const config = cmsConfig(site(), options);
    assert.deepEqual(JSON.parse(JSON.stringify(config)), config);
    assert.equal(config.load_config_file, false);
  });

  test('notices live in content/notices/<year of 发布日期>/, named by their 发布日期, as `npm run new` places them', () => {
    const collection = notices();
    assert.equal(collection.folder, 'content/notices');
    assert.equal(collection.path, "{{发布日期 | date('YYYY')}}/{{slug}}");
    assert.match(
      String((collection.slug as { template?: string }).template),
      /^\{\{发布日期 \| date\('YYYYMMDD'\)\}\}-/,
    );
    assert.equal(collection.extension, 'md');
    assert.equal(collection.format, 'yaml-frontmatter');
    assert.equal(notices(cmsConfig(site(), { contentPath: '', repoName: 'x' })).folder, 'notices');
  });

  test('分类 offers the default taxonomy, or exactly the office’s own', () => {
    assert.deepEqual(field('分类').options, [...DEFAULT_TAXONOMY]);
    const own = notices(cmsConfig(site('分类:\n  - 村务\n  - 党务\n'), options));
    assert.deepEqual(field('分类', own).options, ['村务', '党务']);
  });

  test('栏目 is a multiple select of the office’s columns', () => {
    const own = notices(cmsConfig(site('栏目:\n  - 社会救助\n  - 名称: 村务公开\n    代码: cunwu\n'), options));
    assert.deepEqual(field('栏目', own).options, ['社会救助', '村务公开']);
    assert.equal(field('栏目', own).multiple, true);
    const township = notices(cmsConfig(site('机构类型: 乡镇\n'), options));
    assert.ok((field('栏目', township).options as string[]).includes('宅基地审核'));
  });

  test('有效性 and 规范性文件 are selects of the values check accepts', () => {
    assert.deepEqual(field('有效性').options, ['有效', '失效', '废止']);
    assert.deepEqual(field('规范性文件').options, ['是', '否']);
  });

  test('dates are date pickers writing YYYY-MM-DD', () => {
    for (const key of ['发布日期', '成文日期', '废止日期']) {
      assert.equal(field(key).type, 'date');
      assert.equal(field(key).format, 'YYYY-MM-DD');
    }
  });

  test('解读 and 替代文件 point at another notice by 索引号, found by 标题', () => {
    for (const key of ['解读', '替代文件']) {
      const f = field(key);
      assert.equal(f.collection, NOTICES);
      assert.equal(f.value_field, '索引号');
      assert.deepEqual(f.display_fields, ['标题']);
      assert.ok((f.search_fields as string[]).includes('标题'));
    }
  });

  test('附件 is a list of 名称 and a file uploaded into attachments/<year>/', () => {
    const sub = field('附件').fields as (Field & Record<string, unknown>)[];
    assert.deepEqual(
      sub.map((f) => [f.name, f.widget]),
      [
        ['名称', 'string'],
        ['文件', 'file'],
      ],
    );
    assert.equal(sub[1]!.media_folder, '/content/attachments/{{year}}');
    assert.equal(sub[1]!.public_folder, '{{year}}');
  });

  test('允许公开 is a list of 值 and 理由', () => {
    const sub = field('允许公开').fields as Field[];
    assert.deepEqual(
      sub.map((f) => f.name),
      ['值', '理由'],
    );
  });

  test('guide.md and zhidu.md are editable pages', () => {
    const pages = cmsConfig(site(), options).collections!.find((c) => 'name' in c && c.name === 'pages');
    assert.ok(pages && 'files' in pages);
    assert.deepEqual(
      pages.files.map((f) => f.file),
      ['content/guide.md', 'content/zhidu.md'],
    );
  });
});

describe('the 文号 and 索引号 patterns accept what check accepts', () => {
  // The samples of tests/unit/doc-number.test.ts.
  const docNumbers = [
    '肇府办〔2010〕31号',
    '汕府办函〔2021〕201号',
    '示镇府〔2024〕1号',
    '国务院令第492号',
    '国令第845号',
    '肇府辦〔2010〕31號',
    '粵府辦函〔2021〕201號',
    '國務院令第711號',
    '肇府辦〔2010〕31号',
    '汕府办函[2021]201号',
    '汕府办函(2021)201号',
    '汕府办函（2021）201号',
    '汕府办函【2021】201号',
    '汕府办函［2021］201号',
    '汕府办函﹝2021﹞201号',
    '肇府办〔2010〕031号',
    '肇府办〔2010〕第31号',
    '肇府办〔10〕31号',
    '肇府辦[2010]31號',
    '肇府辦〔2010〕031號',
    '无',
    '〔2024〕12号',
    '示镇府〔2024〕12',
    '示 镇府〔2024〕12号',
  ];
  test('文号', () => {
    const pattern = new RegExp(DOC_NUMBER_PATTERN);
    for (const sample of docNumbers) assert.equal(pattern.test(sample), checkDocNumber(sample).ok, sample);
    assert.ok(docNumbers.some((s) => checkDocNumber(s).ok) && docNumbers.some((s) => !checkDocNumber(s).ok));
  });

  // The samples of tests/unit/index-number.test.ts.
  const indexNumbers = [
    '114400001234567890/2024-00001',
    '007141332/2010-02262',
    'MB2E00012/2026-00001',
    '114400001234567890／2024-00001',
    '114400001234567890\\2024-00001',
    '1144000012345678902024-00001',
    '114400001234567890/2024-0001',
    '114400001234567890/2024-000001',
    '114400001234567890/24-00001',
    '11440000123456789a/2024-00001',
    '11440-0001234567890/2024-00001',
    '1234/2024-00001',
    '11441700007280420Y/2021-00050',
    '007141332/2010-72',
    '007141332／2010-02262',
    '11441700007280420y/2021-00050',
    '00714133-2/2010-02262',
    '1144/2024-00001',
    '007141332-2010-02262',
  ];
  test('索引号', () => {
    const pattern = new RegExp(INDEX_NUMBER_PATTERN);
    for (const sample of indexNumbers) assert.equal(pattern.test(sample), parseIndexNumber(sample).ok, sample);
  });

  test('hints speak to a clerk in the browser: no command, no source file', () => {
    for (const f of notices().fields)
      assert.doesNotMatch(String(('hint' in f && f.hint) || ''), /--fix|npm |src\/|\.ts\b/, f.name);
  });

  test('the 索引号 is never typed: it is allocated on publishing, and shown read-only', () => {
    const f = field('索引号');
    assert.equal(f.readonly, true);
    assert.equal(f.required, false);
    assert.equal(f.hint, INDEX_NUMBER_EDITOR_HINT);
  });

  test('the notice fields carry them', () => {
    assert.deepEqual(field('文号').pattern?.[0], DOC_NUMBER_PATTERN);
    assert.deepEqual(field('索引号').pattern?.[0], INDEX_NUMBER_PATTERN);
  });
});

describe('the git host', () => {
  test('without 代码仓库 only local-folder mode is offered', () => {
    const backend = cmsConfig(site(), options).backend as { name: string; auth_methods?: string[] };
    assert.deepEqual(backend.auth_methods, ['token']);
    assert.deepEqual(gitHostOrigins(site()), []);
  });

  test('a self-hosted Gitea or Forgejo with an OAuth application', () => {
    const office = site(
      '代码仓库:\n  平台: gitea\n  仓库: zhen/gongkai\n  网址: https://git.example.gov.cn/\n  应用ID: abc\n',
    );
    assert.deepEqual(cmsConfig(office, options).backend, {
      name: 'gitea',
      repo: 'zhen/gongkai',
      base_url: 'https://git.example.gov.cn',
      api_root: 'https://git.example.gov.cn/api/v1',
      app_id: 'abc',
    });
    assert.deepEqual(gitHostOrigins(office), ['https://git.example.gov.cn']);
  });

  test('GitHub signs in with a token (its OAuth needs a server)', () => {
    const office = site('代码仓库:\n  平台: github\n  仓库: zhen/gongkai\n  分支: gh-pages\n');
    assert.deepEqual(cmsConfig(office, options).backend, {
      name: 'github',
      repo: 'zhen/gongkai',
      branch: 'gh-pages',
      auth_methods: ['token'],
    });
  });

  test('site.yaml: 在线编辑 defaults to 是; a bad 代码仓库 is a Chinese problem', () => {
    assert.equal(site().cms, true);
    assert.equal(site('在线编辑: 否\n').cms, false);
    const bad = SiteConfigSchema.safeParse(
      parse('机关名称: 镇\n机构代码: "114400001234567890"\n代码仓库:\n  平台: gitee\n  仓库: a/b\n'),
    );
    assert.ok(!bad.success);
    assert.match(bad.error.issues[0]!.message, /github、gitlab 或 gitea/);
  });
});

describe('the office’s files in the editor', () => {
  const office = () => {
    const group = cmsConfig(site(), options).collections!.find((c) => 'name' in c && c.name === 'office');
    assert.ok(group && 'files' in group);
    return group.files;
  };
  const names = (fields: readonly Field[]) => fields.map((f) => f.name);

  test('site.yaml: every key is either edited by the clerk or kept as written, none dropped on saving', () => {
    const siteFile = office().find((f) => f.name === 'site')!;
    assert.equal(siteFile.file, 'content/site.yaml');
    assert.deepEqual([...names(siteFile.fields)].sort(), [...SITE_KEYS].sort());
    assert.deepEqual(
      siteFile.fields.filter((f) => f.widget === 'hidden').map((f) => f.name),
      [...SITE_KEPT],
    );
    assert.ok(SITE_KEPT.includes('机构代码') && SITE_KEPT.includes('在线编辑'), 'numbering and the editor itself');
  });

  test('jigou.yaml: every key and every list item’s keys, as the schema reads them', () => {
    const organ = office().find((f) => f.name === 'jigou')!;
    assert.equal(organ.file, 'content/jigou.yaml');
    assert.deepEqual(names(organ.fields), ORGAN_KEYS);
    for (const [key, itemKeys] of Object.entries(ORGAN_ITEM_KEYS)) {
      const list = organ.fields.find((f) => f.name === key) as Field & { fields: Field[] };
      assert.deepEqual(names(list.fields), itemKeys, key);
    }
  });
});

describe('the editor page', () => {
  test('is marked local-only exactly when the office has no git host', () => {
    assert.match(
      editorPage('测试镇人民政府', [], true),
      /<html lang="zh-CN" data-local-only>[\s\S]*<main id="local-only" hidden/,
    );
    const withHost = editorPage('测试镇人民政府', ['https://git.example.gov.cn'], false);
    assert.match(withHost, /<html lang="zh-CN">/);
    assert.doesNotMatch(withHost, /local-only/);
  });
});
