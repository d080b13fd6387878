/**
 * /guanli/index.html: an empty page that loads the editor's bundled script, under the editor's
 * own policy (security-headers.ts `editorCspDirectives`) in a <meta>, so hosts that cannot send
 * headers (GitHub Pages, object storage) still apply it.
 */
import { editorCspDirectives, metaPolicy } from '../domain/site/security-headers.ts';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function editorPage(organName: string, gitHostOrigins: readonly string[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escape(metaPolicy(editorCspDirectives(gitHostOrigins)))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>管理 · ${escape(organName)}</title>
<link rel="icon" href="../favicon.svg">
<script type="module" src="main.js"></script>
</head>
<body>
<noscript>在线编辑需要启用 JavaScript。请使用新版 Chrome 或 Edge 浏览器。</noscript>
</body>
</html>
`;
}
