/**
 * Real phrases readers type on the example office, and the notice each must find. Run against
 * the usual single search index (search-quality.test.ts) and a sharded one (search-shards.test.ts).
 * For every case, the results whose title holds the query come before all others
 * (titlesFirst); see src/domain/search/search-ranking.ts.
 */
import { toSimplified } from '../../src/domain/search/chinese-variants.ts';

/** [query, a title expected among the first `top` results, top]. */
export const CASES: [string, string, number][] = [
  ['不动产登记', '示例镇农村宅基地审批管理办法', 3],
  ['宅基地审批', '示例镇农村宅基地审批管理办法', 3],
  ['宅基地審批', '示例镇农村宅基地审批管理办法', 3],
  ['燃气安全隐患', '示例镇人民政府办公室关于开展燃气安全隐患排查整治“回头看”的通知', 1],
  ['最低生活保障', '示例镇人民政府关于做好最低生活保障和临时救助工作的通知', 3],
  ['临时救助', '示例镇人民政府关于做好最低生活保障和临时救助工作的通知', 3],
  ['森林防火', '示例镇人民政府关于进一步加强森林防火工作的通告', 1],
  ['征兵', '示例镇2026年上半年征兵工作通告', 3],
  ['防汛', '示例鎮人民政府辦公室關於做好2025年防汛工作的通知', 3],
  ['政务公开工作要点', '示例鎮人民政府辦公室關於印發示例鎮2023年政務公開工作要點的通知', 1],
  ['政務公開工作要點', '示例鎮人民政府辦公室關於印發示例鎮2023年政務公開工作要點的通知', 1],
  // A title holding the query comes first, over notices with its words in their text, even
  // when that notice is no longer in force or its title is in 繁體.
  ['人居', '示例镇人民政府办公室关于开展农村人居环境整治“百日攻坚”行动的通知', 1],
  ['任务分解', '示例镇人民政府关于印发示例镇2025年重点工作任务分解方案的通知', 1],
  ['適齡', '示例镇关于开展2024年适龄妇女“两癌”免费筛查工作的通知', 1],
  ['政策解讀', '《示例镇农村宅基地审批管理办法》政策解读', 1],
  ['管理辦法', '示例镇农村宅基地审批管理办法', 2],
  ['村级', '示例镇2023年公开招聘村级就业社保协管员公告', 2],
  ['暂行办法', '示例镇农村宅基地审批管理暂行办法', 1],
  ['镇区', '示例镇人民政府关于示例大道（镇区段）改造施工期间实施交通管制的通告', 1],
  ['文化節', '示例鎮人民政府辦公室關於舉辦2022年示例鎮鄉村文化節的通知', 1],
  ['防汛工作', '示例鎮人民政府辦公室關於做好2025年防汛工作的通知', 1],
  ['印發', '示例鎮人民政府辦公室關於印發示例鎮2023年政務公開工作要點的通知', 2],
];

/** [query, a title, a title it must come before]: 有效 before 失效/废止 at comparable relevance. */
export const ORDER_CASES: [string, string, string][] = [
  ['宅基地', '示例镇农村宅基地审批管理办法', '示例镇农村宅基地审批管理暂行办法'],
  ['春耕生产', '示例镇人民政府关于做好2026年春耕生产工作的通知', '示例镇人民政府关于做好2024年春耕生产工作的通知'],
  ['义务教育', '示例镇2026年秋季义务教育学校招生入学工作通告', '示例镇2023年秋季义务教育学校招生入学工作通告'],
];

/** The shown titles (as written, 简体 or 繁體) that hold the query are all ahead of those that do not. */
export function titlesFirst(query: string, titles: readonly string[]): boolean {
  const holds = titles.map((title) => toSimplified(title).includes(toSimplified(query)));
  return holds.indexOf(false) === -1 || !holds.slice(holds.indexOf(false)).includes(true);
}
