/**
 * Sätteri (Astro 7's Markdown processor) plugins for notice bodies.
 */
import { defineMdastPlugin } from 'satteri';
import { splitCjkStrong } from '../lib/cjk-emphasis.ts';

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
