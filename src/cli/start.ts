/**
 * npm start [-- --content DIR --out DIR --base PATH --port N]
 * Builds the site (the example office by default) and serves it on this computer only,
 * on both the IPv4 and IPv6 loopback addresses, with the security headers deploy/nginx.conf
 * sends, so that the preview behaves like the real site.
 */
import { parseSiteOptions } from './options.ts';
import { buildSite } from '../build/build-site.ts';
import { printProblems } from './report.ts';
import { listenOnLoopback } from './static-server.ts';
import { securityHeadersFor } from '../domain/site/security-headers.ts';

const { site, values } = parseSiteOptions(process.argv.slice(2), { port: { type: 'string' } });
const result = await buildSite(site);
printProblems(result.problems);
if (!result.ok) {
  console.error(result.error ? `\n生成失败：${result.error}` : '\n内容有错误，未生成网站。');
  process.exit(1);
}
const server = await listenOnLoopback(site.out, site.base, Number(values.port ?? 4321), securityHeadersFor);
console.log(`\n网站已在本机启动，用浏览器打开：\n${server.urls.map((u) => `  ${u}`).join('\n')}\n按 Ctrl+C 停止。`);
