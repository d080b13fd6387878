/**
 * Real phrases readers type on the example office, and the notice each must find. Run against
 * the usual single search index (search-quality.test.ts) and a sharded one (search-shards.test.ts).
 */
/** [query, a title expected among the first `top` results, top]. */
export const CASES: [string, string, number][] = [
  ['不动产登记', '示例镇农村宅基地审批管理办法', 3],
  ['宅基地审批', '示例镇农村宅基地审批管理办法', 3],
  ['宅基地審批', '示例镇农村宅基地审批管理办法', 3],
  // No phrase-proximity boost in Pagefind: the other 燃气安全 notice may rank first.
  ['燃气安全隐患', '示例镇人民政府办公室关于开展燃气安全隐患排查整治“回头看”的通知', 2],
  ['最低生活保障', '示例镇人民政府关于做好最低生活保障和临时救助工作的通知', 3],
  ['临时救助', '示例镇人民政府关于做好最低生活保障和临时救助工作的通知', 3],
  ['森林防火', '示例镇人民政府关于进一步加强森林防火工作的通告', 1],
  ['征兵', '示例镇2026年上半年征兵工作通告', 3],
  ['防汛', '示例鎮人民政府辦公室關於做好2025年防汛工作的通知', 3],
  ['政务公开工作要点', '示例鎮人民政府辦公室關於印發示例鎮2023年政務公開工作要點的通知', 1],
  ['政務公開工作要點', '示例鎮人民政府辦公室關於印發示例鎮2023年政務公開工作要點的通知', 1],
];
