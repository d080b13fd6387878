/**
 * /guanli/index.html: an empty page that loads the editor's bundled script, under the editor's
 * own policy (security-headers.ts `editorCspDirectives`) in a <meta>, so hosts that cannot send
 * headers (GitHub Pages, object storage) still apply it.
 */
import { editorCspDirectives, metaPolicy } from '../domain/site/security-headers.ts';

const LOCAL_ONLY = `<main id="local-only" hidden style="max-width:40em;margin:2em auto;padding:0 1em;font:16px/1.7 sans-serif;color:#1a1a1a">
<h1 style="font-size:1.5em">在线编辑只能在工作人员的电脑上使用</h1>
<p>本站没有设置代码仓库，编辑器只能打开工作人员电脑上的网站文件夹：在网站文件夹中运行 <code>npm start</code>，再用 Chrome 或 Edge 打开 <code>http://127.0.0.1:4321/guanli/</code>，点“使用本地仓库”。</p>
<p>要在任何电脑上登录编辑，请网站维护人员在 site.yaml 中填写“代码仓库”（见网站程序的说明文档 docs/guanli.md）。</p>
</main>
`;

/**
 * Sveltia's "sign in with a token" button (`sign_in_using_access_token`, in the 简体 and 繁體
 * UI), found by the `data-label` Sveltia gives its buttons; tests/build/guanli.test.ts fails if
 * an upgrade renames it.
 */
export const TOKEN_SIGN_IN_LABELS = ['使用访问令牌登录', '使用存取權杖登入'];
const HIDE_TOKEN_SIGN_IN = `<style>${TOKEN_SIGN_IN_LABELS.map((l) => `button[data-label="${l}"]`).join(',')}{display:none!important}</style>
`;

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * `localOnly`: the office has no git host, so the editor opens a local folder only, which works
 * on 127.0.0.1 and localhost (npm start); elsewhere main.ts shows the explanation below instead.
 */
export function editorPage(organName: string, gitHostOrigins: readonly string[], localOnly: boolean): string {
  return `<!doctype html>
<html lang="zh-CN"${localOnly ? ' data-local-only' : ''}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escape(metaPolicy(editorCspDirectives(gitHostOrigins)))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>管理 · ${escape(organName)}</title>
<link rel="icon" href="../favicon.svg">
${localOnly ? HIDE_TOKEN_SIGN_IN : ''}<script type="module" src="main.js"></script>
</head>
<body>
<noscript>在线编辑需要启用 JavaScript。请使用新版 Chrome 或 Edge 浏览器。</noscript>
${localOnly ? LOCAL_ONLY : ''}</body>
</html>
`;
}
