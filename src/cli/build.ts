/**
 * npm run build [-- --content DIR --out DIR --base PATH]
 * Checks the content, and only if there is no error builds the site into OUT (default dist/).
 */
import { parseSiteOptions } from './options.ts';
import { buildSite } from '../build/build-site.ts';
import { printProblems } from './report.ts';

const { site } = parseSiteOptions(process.argv.slice(2));
const started = performance.now();
const result = await buildSite(site);
printProblems(result.problems);
if (!result.ok) {
  console.error(result.error ? `\n生成失败：${result.error}` : '\n内容有错误，未生成网站；上次生成的网站保持不变。');
  console.error(result.outNote ?? `（输出文件夹 ${site.out} 未被改动）`);
  process.exit(1);
}
console.log(
  `网站已生成：${site.out}（网址前缀 ${site.base}，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）`,
);
