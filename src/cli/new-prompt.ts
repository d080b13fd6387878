/**
 * `npm run new` in a terminal: ask for what the flags did not give (or gave wrongly), one field
 * at a time, and ask again with the reason until the value is acceptable. The questions go
 * through `ask`, so this runs the same over node:readline or a test's scripted answers.
 */
import { checkDraft, flagOf, FIELD_FLAGS, type DraftContext, type DraftField, type DraftInput } from './new-options.ts';

export interface PromptIo {
  /** Show `question`, return the line typed (rejects when the editor gives up: Ctrl+C, Ctrl+D). */
  ask: (question: string) => Promise<string>;
  say: (line: string) => void;
}

/** Offered too when the editor runs `npm run new` without a title or category. */
const OPTIONAL_ASKED: readonly DraftField[] = ['docNumber', 'genre'];

const QUESTIONS: Partial<Record<DraftField, string>> = {
  title: '标题',
  category: '分类（输入序号或名称）',
  docNumber: '文号（例如 示镇府〔2026〕12号；没有就直接回车）',
  genre: '体裁（通知、公告、通告、意见、办法、报告、解读……；可直接回车不填）',
};

export async function askForDraft(start: DraftInput, context: DraftContext, io: PromptIo): Promise<DraftInput> {
  const input: DraftInput = { ...start };
  const first = checkDraft(input, context);
  if (first.ok) return input;
  const missingRequired = first.errors.some((e) => e.missing);
  const order: DraftField[] = [
    ...new Set([
      ...first.errors.map((e) => e.field),
      ...(missingRequired ? OPTIONAL_ASKED.filter((f) => !(f in start)) : []),
    ]),
  ];
  // Ask in the order of the usage text (标题, 分类, 文号 …), not in the order errors were found.
  const position = (field: DraftField) => FIELD_FLAGS.findIndex((f) => f.field === field);
  order.sort((a, b) => position(a) - position(b));

  for (const field of order) {
    let error = first.errors.find((e) => e.field === field && !e.missing)?.message;
    if (field === 'category') io.say(categoryMenu(context));
    for (;;) {
      if (error) io.say(`  ✗ ${error}`);
      const answer = (await io.ask(`${QUESTIONS[field] ?? flagOf(field).zh}：`)).trim();
      const value = field === 'category' ? categoryFromAnswer(answer, context) : answer;
      if (value) input[field] = value;
      else delete input[field];
      const found = checkDraft(input, context);
      error = found.ok ? undefined : found.errors.find((e) => e.field === field)?.message;
      if (!error) break;
      if (!value) error = `${flagOf(field).zh}不能为空`;
      else if (field === 'category' && /^\d+$/.test(value))
        error = `没有序号 ${value}：请输入 1 到 ${context.taxonomy.length} 之间的序号，或分类名称`;
    }
  }
  return input;
}

function categoryMenu(context: DraftContext): string {
  const width = String(context.taxonomy.length).length;
  return ['分类表：', ...context.taxonomy.map((c, i) => `  ${String(i + 1).padStart(width)}. ${c}`)].join('\n');
}

/** `5` → the fifth category; anything else as typed (a category named `5` still wins). */
export function categoryFromAnswer(answer: string, context: Pick<DraftContext, 'taxonomy'>): string {
  if (/^\d+$/.test(answer) && !context.taxonomy.includes(answer)) {
    const n = Number(answer);
    if (n >= 1 && n <= context.taxonomy.length) return context.taxonomy[n - 1]!;
  }
  return answer;
}
