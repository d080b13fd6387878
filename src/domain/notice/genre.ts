/**
 * 体裁 (文种): the 15 kinds of the 党政机关公文处理工作条例 and what offices commonly publish
 * besides, with the pinyin that names them in ASCII — in new files' names (`20261123-tongzhi.md`)
 * and in the 目录's 体裁 pages (`/mulu/ticai/tongzhi/`). Append only: a pinyin here is part of
 * URLs already published.
 */
export const GENRE_PINYIN: readonly (readonly [string, string])[] = [
  ['通知', 'tongzhi'],
  ['公告', 'gonggao'],
  ['通告', 'tonggao'],
  ['意见', 'yijian'],
  ['决定', 'jueding'],
  ['决议', 'jueyi'],
  ['命令', 'mingling'],
  ['公报', 'gongbao'],
  ['通报', 'tongbao'],
  ['报告', 'baogao'],
  ['请示', 'qingshi'],
  ['批复', 'pifu'],
  ['议案', 'yian'],
  ['纪要', 'jiyao'],
  ['函', 'han'],
  ['令', 'ling'],
  ['解读', 'jiedu'],
  ['办法', 'banfa'],
  ['规定', 'guiding'],
  ['细则', 'xize'],
  ['规则', 'guize'],
  ['规范', 'guifan'],
  ['方案', 'fangan'],
  ['规划', 'guihua'],
  ['计划', 'jihua'],
  ['要点', 'yaodian'],
  ['公示', 'gongshi'],
  ['总结', 'zongjie'],
];
/** Longest first, so 命令 wins over 令. */
const BY_LENGTH = [...GENRE_PINYIN].sort((a, b) => b[0].length - a[0].length);

/** Pinyin of the 文种 a 体裁 or title ends with: `关于……的通知` → tongzhi. */
export function genrePinyin(text: string | undefined): string | undefined {
  // 管理办法（试行）, 通知（第二号）: the 文种 comes before a bracketed qualifier.
  const bare = text
    ?.trim()
    .replace(/[（(][^（()）]*[）)]$/, '')
    .trim();
  return bare ? BY_LENGTH.find(([genre]) => bare.endsWith(genre))?.[1] : undefined;
}
