/**
 * `**加粗。**后文` is what Chinese editors type, and CommonMark leaves it as literal asterisks:
 * a closing `**` right after a Chinese punctuation mark and right before a character is not
 * "right-flanking" (commonmark-spec issue 650). The CJK-friendly rule (tats-u's proposal, now
 * in markdig, comrak, GitLab) accepts it. We apply its common case to text the Markdown parser
 * left alone: a `**…**` pair inside one text run, with CJK on at least one side.
 */
export interface TextRun {
  strong: boolean;
  value: string;
}

const PAIR = /\*\*(?=\S)([^*]*?\S)\*\*/g;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Splits `text` into plain and strong runs; a single plain run when there is nothing to do. */
export function splitCjkStrong(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(PAIR)) {
    const start = match.index;
    const end = start + match[0].length;
    const around = `${text[start - 1] ?? ''}${match[1]![0]}${match[1]!.at(-1)}${text[end] ?? ''}`;
    if (!CJK.test(around)) continue;
    if (start > last) runs.push({ strong: false, value: text.slice(last, start) });
    runs.push({ strong: true, value: match[1]! });
    last = end;
  }
  if (last === 0) return [{ strong: false, value: text }];
  if (last < text.length) runs.push({ strong: false, value: text.slice(last) });
  return runs;
}
