/**
 * Sätteri (Astro 7's Markdown processor) plugins for notice bodies. astro.config.mjs (MDX
 * notices, the 指南) and notice-body.ts (Markdown notices) both take their processor from
 * `bodyMarkdownProcessor`, so every body is rendered by the same rules.
 */
import { defineMdastPlugin } from 'satteri';
import { satteri } from '@astrojs/markdown-satteri';
import { splitCjkStrong } from '../lib/cjk-emphasis.ts';
import { externalLinkCode, isForeignUrl } from '../lib/body-links.ts';
import { BODY_FEATURES } from '../lib/body-text.ts';
import { paths, withBase } from '../lib/site-paths.ts';

/** Renders `**加粗。**后文` as bold, as Chinese editors expect (see cjk-emphasis.ts). */
export const cjkStrong = defineMdastPlugin({
  name: 'gongkai-cjk-strong',
  text(node, ctx) {
    if (!node.value.includes('**')) return;
    const runs = splitCjkStrong(node.value);
    if (runs.length === 1) return;
    ctx.replaceNode(
      node,
      runs.map((run) =>
        run.strong ? { type: 'strong', children: [{ type: 'text', value: run.value }] } : { type: 'text', value: run.value },
      ),
    );
  },
});

/**
 * Links inside the site, as editors write them (`/xxgk/…/`, `/attachments/a.pdf`,
 * `attachments/a.pdf`, `../../attachments/a.pdf`), point at the published files wherever the
 * site is deployed: root-relative paths get the `--base` prefix, and attachment paths relative
 * to the source file become the attachment's URL (a notice page lives at /xxgk/<索引号>/, not
 * beside its source file). `check` has already rejected links that lead nowhere.
 */
export function siteLinks({ base }: { base: string }) {
  const rewrite = (url: string): string | undefined => {
    const link = url.trim();
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(link) || link === '') return undefined;
    if (link.startsWith('/')) return base === '/' ? undefined : withBase(base, link);
    const fromRoot = link.replace(/^(\.\.?\/)+/, '');
    return fromRoot.startsWith('attachments/') ? withBase(base, `/${fromRoot}`) : undefined;
  };
  return defineMdastPlugin({
    name: 'gongkai-site-links',
    link(node, ctx) {
      const url = rewrite(node.url);
      if (url) ctx.setProperty(node, 'url', url);
    },
    image(node, ctx) {
      const url = rewrite(node.url);
      if (url) ctx.setProperty(node, 'url', url);
    },
  });
}

/**
 * Links to other sites go through a 外链提示 page (/waibu/<code>/, "you are leaving this site")
 * that works without JavaScript; src/pages/waibu/[code].astro builds one per link.
 */
export function externalLinkNotice({ base, siteUrl }: { base: string; siteUrl?: string }) {
  return defineMdastPlugin({
    name: 'gongkai-external-link-notice',
    link(node, ctx) {
      if (!isForeignUrl(node.url, siteUrl)) return;
      ctx.setProperty(node, 'data', { hProperties: { className: ['external-link'], title: '外部链接，将离开本站' } });
      ctx.setProperty(node, 'url', withBase(base, paths.externalLink(externalLinkCode(node.url))));
    },
  });
}

/**
 * Wide tables (工作任务 / 具体要求 / 落实单位 …) scroll sideways inside their own labelled region
 * on a phone instead of squashing the text or widening the page.
 */
export const scrollableTables = defineMdastPlugin({
  name: 'gongkai-scrollable-tables',
  table(node, ctx) {
    ctx.replaceNode(node, [
      { raw: '<div class="table-scroll" role="region" tabindex="0" aria-label="表格（可左右滑动查看）">', mdxExpressions: false },
      node,
      { raw: '</div>', mdxExpressions: false },
    ]);
  },
});

/** Where the site is published: what the link plugins need. */
export interface BodyLinkContext {
  base: string;
  siteUrl?: string;
}

/** Astro's `markdown.processor` for bodies, with the plugins every body is rendered with, in order. */
export function bodyMarkdownProcessor({ base, siteUrl }: BodyLinkContext) {
  return satteri({
    mdastPlugins: [cjkStrong, scrollableTables, siteLinks({ base }), externalLinkNotice({ base, siteUrl })],
    features: { ...BODY_FEATURES },
  });
}
