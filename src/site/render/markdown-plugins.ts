/**
 * Sätteri (Astro 7's Markdown processor) plugins, for MDX notices that site.yaml lets Astro
 * compile as code (`MDX可执行代码: 是`). Every other body is rendered by body-html.ts; both
 * place links and tables by the same rules (site-links.ts).
 */
import { defineMdastPlugin } from 'satteri';
import { satteri } from '@astrojs/markdown-satteri';
import { splitCjkStrong } from '../../domain/body/cjk-emphasis.ts';
import { BODY_FEATURES } from '../../domain/body/body-text.ts';
import { externalLinkNotice, siteLinkUrl, TABLE_SCROLL } from './site-links.ts';

/** Renders `**加粗。**后文` as bold, as Chinese editors expect (see cjk-emphasis.ts). */
const cjkStrong = defineMdastPlugin({
  name: 'gongkai-cjk-strong',
  text(node, ctx) {
    if (!node.value.includes('**')) return;
    const runs = splitCjkStrong(node.value);
    if (runs.length === 1) return;
    ctx.replaceNode(
      node,
      runs.map((run) =>
        run.strong
          ? { type: 'strong', children: [{ type: 'text', value: run.value }] }
          : { type: 'text', value: run.value },
      ),
    );
  },
});

function siteLinks({ base }: { base: string }) {
  return defineMdastPlugin({
    name: 'gongkai-site-links',
    link(node, ctx) {
      const url = siteLinkUrl(node.url, base);
      if (url) ctx.setProperty(node, 'url', url);
    },
    image(node, ctx) {
      const url = siteLinkUrl(node.url, base);
      if (url) ctx.setProperty(node, 'url', url);
    },
  });
}

function externalLinks(site: BodyLinkContext) {
  return defineMdastPlugin({
    name: 'gongkai-external-link-notice',
    link(node, ctx) {
      const notice = externalLinkNotice(node.url, site);
      if (!notice) return;
      ctx.setProperty(node, 'data', { hProperties: { className: notice.className, title: notice.title } });
      ctx.setProperty(node, 'url', notice.url);
    },
  });
}

const scrollableTables = defineMdastPlugin({
  name: 'gongkai-scrollable-tables',
  table(node, ctx) {
    const open = `<div ${Object.entries(TABLE_SCROLL)
      .map(([k, v]) => `${k === 'className' ? 'class' : k}="${v}"`)
      .join(' ')}>`;
    ctx.replaceNode(node, [{ raw: open, mdxExpressions: false }, node, { raw: '</div>', mdxExpressions: false }]);
  },
});

/** Where the site is published: what the link plugins need. */
export interface BodyLinkContext {
  base: string;
  siteUrl?: string;
}

/** Astro's `markdown.processor` for MDX notices compiled as code. */
export function bodyMarkdownProcessor(site: BodyLinkContext) {
  return satteri({
    mdastPlugins: [cjkStrong, scrollableTables, siteLinks(site), externalLinks(site)],
    features: { ...BODY_FEATURES },
  });
}
