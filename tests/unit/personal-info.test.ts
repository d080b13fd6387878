import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findPersonalInfo,
  findPersonalInfoInAddress,
  findPersonalInfoInMarkdown,
  frontmatterTexts,
  isBankCardNumber,
  isIdCardNumber,
  maskPersonalInfo,
  normalizePersonalInfo,
  personalInfoExceptionLines,
  personalInfoProblems,
  type PersonalInfoSource,
} from '../../src/domain/privacy/personal-info.ts';
import type { CalendarDate } from '../../src/domain/notice/calendar-date.ts';

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
      'mobile:+86 13812345678',
      'mobile:+86-138-1234-5678',
      'mobile:8613812345678',
    ]);
    assert.deepEqual(
      found('１３８１２３４５６７８'),
      ['mobile:１３８１２３４５６７８'],
      'full-width digits from a Chinese input method',
    );
  });
  test('is found in lists separated by “/”, “,” or “、”', () => {
    assert.deepEqual(found('0758-1234567/13812345678,13912345678、13712345678'), [
      'mobile:13812345678',
      'mobile:13912345678',
      'mobile:13712345678',
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
  test('article ids and hosts in web addresses', () => {
    assert.deepEqual(found('见 https://www.gov.cn/zhengce/content/2024-03/01/content_6935123.htm'), []);
    assert.deepEqual(
      found('http://www.gd.gov.cn/gkmlpt/content/4/4123/post_4123456.html#7 和 http://13812345678.example.cn/'),
      [],
    );
    assert.deepEqual(
      found('www.example.cn/art/2024/3/1/art_1229_13812345.html?id=6222021234567890127'),
      [],
      'a card-length id failing Luhn',
    );
  });
  test('file names mentioned in running text', () => {
    assert.deepEqual(found('附件：张三13812345678.pdf、2024/13812345678-名单.xlsx'), []);
  });
});

describe('numbers in a Markdown body', () => {
  test('are found in paragraphs, tables and inline HTML, each with its line', () => {
    const body = [
      '公示如下：',
      '',
      '| 姓名 | 身份证号 | 电话 |',
      '| --- | --- | --- |',
      `| 张三 | ${ID} | 13812345678 |`,
      '',
      '<p>联系人：李四 <b>13912345678</b></p>',
    ].join('\n');
    assert.deepEqual(
      findPersonalInfoInMarkdown(body, { today }).map((m) => `${m.line} ${m.kind}`),
      ['5 id-card', '5 mobile', '7 mobile'],
    );
  });
  test('are not found in HTML comments, which the site strips from pages', () => {
    assert.deepEqual(
      findPersonalInfoInMarkdown('正文。\n\n<!-- 备注：13812345678 -->\n\n内容<!-- 13912345678 -->。', { today }),
      [],
    );
  });
  test('are found in link targets as well as link text, once per line', () => {
    const body =
      '[下载](/attachments/13812345678.pdf)、<https://example.cn/13912345678>、[13712345678](tel:13712345678)';
    assert.deepEqual(
      findPersonalInfoInMarkdown(body, { today }).map((m) => m.text),
      ['13812345678', '13912345678', '13712345678'],
    );
  });
  test('read a bare mobile-length figure in a column of amounts or counts as an amount', () => {
    const body = '| 村 | 补贴金额（元） | 联系电话 |\n| --- | ---: | --- |\n| 东村 | 13800000000 | 13812345678 |';
    assert.deepEqual(
      findPersonalInfoInMarkdown(body, { today }).map((m) => m.text),
      ['13812345678'],
    );
  });
  test('count lines inside indented and fenced code blocks', () => {
    assert.deepEqual(
      findPersonalInfoInMarkdown('第一段。\n\n    第二段\n    电话13812345678\n', { today }).map((m) => m.line),
      [4],
    );
    assert.deepEqual(
      findPersonalInfoInMarkdown('第一段。\n\n```\n名单\n电话13812345678\n```\n', { today }).map((m) => m.line),
      [5],
    );
  });
});

/** `line kind masked` of every number found in a Markdown body. */
const inBody = (markdown: string) =>
  findPersonalInfoInMarkdown(markdown, { today }).map((m) => `${m.line} ${m.kind} ${maskPersonalInfo(m.value)}`);

describe('numbers grouped any way', () => {
  test('a mobile is found in any grouping, with spaces, dashes or dots of any width', () => {
    for (const text of [
      '1381-234-5678',
      '138.1234.5678',
      '1381 2345 678',
      '138 - 1234 - 5678',
      '138——1234——5678',
      '138–1234–5678',
      '138·1234·5678',
      '138\u00a01234\u00a05678',
      '138\u30001234\u30005678',
      '１３８－１２３４－５６７８',
      '１３８．１２３４．５６７８',
      '138     1234   5678',
    ]) {
      assert.deepEqual(found(`电话：${text}。`), [`mobile:${text}`], text);
    }
  });
  test('an ID is found in any grouping, its check character even standing alone', () => {
    for (const text of [
      '440901 1990 0101 7719',
      '4409-0119-9001-0177-19',
      '4409.0119.9001.0177.19',
      '440901-19900101-7719',
      '110105 19491001 004 X',
    ]) {
      assert.equal(found(`身份证号 ${text}`).length, 1, text);
    }
    assert.deepEqual(
      findPersonalInfo('身份证号 440901-19900101 7719', { today }).map((m) => m.value),
      [ID],
      'an ID’s own check is strong enough for mixed separators',
    );
  });
  test('a card is found in any grouping joined one way', () => {
    for (const text of [
      '6222 0212 3456 7890 128',
      '622202 1234567890128',
      '6222-0212-3456-7890-128',
      '62220 21234 56789 0128',
    ]) {
      assert.deepEqual(
        findPersonalInfo(`账号 ${text}`, { today }).map((m) => `${m.kind} ${m.value}`),
        [`bank-card ${CARD_19}`],
        text,
      );
    }
  });
  test('a list of numbers is read as separate numbers', () => {
    assert.deepEqual(found('13812345678 13912345678'), ['mobile:13812345678', 'mobile:13912345678']);
    assert.deepEqual(found('0758-1234567 138-1234-5678'), ['mobile:138-1234-5678']);
    assert.deepEqual(found('13812345678 - 13912345678'), ['mobile:13812345678', 'mobile:13912345678']);
  });
  test('small numbers, dates and times are not joined into one', () => {
    assert.deepEqual(found('1 2 3 4 5 6 7 8 9 10 11'), []);
    assert.deepEqual(found('第 1 2 3 13 14 15 16 17 18 条'), []);
    assert.deepEqual(found('2024-03-01 12:30、2024.03.01—2024.12.31、2024-03-01 2024-03-02、1990.1.1'), []);
    assert.deepEqual(found('2024年3月1日 08:30-12:00'), []);
  });
  test('landlines, 索引号, amounts and IP addresses are not numbers of a person', () => {
    assert.deepEqual(found('0758-1234567、0758 1234 5678、0758-12345678 转 801、400 123 4567'), []);
    assert.deepEqual(found('11440000123456789X/2024-00001'), []);
    assert.deepEqual(found('13,800,000,000元、13 800 000 000元、1.38 亿元'), []);
    assert.deepEqual(found('服务器 192.168.100.20'), []);
  });
  test('a longer grouping, a failing Luhn digit or a wrong check character is not a number', () => {
    assert.deepEqual(found('6222 0212 3456 7890 1280'), [], 'one group too many');
    assert.deepEqual(found('6222 0212 3456 7890 127'), [], 'Luhn fails');
    assert.deepEqual(found('4409 0119 9001 0177 11'), [], 'wrong check character');
    assert.deepEqual(found('6222 0212-3456 7890 128'), [], 'a card’s groups joined two ways');
    assert.deepEqual(found('13800000000.50、13800000000-1'), [], 'a decimal, a code');
  });
  test('a unit does not make an ID or a card an amount', () => {
    assert.deepEqual(found(`${ID}元、￥${CARD_19}`), [`id-card:${ID}`, `bank-card:${CARD_19}`]);
  });
  test('an allowance matches the number however either is grouped', () => {
    for (const written of ['138.1234.5678', '1381-234-5678', '138\u200b1234\u200b5678', '１３８　１２３４　５６７８']) {
      assert.equal(normalizePersonalInfo(written), '13812345678', written);
    }
    const problems = personalInfoProblems(
      {
        file: 'notices/a.md',
        fields: [],
        body: '热线 138.1234.5678、138<b>1234</b>5678',
        bodyLine: 8,
        allowed: [{ value: '138 1234 5678', line: 5 }],
      },
      { today },
    );
    assert.deepEqual(problems, []);
  });
});

describe('invisible characters inside a number', () => {
  test('are removed before matching, and left out of the text shown', () => {
    for (const text of [
      '138\u200b1234\u200b5678',
      '1381234\u00ad5678',
      '\ufeff13812345678',
      '138\u180e12345678',
      '1\u200d3\u200c8\u200e1\u200f2\u20613\u20624\u20645\u206067\ufe0f8',
    ]) {
      assert.deepEqual(found(`电话${text}`), ['mobile:13812345678'], JSON.stringify(text));
    }
    assert.deepEqual(found(`身份证号4409\u200b0119\u200b9001\u200b0177\u200b19`), [`id-card:${ID}`]);
  });
  test('keep the line of the number in a body', () => {
    assert.deepEqual(inBody('第一段。\n\n第二段\n电话138\u200b1234\u200b5678'), ['4 mobile 138****5678']);
  });
});

describe('numbers split by markup the reader does not see', () => {
  test('are found when bold, code, links, tags or comments split them', () => {
    for (const body of [
      '电话138**1234**5678',
      '电话138*1234*5678',
      '电话138~~1234~~5678',
      '电话138`1234`5678',
      '电话138[1234](/a)5678',
      '电话138<b>1234</b>5678',
      '电话138<span class="x">1234</span>5678',
      '电话138<!-- x -->12345678',
      '电话：**138**12345678。',
      '电话138&#8203;1234&nbsp;5678',
    ]) {
      assert.deepEqual(inBody(body), ['1 mobile 138****5678'], body);
    }
  });
  test('are found across a soft line break, at the line the number starts on', () => {
    assert.deepEqual(inBody('标题\n\n第一行\n电话138\n1234 5678'), ['4 mobile 138****5678']);
  });
  test('are found in headings, list items, quotes and HTML blocks', () => {
    assert.deepEqual(inBody('## 联系138**1234**5678'), ['1 mobile 138****5678']);
    assert.deepEqual(inBody('- 张三\n- 李四 138<i>1234</i>5678'), ['2 mobile 138****5678']);
    assert.deepEqual(inBody('> 引文\n> 身份证4409**0119**9001**0177**19'), ['2 id-card 4409**********7719']);
    assert.deepEqual(inBody('<div>\n<p>李四\n138<span>1234</span>5678</p>\n</div>'), ['3 mobile 138****5678']);
  });
  test('are not joined across table cells, line breaks or code lines', () => {
    assert.deepEqual(inBody('<table><tr><td>138</td><td>12345678</td></tr></table>'), []);
    assert.deepEqual(inBody('| a | b |\n| --- | --- |\n| 138 | 12345678 |'), []);
    assert.deepEqual(inBody('138<br>12345678'), []);
    assert.deepEqual(inBody('```\n138\n12345678\n```'), []);
  });
});

describe('numbers in a table', () => {
  test('are found in every column, however the header reads', () => {
    const body =
      '| 姓名 | 补贴金额（元） | 人数 |\n| --- | ---: | ---: |\n| 张三 | 440901199001017719 | 3 |\n| 李四 | 500 | 138 1234 5678 |\n| 王五 | 电话13912345678 | 2 |';
    assert.deepEqual(inBody(body), ['3 id-card 4409**********7719', '4 mobile 138****5678', '5 mobile 139****5678']);
  });
  test('keep the unit rule inside a cell, and read a bare figure in an amount column as an amount', () => {
    const body =
      '| 村 | 户数 | 投资（元） | 备注 |\n| --- | --- | --- | --- |\n| 东村 | 2846户 | 13800000000 | 13800000000元 |\n| 西村 | 12 | 13 800 000 000 | 合计 |';
    assert.deepEqual(inBody(body), []);
  });
});

describe('numbers in link targets, titles and definitions', () => {
  test('are found in tel:, sms: and mailto: targets, queries and attachment paths', () => {
    assert.deepEqual(inBody('[电话](tel:13812345678)'), ['1 mobile 138****5678']);
    assert.deepEqual(inBody('[电话](tel:+86-138-1234-5678)、[短信](sms:13912345678?body=hi)'), [
      '1 mobile 138****5678',
      '1 mobile 139****5678',
    ]);
    assert.deepEqual(inBody('正文\n\n[邮件](mailto:13812345678@qq.com)、<13912345678@qq.com>'), [
      '3 mobile 138****5678',
      '3 mobile 139****5678',
    ]);
    assert.deepEqual(inBody(`[查询结果](https://x.gov.cn/cx?xm=张三&sfz=${ID})`), ['1 id-card 4409**********7719']);
    assert.deepEqual(inBody(`[名单](/attachments/2024/张三-${ID}.pdf)`), ['1 id-card 4409**********7719']);
    assert.deepEqual(inBody(`[名单](/attachments/2024/%E5%BC%A0%E4%B8%89_${ID}.pdf)`), [
      '1 id-card 4409**********7719',
    ]);
    assert.deepEqual(inBody('见 https://www.example.cn/cx?tel=13812345678'), ['1 mobile 138****5678']);
  });
  test('are found in link and image titles and image descriptions', () => {
    assert.deepEqual(inBody('[详情](/a "联系13812345678")'), ['1 mobile 138****5678']);
    assert.deepEqual(inBody('![照片](/a.png "13812345678")\n![张三 13912345678](/b.png)'), [
      '1 mobile 138****5678',
      '2 mobile 139****5678',
    ]);
  });
  test('are found in link reference definitions and HTML attributes', () => {
    assert.deepEqual(inBody('见[名单][a]。\n\n[a]: /cx?sfz=440901199001017719 "联系13812345678"'), [
      '3 id-card 4409**********7719',
      '3 mobile 138****5678',
    ]);
    assert.deepEqual(inBody('<a href="tel:13812345678" title="13912345678">电话</a>'), [
      '1 mobile 138****5678',
      '1 mobile 139****5678',
    ]);
  });
  test('are not found in hosts, article ids or card-length ids failing Luhn', () => {
    assert.deepEqual(inBody('[国务院](https://www.gov.cn/zhengce/content/2024-03/01/content_6935123.htm)'), []);
    assert.deepEqual(
      inBody(
        '[a](http://13812345678.example.cn/t20240301_1234567.html)、[b](/art/2024/3/1/art_1229_6222021234567890127.html)',
      ),
      [],
    );
    assert.deepEqual(findPersonalInfoInAddress('https://example.cn/a/b?id=20240301123456&page=13'), []);
  });
});

describe('frontmatterTexts', () => {
  const data = {
    标题: '关于张三的公示',
    索引号: '114400001234567890/2024-00001',
    主题词: ['民政', '13812345678'],
    附件: [
      { 名称: '名单', 文件: `2024/张三-${ID}.pdf` },
      { 名称: '申请表', 文件: '2024/b.docx' },
    ],
    允许公开: [{ 值: '13912345678', 理由: '热线' }],
  };
  const keyLines: Record<string, number> = { 标题: 2, 索引号: 3, 主题词: 4, 附件: 5, 允许公开: 10 };
  const source = [
    '---',
    '标题: 关于张三的公示',
    '索引号: "114400001234567890/2024-00001"',
    '主题词: [民政, "13812345678"]',
    '附件:',
    '  - 名称: 名单',
    `    文件: 2024/张三-${ID}.pdf`,
    '  - 名称: 申请表',
    '    文件: 2024/b.docx',
    '允许公开:',
    '  - 值: "13912345678"',
    '    理由: 热线',
    '---',
    '正文',
  ].join('\n');
  test('returns every published value at any depth with a field label, but not 允许公开', () => {
    assert.deepEqual(
      frontmatterTexts(data, (key) => keyLines[key]).map((t) => `${t.line} ${t.field} ${t.text}`),
      [
        '2 标题 关于张三的公示',
        '3 索引号 114400001234567890/2024-00001',
        '4 主题词 民政',
        '4 主题词 13812345678',
        '5 附件名称 名单',
        `5 附件文件 2024/张三-${ID}.pdf`,
        '5 附件名称 申请表',
        '5 附件文件 2024/b.docx',
      ],
    );
  });
  test('gives a nested value its own line when the source text is given', () => {
    assert.deepEqual(
      frontmatterTexts(data, (key) => keyLines[key], source)
        .filter((t) => t.field.startsWith('附件'))
        .map((t) => t.line),
      [6, 7, 8, 9],
    );
  });
  test('lets personalInfoProblems find a number in a 主题词 and in an attachment’s file path', () => {
    const problems = personalInfoProblems(
      {
        file: 'notices/a.md',
        fields: frontmatterTexts(data, (key) => keyLines[key], source),
        body: '正文。',
        bodyLine: 15,
        allowed: [{ value: '13912345678', line: 11 }],
      },
      { today },
    );
    assert.deepEqual(
      problems.map((p) => `${p.line} ${p.field} ${p.kind}`),
      ['4 主题词 personal-info', '7 附件文件 personal-info', '11 允许公开 stale-allowance'],
    );
    assert.match(problems[1]!.message, /附件文件中有居民身份证号码 4409\*{10}7719/);
  });
  test('reads a value written over several lines as the page shows it, on one line', () => {
    const problems = personalInfoProblems(
      {
        file: 'notices/a.md',
        fields: [{ field: '摘要', text: '联系人李四\n138\n1234 5678', line: 6 }],
        body: '正文。',
        bodyLine: 9,
        allowed: [],
      },
      { today },
    );
    assert.deepEqual(
      problems.map((p) => `${p.line} ${p.field} ${p.kind}`),
      ['6 摘要 personal-info'],
    );
  });
});

describe('the 指南', () => {
  test('is reviewed with the same rules, without fields or allowances', () => {
    const problems = personalInfoProblems(
      {
        file: 'guide.md',
        fields: [],
        body: '# 指南\n\n咨询电话：0758-1234567\n\n联系人 138**1234**5678',
        bodyLine: 1,
        allowed: [],
        ownNumbers: ['0758-1234567'],
      },
      { today },
    );
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.kind}`),
      ['guide.md:5 正文 personal-info'],
    );
    assert.doesNotMatch(JSON.stringify(problems), /13812345678/);
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
    file: 'notices/a.md',
    fields: [],
    body: '正文。',
    bodyLine: 8,
    allowed: [],
    ...over,
  });
  test('reports each number as an error with its file line, field, a masked excerpt and a fix', () => {
    const problems = personalInfoProblems(
      source({
        body: `第一段。\n\n身份证号${ID}。`,
        fields: [{ field: '标题', text: '关于13812345678的通知', line: 2 }],
      }),
      { today },
    );
    assert.deepEqual(
      problems.map((p) => `${p.line} ${p.field} ${p.severity} ${p.kind}`),
      ['2 标题 error personal-info', '10 正文 error personal-info'],
    );
    assert.match(problems[0]!.message, /手机号码 138\*\*\*\*5678/);
    assert.match(problems[1]!.message, /居民身份证号码 4409\*\*\*\*\*\*\*\*\*\*7719/);
    assert.doesNotMatch(JSON.stringify(problems), new RegExp(`${ID}|13812345678`), 'the full number is never printed');
    assert.match(problems[1]!.fix!, /删除|隐藏/);
    assert.match(problems[1]!.fix!, /允许公开/);
  });
  test('accepts a number listed under 允许公开, however it is spaced', () => {
    const problems = personalInfoProblems(
      source({ body: '服务热线：138 1234 5678', allowed: [{ value: '13812345678', line: 9 }] }),
      { today },
    );
    assert.deepEqual(problems, []);
  });
  test('accepts the office’s own published numbers', () => {
    assert.deepEqual(
      personalInfoProblems(source({ body: '咨询电话13812345678', ownNumbers: ['138-1234-5678'] }), { today }),
      [],
    );
  });
  test('warns about a 允许公开 value that no longer occurs', () => {
    const problems = personalInfoProblems(
      source({ body: '服务热线：138****5678', allowed: [{ value: '138 1234 5678', line: 9 }] }),
      { today },
    );
    assert.deepEqual(
      problems.map((p) => `${p.line} ${p.field} ${p.severity} ${p.kind}`),
      ['9 允许公开 warning stale-allowance'],
    );
    assert.match(problems[0]!.message, /138\*\*\*\*5678/);
  });
});

describe('personalInfoExceptionLines', () => {
  test('lists every exception with its file, masked value and reason under a heading', () => {
    const lines = personalInfoExceptionLines([
      { file: 'notices/a.md', allowedPersonalInfo: [{ value: '138 1234 5678', reason: '农机服务热线' }] },
      { file: 'notices/b.md', allowedPersonalInfo: [] },
    ]);
    assert.deepEqual(lines, [
      '个人信息公开例外（已在公文中列明理由）：',
      '  notices/a.md  138****5678  理由：农机服务热线',
    ]);
  });
  test('is empty when no notice lists an exception', () => {
    assert.deepEqual(personalInfoExceptionLines([{ file: 'notices/a.md', allowedPersonalInfo: [] }]), []);
  });
});
