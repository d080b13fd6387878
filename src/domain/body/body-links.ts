/**
 * Links and embedded resources in notice bodies. A government page may link to other sites
 * (with a 外链提示), but may not load anything from them, nor carry scripts or frames:
 * these rules keep notices static, safe and free of third-party hosts.
 */
import type { Problem } from '../problems.ts';
import { eachNode, parseBody } from './body-text.ts';
import { stableHash } from '../text/stable-hash.ts';

/** A URL that points at another host (absolute http(s), or protocol-relative `//host/…`). */
export function isForeignUrl(url: string, siteUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), 'http://this.site.invalid/');
  } catch {
    return false;
  }
  if (parsed.host === 'this.site.invalid') return false;
  if (!/^https?:$/.test(parsed.protocol)) return false;
  if (siteUrl) {
    try {
      if (new URL(siteUrl).host === parsed.host) return false;
    } catch {
      /* no usable site URL: every absolute URL is foreign */
    }
  }
  return true;
}

/** Code of the 外链提示 page for an external link: `/waibu/<code>/`. */
export function externalLinkCode(url: string): string {
  return stableHash(url.trim());
}

/** Every link to another site in a body, for the 外链提示 pages. */
export function externalLinks(markdown: string, siteUrl?: string): string[] {
  const found: string[] = [];
  eachNode(parseBody(markdown), (node) => {
    if (node.type === 'link' && isForeignUrl(node.url, siteUrl)) found.push(node.url.trim());
  });
  return found;
}

/**
 * Images a body loads from other sites. (Scripts, frames, raw HTML images and every other
 * element are body-safety.ts's business.)
 */
export function bodyResourceProblems(file: string, markdown: string, bodyLine: number, siteUrl?: string): Problem[] {
  const problems: Problem[] = [];
  const lineOf = (node: { position?: { start: { line: number } } }) => bodyLine + (node.position?.start.line ?? 1) - 1;
  const foreign = (line: number, url: string) =>
    problems.push({
      file,
      line,
      field: '正文',
      severity: 'error',
      kind: 'foreign-resource',
      message: `正文从其他网站加载了资源 ${url}（政府网站页面不得加载第三方资源，IPv6 网络下也可能无法显示）`,
      fix: '把图片等文件下载后放进 attachments 文件夹，用相对路径引用；只需链接时请用 [文字](网址)',
    });
  eachNode(parseBody(markdown), (node) => {
    if (node.type === 'image' && isForeignUrl(node.url, siteUrl)) foreign(lineOf(node), node.url);
  });
  return problems;
}
