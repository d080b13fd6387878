import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import {
  checkDraft,
  parseNewOptions,
  todayInChina,
  NEW_USAGE,
  FIELD_FLAGS,
  type DraftContext,
  type DraftInput,
} from '../../src/cli/new-options.ts';
import { askForDraft, categoryFromAnswer } from '../../src/cli/new-prompt.ts';
import { DEFAULT_TAXONOMY } from '../../src/domain/notice/taxonomy.ts';
import type { CalendarDate } from '../../src/domain/notice/calendar-date.ts';

const CODE = '11441299MB2E00012L';
const context: DraftContext = {
  taxonomy: DEFAULT_TAXONOMY,
  organCode: CODE,
  existing: [`${CODE}/2026-00006`, `${CODE}/2026-00007`],
  today: '2026-11-23' as CalendarDate,
};
const parsed = (args: string[]) => {
  const result = parseNewOptions(args);
  assert.ok(result.ok, !result.ok ? result.message : '');
  return result;
};
const failure = (args: string[]) => {
  const result = parseNewOptions(args);
  assert.equal(result.ok, false);
  return !result.ok ? result.message : '';
};

describe('parseNewOptions', () => {
  test('reads every field from its Chinese flag', () => {
    const { input } = parsed([
      '--标题',
      '关于做好防汛工作的通知',
      '--分类',
      '农业、林业、水利',
      '--文号',
      '示镇府〔2026〕20号',
      '--体裁',
      '通知',
      '--发布日期',
      '2026-06-01',
    ]);
    assert.deepEqual(input, {
      title: '关于做好防汛工作的通知',
      category: '农业、林业、水利',
      docNumber: '示镇府〔2026〕20号',
      genre: '通知',
      publishedOn: '2026-06-01',
    });
  });
  test('reads the same fields from the English flags, with --flag=value too', () => {
    const { input } = parsed([
      '--title=关于做好防汛工作的通知',
      '--category',
      '农业、林业、水利',
      '--doc-number',
      '示镇府〔2026〕20号',
      '--genre',
      '通知',
      '--date',
      '2026-06-01',
    ]);
    assert.deepEqual(input, {
      title: '关于做好防汛工作的通知',
      category: '农业、林业、水利',
      docNumber: '示镇府〔2026〕20号',
      genre: '通知',
      publishedOn: '2026-06-01',
    });
  });
  test('every field has both a Chinese and an English flag, listed in --help', () => {
    for (const flag of FIELD_FLAGS) {
      assert.match(NEW_USAGE, new RegExp(`--${flag.zh} `));
      assert.match(NEW_USAGE, new RegExp(`--${flag.en}）`));
    }
  });
  test('defaults: content/ in the working folder, base /, asking allowed', () => {
    const options = parsed([]);
    assert.equal(options.content, resolve('content'));
    assert.equal(options.base, '/');
    assert.equal(options.yes, false);
    assert.deepEqual(parsed(['--content', 'x', '--base', 'gk', '--yes']).base, '/gk/');
  });
  test('trims values and treats a blank one as not given', () => {
    assert.deepEqual(parsed(['--标题', '  关于防汛的通知 ', '--文号', ' ']).input, { title: '关于防汛的通知' });
  });
  test('the same value under both names is fine; different values are refused', () => {
    assert.deepEqual(parsed(['--title', '甲', '--标题', '甲']).input, { title: '甲' });
    assert.match(failure(['--title', '甲', '--标题', '乙']), /--标题 和 --title 是同一个选项.*“甲”和“乙”/);
  });
  test('a flag given twice with different values is refused, not silently overridden', () => {
    assert.match(failure(['--分类', '国防', '--分类', '其他']), /--分类 写了不止一次.*“国防”和“其他”/);
  });
  test('an unknown flag is named, with the nearest real one and where to find them all', () => {
    const message = failure(['--标提', '关于防汛的通知']);
    assert.match(message, /不认识的选项 --标提/);
    assert.match(message, /是否应为 --标题/);
    assert.match(message, /--help/);
    assert.match(failure(['--frobnicate']), /^不认识的选项 --frobnicate（/);
  });
  test('a value without its flag explains that flags come first, and the npm -- rule', () => {
    assert.match(failure(['关于防汛的通知']), /多余的内容“关于防汛的通知”.*npm run new -- --标题/);
  });
  test('a flag without its value, or a value for a switch, is explained', () => {
    assert.match(failure(['--标题']), /选项 --标题 后面缺少内容/);
    assert.match(failure(['--yes=1']), /选项 --yes 后面不用写值/);
  });
});

describe('checkDraft', () => {
  const ok = (input: DraftInput) => {
    const result = checkDraft(input, context);
    assert.ok(result.ok, !result.ok ? result.errors.map((e) => e.message).join('\n') : '');
    return result;
  };
  const errors = (input: DraftInput) => {
    const result = checkDraft(input, context);
    assert.equal(result.ok, false);
    return !result.ok ? result.errors : [];
  };

  test('needs a 标题 and a 分类, and lists both when both are missing', () => {
    const found = errors({});
    assert.deepEqual(
      found.map((e) => [e.field, e.missing]),
      [
        ['title', true],
        ['category', true],
      ],
    );
    assert.match(found[1]!.message, /缺少分类：请用 --分类（或 --category）/);
  });
  test('发布日期 defaults to today; the 机构代码 to site.yaml’s', () => {
    const { draft } = ok({ title: '关于防汛的通知', category: '综合政务' });
    assert.equal(draft.publishedOn, '2026-11-23');
    assert.equal(draft.code, CODE);
  });
  test('lists every wrong value at once', () => {
    const found = errors({
      title: '甲',
      category: '农业林业水利',
      docNumber: '示镇府〔2026〕05号',
      publishedOn: '2026-02-30',
      writtenOn: '2026/01/01',
      code: '1144',
    });
    assert.deepEqual(
      found.map((e) => e.field),
      ['category', 'docNumber', 'publishedOn', 'writtenOn', 'code'],
    );
    assert.match(found[0]!.message, /是否应为“农业、林业、水利”/);
    assert.match(found[1]!.message, /改为 示镇府〔2026〕5号/);
    assert.match(found[2]!.message, /不是真实存在的日期/);
    assert.match(found[3]!.message, /YYYY-MM-DD/);
  });
  test('corrects the brackets of a 文号 and says so', () => {
    const result = ok({ title: '甲', category: '综合政务', docNumber: '示镇府【2026】5号' });
    assert.equal(result.draft.docNumber, '示镇府〔2026〕5号');
    assert.match(result.notes.join(), /已改为“示镇府〔2026〕5号”/);
  });
  test('成文日期 may not be after 发布日期', () => {
    assert.match(
      errors({ title: '甲', category: '综合政务', publishedOn: '2026-03-01', writtenOn: '2026-03-02' })[0]!.message,
      /晚于发布日期/,
    );
  });
  test('a 解读 must name an existing notice’s 索引号, and is a 解读 unless the 体裁 says otherwise', () => {
    assert.match(
      errors({ title: '甲', category: '综合政务', interprets: `${CODE}/2026-00099` })[0]!.message,
      /找不到索引号为/,
    );
    assert.match(
      errors({ title: '甲', category: '综合政务', interprets: `${CODE}/2026-99` })[0]!.message,
      /不是规范的索引号.*补零/,
    );
    const { draft } = ok({ title: '甲', category: '综合政务', interprets: `${CODE}/2026-00006` });
    assert.equal(draft.interprets, `${CODE}/2026-00006`);
    assert.equal(draft.genre, '解读');
  });
  test('a misspelt 机构代码 gets the corrected form suggested', () => {
    assert.match(
      errors({ title: '甲', category: '综合政务', code: '11441299mb2e00012l' })[0]!.message,
      /是否应为 11441299MB2E00012L/,
    );
  });
  test('a value with a line break is refused (every value goes on one line)', () => {
    assert.match(errors({ title: '第一行\n第二行', category: '综合政务' })[0]!.message, /标题中有换行/);
  });
  test('主题词 split on spaces and 、', () => {
    assert.deepEqual(ok({ title: '甲', category: '综合政务', keywords: '春耕、农业 通知' }).draft.keywords, [
      '春耕',
      '农业',
      '通知',
    ]);
  });
});

describe('todayInChina', () => {
  test('is the date in Beijing, not on the computer’s clock', () => {
    assert.equal(todayInChina(new Date('2026-11-23T15:59:00Z')), '2026-11-23');
    assert.equal(todayInChina(new Date('2026-11-23T16:00:00Z')), '2026-11-24');
    assert.equal(todayInChina(new Date('2026-12-31T16:30:00Z')), '2027-01-01');
  });
});

describe('asking in a terminal', () => {
  /** Scripted answers; what was shown is kept for the assertions. */
  const session = (answers: string[]) => {
    const shown: string[] = [];
    const io = {
      ask: async (question: string) => {
        shown.push(question);
        const answer = answers.shift();
        if (answer === undefined) throw new Error(`no answer scripted for ${question}`);
        return answer;
      },
      say: (line: string) => void shown.push(line),
    };
    return { io, shown };
  };

  test('asks for 标题, 分类 (from the numbered list), 文号 and 体裁 when run bare', async () => {
    const { io, shown } = session(['关于做好防汛工作的通知', '5', '', '通知']);
    const input = await askForDraft({}, context, io);
    assert.deepEqual(input, { title: '关于做好防汛工作的通知', category: '农业、林业、水利', genre: '通知' });
    assert.ok(shown.some((line) => line.includes(' 5. 农业、林业、水利')));
    assert.ok(checkDraft(input, context).ok);
  });
  test('asks again, with the reason, until the value is right', async () => {
    const { io, shown } = session([
      '',
      '关于防汛的通知',
      '99',
      '农业林业',
      '农业、林业、水利',
      '示镇府〔2026〕05号',
      '示镇府〔2026〕5号',
      '',
    ]);
    const input = await askForDraft({}, context, io);
    assert.equal(input.category, '农业、林业、水利');
    assert.equal(input.docNumber, '示镇府〔2026〕5号');
    const said = shown.join('\n');
    assert.match(said, /标题不能为空/);
    assert.match(said, /没有序号 99/);
    assert.match(said, /是否应为“农业、林业、水利”/);
    assert.match(said, /不补零/);
  });
  test('asks only for what the flags left missing or got wrong', async () => {
    const { io, shown } = session(['综合政务']);
    const input = await askForDraft({ title: '关于防汛的通知', category: '综合政務' }, context, io);
    assert.equal(input.category, '综合政务');
    assert.equal(shown.filter((line) => line.endsWith('：')).length, 1, 'one question');
    assert.match(shown.join('\n'), /不在分类表中/);
  });
  test('an optional field given wrongly may be answered blank to leave it out', async () => {
    const { io } = session(['']);
    const input = await askForDraft({ title: '关于防汛的通知', category: '综合政务', docNumber: '第5号' }, context, io);
    assert.equal(input.docNumber, undefined);
  });
  test('a number picks a category; a category literally named by digits still wins', () => {
    assert.equal(categoryFromAnswer('1', context), '综合政务');
    assert.equal(categoryFromAnswer('21', context), '其他');
    assert.equal(categoryFromAnswer('0', context), '0');
    assert.equal(categoryFromAnswer('2', { taxonomy: ['1', '2'] }), '2');
  });
});
