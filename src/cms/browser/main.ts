/**
 * The editor's script at /guanli/main.js (bundled by src/build/editor-files.ts from this file and
 * @sveltia/cms in node_modules): 简体中文 first, then Sveltia CMS with the configuration the build
 * wrote beside it (config.json, from src/cms/cms-config.ts).
 *
 * An office without a git host (no 代码仓库 in site.yaml) can only open a local folder, which
 * Sveltia offers on 127.0.0.1 and localhost alone. There the page's style hides the token
 * sign-in, which has no repository to reach (editor-page.ts); anywhere else the page explains
 * where the editor works instead of showing a sign-in that leads nowhere.
 */
import './prefer-chinese.ts';
import CMS from '@sveltia/cms';

const localOnly = document.documentElement.hasAttribute('data-local-only');
if (localOnly && !['127.0.0.1', 'localhost'].includes(location.hostname)) {
  document.getElementById('local-only')!.hidden = false;
} else {
  const response = await fetch(new URL('config.json', import.meta.url), { cache: 'no-cache' });
  await CMS.init({ config: await response.json() });
}
