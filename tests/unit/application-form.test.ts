import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { SiteConfigSchema } from '../../src/domain/site/site-config.ts';
import {
  applicationChannels,
  applicationForm,
  formLabels,
  type FormRow,
} from '../../src/domain/apply/application-form.ts';
import { applicationFormDocx } from '../../src/domain/apply/application-form-docx.ts';

const FULL = {
  机关名称: '测试镇人民政府',
  机构代码: '114400001234567890',
  地址: '测试县测试镇人民路1号',
  邮编: '526000',
  办公时间: '周一至周五 8:30-12:00',
  电话: '0758-0000001',
  传真: '0758-0000002',
  电子邮箱: 'gk@test.example.gov.cn',
};
const site = (overrides: Record<string, unknown> = {}) =>
  SiteConfigSchema.parse(
    Object.fromEntries(Object.entries({ ...FULL, ...overrides }).filter(([, value]) => value !== undefined)),
  );

const choice = (rows: readonly FormRow[], label: string) =>
  rows.find((r): r is Extract<FormRow, { kind: 'choice' }> => r.kind === 'choice' && r.label === label)!;
const deliveryOf = (form: ReturnType<typeof applicationForm>) =>
  choice(form.sections.at(-1)!.groups[0]!.rows, '获取信息的途径').options;

describe('the channels an application can take', () => {
  test('are those site.yaml gives the means for, in person and by post at the address', () => {
    assert.deepEqual(
      applicationChannels(site()).map((c) => c.kind),
      ['in-person', 'post', 'fax', 'email'],
    );
    assert.deepEqual(applicationChannels(site())[0], {
      kind: 'in-person',
      address: '测试县测试镇人民路1号',
      officeHours: '周一至周五 8:30-12:00',
    });
    assert.deepEqual(applicationChannels(site())[1], {
      kind: 'post',
      address: '测试县测试镇人民路1号',
      postcode: '526000',
    });
  });

  test('leave out 传真 without a fax, 当面 and 邮寄 without an address', () => {
    assert.deepEqual(
      applicationChannels(site({ 传真: undefined })).map((c) => c.kind),
      ['in-person', 'post', 'email'],
    );
    assert.deepEqual(
      applicationChannels(site({ 地址: undefined, 邮编: undefined })).map((c) => c.kind),
      ['fax', 'email'],
    );
    assert.deepEqual(applicationChannels(site({ 地址: undefined, 传真: undefined, 电子邮箱: undefined })), []);
  });
});

describe('the 申请表', () => {
  test('asks what a citizen and an organisation give, the information wanted, the way, signature and date', () => {
    const labels = formLabels(applicationForm(site()));
    for (const label of [
      '政府信息公开申请表',
      '受理机关',
      '公民',
      '姓名',
      '工作单位',
      '证件名称',
      '证件号码',
      '通信地址',
      '联系电话',
      '传真',
      '电子邮箱',
      '邮政编码',
      '法人或者其他组织',
      '名称',
      '统一社会信用代码',
      '法定代表人或负责人',
      '联系人姓名',
      '联系人电话',
      '联系人电子邮箱',
      '所需信息情况',
      '所需信息的名称或内容描述',
      '所需信息的文号（可选）',
      '所需信息的用途（可选）',
      '获取信息的方式',
      '纸质',
      '光盘',
      '其他',
      '当面领取',
      '邮寄',
      '申请人签名或盖章',
      '申请日期',
    ])
      assert.ok(labels.includes(label), label);
  });

  test('is addressed to the office: its name, address and postcode filled in', () => {
    assert.deepEqual(applicationForm(site()).recipient, [
      { label: '受理机关', value: '测试镇人民政府' },
      { label: '地址', value: '测试县测试镇人民路1号' },
      { label: '邮政编码', value: '526000' },
    ]);
    assert.deepEqual(applicationForm(site({ 地址: undefined, 邮编: undefined })).recipient, [
      { label: '受理机关', value: '测试镇人民政府' },
    ]);
  });

  test('offers delivery by 传真 or 电子邮件 only when the office has a fax or an e-mail address', () => {
    assert.deepEqual(deliveryOf(applicationForm(site())), ['当面领取', '邮寄', '电子邮件', '传真']);
    assert.deepEqual(deliveryOf(applicationForm(site({ 传真: undefined, 电子邮箱: undefined }))), ['当面领取', '邮寄']);
    // The applicant's own fax box stays: it is theirs, not the office's.
    assert.ok(formLabels(applicationForm(site({ 传真: undefined }))).includes('传真'));
  });

  test('its note names only the channels the office has', () => {
    assert.match(applicationForm(site()).notes.at(-1)!, /当面递交、邮寄、传真或者发送电子邮件至受理机关/);
    assert.match(
      applicationForm(site({ 传真: undefined, 电子邮箱: undefined })).notes.at(-1)!,
      /当面递交或者邮寄至受理机关/,
    );
    assert.equal(
      applicationForm(site({ 地址: undefined, 传真: undefined, 电子邮箱: undefined })).notes.at(-1),
      '本表复制有效。',
    );
  });
});

describe('the 申请表 as a Word file', () => {
  test('is an A4 document in 宋体 with every label, the office’s name and address, and bordered table', async () => {
    const files = unzipSync(await applicationFormDocx(applicationForm(site())));
    const xml = strFromU8(files['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const label of formLabels(applicationForm(site()))) assert.ok(text.includes(label), label);
    assert.ok(text.includes('测试镇人民政府'));
    assert.ok(text.includes('测试县测试镇人民路1号'));
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /w:eastAsia="宋体"/);
    assert.match(xml, /<w:tblBorders>.*<w:insideH w:val="single"/s);
  });

  test('is the same bytes for the same form: no clock in core.xml or the zip entries', async () => {
    const first = await applicationFormDocx(applicationForm(site()));
    const files = unzipSync(first);
    assert.doesNotMatch(strFromU8(files['docProps/core.xml']!), /dcterms:(created|modified)/);
    assert.match(strFromU8(files['docProps/core.xml']!), /<dc:title>政府信息公开申请表<\/dc:title>/);
    // Every local file header's DOS date and time: 1980-01-01 00:00.
    const view = new DataView(first.buffer, first.byteOffset, first.byteLength);
    for (let at = 0; at + 30 < first.length; at++) {
      if (view.getUint32(at, true) !== 0x04034b50) continue;
      assert.equal(view.getUint16(at + 10, true), 0, 'time');
      assert.equal(view.getUint16(at + 12, true), (0 << 9) | (1 << 5) | 1, 'date');
    }
    assert.deepEqual(await applicationFormDocx(applicationForm(site())), first);
    assert.notDeepEqual(await applicationFormDocx(applicationForm(site({ 地址: '别处' }))), first);
  });
});
