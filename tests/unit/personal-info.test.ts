import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findPersonalInfo,
  findPersonalInfoInMarkdown,
  isBankCardNumber,
  isIdCardNumber,
  maskPersonalInfo,
  normalizePersonalInfo,
  personalInfoExceptionLines,
  personalInfoProblems,
  type PersonalInfoSource,
} from '../../src/lib/personal-info.ts';
import type { CalendarDate } from '../../src/lib/calendar-date.ts';

const today = '2026-06-01' as CalendarDate;
/** `kind:text` of every number found, the way the rules below read. */
const found = (text: string) => findPersonalInfo(text, { today }).map((m) => `${m.kind}:${m.text}`);

// Numbers made for these tests (check characters computed per GB 11643 and Luhn); none is real.
const ID = '440901199001017719';
const ID_X = '11010519491001004X';
const CARD_19 = '6222021234567890128'; // 银联 62…, Luhn-valid
const CARD_16 = '4111111111111111'; // Visa test number

describe('居民身份证号码', () => {
  test('is found when the province, birth date and check character all hold', () => {
    assert.deepEqual(found(`申请人身份证号${ID}。`), [`id-card:${ID}`]);
    assert.deepEqual(found(`身份证：${ID_X.toLowerCase()}`), [`id-card:${ID_X.toLowerCase()}`]);
    assert.deepEqual(found('440901 19900101 7719'), ['id-card:440901 19900101 7719']);
  });
  test('is not flagged when the check character is wrong', () => {
    assert.equal(isIdCardNumber('440901199001017711', today), false);
    assert.deepEqual(found('编号440901199001017711'), []);
  });
  test('is not flagged as a bank card either when only its check character is wrong', () => {
    // Luhn-valid and starting with 4, but shaped like a mistyped ID: not a card.
    assert.equal(isBankCardNumber('441283198506152137', today), false);
    assert.deepEqual(found('441283198506152137'), []);
  });
  test('is not flagged with an impossible, future or pre-1900 birth date, even with the right check character', () => {
    for (const id of ['440901199002307718', '440901209912317719', '440901189912317713']) {
      assert.equal(isIdCardNumber(id, today), false, id);
      assert.deepEqual(found(id), [], id);
    }
  });
  test('is not flagged without a province code', () => {
    assert.deepEqual(found('990901199001017716'), []);
  });
});

describe('手机号码', () => {
  test('is found written plainly, in 3-4-4 groups with spaces or hyphens, and with +86 or 86', () => {
    assert.deepEqual(found('联系电话13812345678'), ['mobile:13812345678']);
    assert.deepEqual(found('电话：138 1234 5678'), ['mobile:138 1234 5678']);
    assert.deepEqual(found('电话:138-1234-5678'), ['mobile:138-1234-5678']);
    assert.deepEqual(found('+86 13812345678、+86-138-1234-5678、8613812345678'), [
      'mobile:+86 13812345678', 'mobile:+86-138-1234-5678', 'mobile:8613812345678',
    ]);
    assert.deepEqual(found('１３８１２３４５６７８'), ['mobile:１３８１２３４５６７８'], 'full-width digits from a Chinese input method');
  });
  test('is found in lists separated by “/”, “,” or “、”', () => {
    assert.deepEqual(found('0758-1234567/13812345678,13912345678、13712345678'), [
      'mobile:13812345678', 'mobile:13912345678', 'mobile:13712345678',
    ]);
  });
  test('is not flagged inside a longer run of digits', () => {
    assert.deepEqual(found('订单号2024138123456789、013812345678、138123456789'), []);
  });
  test('is not flagged when it is an amount or a figure', () => {
    assert.deepEqual(found('总投资13800000000元，其中13800000000万元'), []);
    assert.deepEqual(found('13,800,000,000 和 13800000000.50 和 13800000000 人'), []);
    assert.deepEqual(found('价格￥13800000000'), []);
  });
  test('is not flagged when already masked', () => {
    assert.deepEqual(found('138****5678、4409**********7719'), []);
  });
});

describe('银行卡号', () => {
  test('is found with 16 to 19 digits, written plainly or in groups of four', () => {
    assert.deepEqual(found(`账号${CARD_19}`), [`bank-card:${CARD_19}`]);
    assert.deepEqual(found('卡号 6222 0212 3456 7890 128'), ['bank-card:6222 0212 3456 7890 128']);
    assert.deepEqual(found(`信用卡${CARD_16}`), [`bank-card:${CARD_16}`]);
  });
  test('is not flagged when the Luhn check fails', () => {
    assert.deepEqual(found('6222021234567890127'), []);
  });
  test('is not flagged when it starts with digits no card issuer uses', () => {
    // Luhn-valid, but 1, 7, 8 and 0 are not card issuers.
    assert.deepEqual(found('1234567890123452、7012345678901232'), []);
  });
  test('is not flagged when longer than 19 digits (order and project numbers)', () => {
    assert.deepEqual(found('项目编号62220212345678901280'), []);
    assert.deepEqual(found('6222 0212 3456 7890 1280'), []);
  });
});

describe('numbers that are not personal information', () => {
  test('索引号, with a letter code or an all-digit 18-digit organ code', () => {
    // 114400001234567890 even has a valid ID check character; its “birth date” is not a date, and it is followed by “/”.
    assert.deepEqual(found('索引号 11441299MB2E00012L/2024-00001，另见114400001234567890/2024-00001'), []);
  });
  test('文号, dates, landlines and hotlines', () => {
    assert.deepEqual(found('示镇府〔2024〕12号'), []);
    assert.deepEqual(found('2024-03-01、20240301、2024年3月1日'), []);
    assert.deepEqual(found('0758-1234567、(0758)1234567、（0758）12345678、075812345678、12345、400-123-4567'), []);
  });
  test('digits in web addresses and file names', () => {
    assert.deepEqual(found('见 https://www.example.gov.cn/art/13812345678/ 和 www.example.cn/13812345678'), []);
    assert.deepEqual(found('附件：张三13812345678.pdf、2024/13812345678-名单.xlsx'), []);
  });
});

describe('numbers in a Markdown body', () => {
  test('are found in paragraphs, tables and inline HTML, each with its line', () => {
    const body = [
      '公示如下：', '', '| 姓名 | 身份证号 | 电话 |', '| --- | --- | --- |', `| 张三 | ${ID} | 13812345678 |`, '',
      '<p>联系人：李四 <b>13912345678</b></p>',
    ].join('\n');
    assert.deepEqual(findPersonalInfoInMarkdown(body, { today }).map((m) => `${m.line} ${m.kind}`), ['5 id-card', '5 mobile', '7 mobile']);
  });
  test('are found in HTML comments, which ship in the page source', () => {
    assert.deepEqual(findPersonalInfoInMarkdown('正文。\n\n<!-- 备注：13812345678 -->\n', { today }).map((m) => m.line), [3]);
  });
  test('skip link targets and bare addresses but not the text of a link', () => {
    const body = '[下载](/attachments/13812345678.pdf)、<https://example.cn/13912345678>、[13712345678](tel:13712345678)';
    assert.deepEqual(findPersonalInfoInMarkdown(body, { today }).map((m) => m.text), ['13712345678']);
  });
  test('skip a table column of amounts or counts', () => {
    const body = '| 村 | 补贴金额（元） | 联系电话 |\n| --- | ---: | --- |\n| 东村 | 13800000000 | 13812345678 |';
    assert.deepEqual(findPersonalInfoInMarkdown(body, { today }).map((m) => m.text), ['13812345678']);
  });
  test('count lines inside indented and fenced code blocks', () => {
    assert.deepEqual(findPersonalInfoInMarkdown('第一段。\n\n    第二段\n    电话13812345678\n', { today }).map((m) => m.line), [4]);
    assert.deepEqual(findPersonalInfoInMarkdown('第一段。\n\n```\n名单\n电话13812345678\n```\n', { today }).map((m) => m.line), [5]);
  });
});

describe('maskPersonalInfo', () => {
  test('keeps the first 4 and last 4 characters of an ID or card', () => {
    assert.equal(maskPersonalInfo(ID), '4409**********7719');
    assert.equal(maskPersonalInfo('6222 0212 3456 7890 128'), '6222***********0128');
  });
  test('keeps the first 3 and last 4 digits of a mobile, without its country code or spacing', () => {
    assert.equal(maskPersonalInfo('13812345678'), '138****5678');
    assert.equal(maskPersonalInfo('+86 138-1234-5678'), '138****5678');
  });
});

describe('normalizePersonalInfo', () => {
  test('drops spaces, hyphens and a mobile’s country code, and upper-cases x', () => {
    assert.equal(normalizePersonalInfo('+86 138-1234-5678'), '13812345678');
    assert.equal(normalizePersonalInfo('110105 19491001 004x'), ID_X);
  });
});

describe('personalInfoProblems', () => {
  const source = (over: Partial<PersonalInfoSource>): PersonalInfoSource => ({
    file: 'notices/a.md', fields: [], body: '正文。', bodyLine: 8, allowed: [], ...over,
  });
  test('reports each number as an error with its file line, field, a masked excerpt and a fix', () => {
    const problems = personalInfoProblems(source({ body: `第一段。\n\n身份证号${ID}。`, fields: [{ field: '标题', text: '关于13812345678的通知', line: 2 }] }), { today });
    assert.deepEqual(problems.map((p) => `${p.line} ${p.field} ${p.severity} ${p.kind}`), ['2 标题 error personal-info', '10 正文 error personal-info']);
    assert.match(problems[0]!.message, /手机号码 138\*\*\*\*5678/);
    assert.match(problems[1]!.message, /居民身份证号码 4409\*\*\*\*\*\*\*\*\*\*7719/);
    assert.doesNotMatch(JSON.stringify(problems), new RegExp(`${ID}|13812345678`), 'the full number is never printed');
    assert.match(problems[1]!.fix!, /删除|隐藏/);
    assert.match(problems[1]!.fix!, /允许公开/);
  });
  test('accepts a number listed under 允许公开, however it is spaced', () => {
    const problems = personalInfoProblems(source({ body: '服务热线：138 1234 5678', allowed: [{ value: '13812345678', line: 9 }] }), { today });
    assert.deepEqual(problems, []);
  });
  test('accepts the office’s own published numbers', () => {
    assert.deepEqual(personalInfoProblems(source({ body: '咨询电话13812345678', ownNumbers: ['138-1234-5678'] }), { today }), []);
  });
  test('warns about a 允许公开 value that no longer occurs', () => {
    const problems = personalInfoProblems(source({ body: '服务热线：138****5678', allowed: [{ value: '138 1234 5678', line: 9 }] }), { today });
    assert.deepEqual(problems.map((p) => `${p.line} ${p.field} ${p.severity} ${p.kind}`), ['9 允许公开 warning stale-allowance']);
    assert.match(problems[0]!.message, /138\*\*\*\*5678/);
  });
});

describe('personalInfoExceptionLines', () => {
  test('lists every exception with its file, masked value and reason under a heading', () => {
    const lines = personalInfoExceptionLines([
      { file: 'notices/a.md', allowedPersonalInfo: [{ value: '138 1234 5678', reason: '农机服务热线' }] },
      { file: 'notices/b.md', allowedPersonalInfo: [] },
    ]);
    assert.deepEqual(lines, ['个人信息公开例外（已在公文中列明理由）：', '  notices/a.md  138****5678  理由：农机服务热线']);
  });
  test('is empty when no notice lists an exception', () => {
    assert.deepEqual(personalInfoExceptionLines([{ file: 'notices/a.md', allowedPersonalInfo: [] }]), []);
  });
});
