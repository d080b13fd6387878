/**
 * The HTML of a Markdown notice's body. Astro's content collection would read, parse and
 * validate every notice file again and keep all rendered bodies in one data-store module —
 * at county scale a fifth of the build's time and much of its memory, for notices `check` has
 * already read and validated. So Markdown bodies are rendered here from the checked notice,
 * by the very processor Astro is configured with (bodyMarkdownProcessor). MDX notices need
 * Astro's compiler and stay in the collection (src/content.config.ts).
 */
import type { Notice } from '../lib/content-check.ts';
import { bodyMarkdownProcessor, type BodyLinkContext } from './markdown-plugins.ts';

type Renderer = Awaited<ReturnType<ReturnType<typeof bodyMarkdownProcessor>['createRenderer']>>;

const renderers = new Map<string, Promise<Renderer>>();

/** MDX notices are compiled by Astro; everything else is Markdown rendered by `markdownBodyHtml`. */
export function isMdxNotice(notice: Pick<Notice, 'file'>): boolean {
  return /\.mdx$/i.test(notice.file);
}

export async function markdownBodyHtml(notice: Pick<Notice, 'file' | 'body'>, site: BodyLinkContext): Promise<string> {
  const key = `${site.base}\n${site.siteUrl ?? ''}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    // Astro's own markdown defaults (GFM, smart punctuation, code highlighting), as in the config.
    renderer = Promise.resolve(bodyMarkdownProcessor(site).createRenderer({}));
    renderers.set(key, renderer);
  }
  const { code, metadata } = await (await renderer).render(notice.body);
  // Images beside a notice file would need Astro's image pipeline; `check` only lets through
  // images in attachments/ (absolute by now), so this is a bug in check, not an editor's error.
  const unplaced = [...metadata.localImagePaths, ...metadata.remoteImagePaths];
  if (unplaced.length > 0) throw new Error(`内部错误：${notice.file} 的图片 ${unplaced.join('、')} 没有经过检查`);
  return code;
}
