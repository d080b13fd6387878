/**
 * 分类: the topic taxonomy of the catalogue. The default is the State Council's 主题分类
 * used by gov.cn and most local catalogues; site.yaml's 分类 replaces it for offices that
 * follow a local list (e.g. the 26 基层政务公开 areas).
 */
import { editDistance } from '../text/edit-distance.ts';

export type Taxonomy = readonly string[];

export const DEFAULT_TAXONOMY: Taxonomy = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
];

/**
 * The category nearest to what the editor typed, to suggest in the error message. An entry that
 * holds what was typed (农业 → 农业、林业、水利), or that what was typed holds (国防动员 → 国防),
 * wins: clerks type one word of a combined entry, and by edit distance alone 农业 is nearer the
 * short, unrelated 国防. Among several such entries, and when there is none, the smallest edit
 * distance decides.
 */
export function nearestCategory(value: string, taxonomy: Taxonomy): string {
  const typed = stripPunctuation(value);
  const containing = typed
    ? taxonomy.filter((category) => {
        const entry = stripPunctuation(category);
        return entry.includes(typed) || typed.includes(entry);
      })
    : [];
  let best = (containing.length ? containing : taxonomy)[0] ?? '';
  let bestScore = Infinity;
  for (const category of containing.length ? containing : taxonomy) {
    const score = editDistance(typed, stripPunctuation(category));
    if (score < bestScore) [best, bestScore] = [category, score];
  }
  return best;
}

function stripPunctuation(text: string): string {
  return text.replace(/[、，,；;。.：:（）()\s/\\]/g, '');
}

/**
 * A short, stable URL segment for a category: its 1-based position in the taxonomy,
 * two digits (`/mulu/fenlei/05/`). ASCII keeps URLs safe on every static host.
 */
export function categorySlug(category: string, taxonomy: Taxonomy): string {
  const position = taxonomy.indexOf(category);
  if (position < 0) throw new Error(`分类“${category}”不在分类表中`);
  return String(position + 1).padStart(2, '0');
}
