/**
 * What the build hands the Astro site: the checked content, the options and this build's name.
 * Pages, layouts and the content config learn about the build here and nowhere else — no
 * environment variables, no second reading of the content folder.
 *
 * The build (src/build/astro-integration.ts) runs Astro in its own process. Vite bundles this
 * module into the pages separately from the build's copy, so the context travels through one
 * global registered symbol, read and written only in this file.
 */
import { resolve } from 'node:path';
import type { SiteContent } from './site-content.ts';
import type { PageReuse } from './page-reuse.ts';

export interface BuildContext {
  /** The content folder, absolute. */
  contentDir: string;
  /** The content, checked by the build before Astro starts (the same code as `check`). */
  content: SiteContent;
  /** The deployment base path: `/` or `/gk/`. */
  base: string;
  /** Names this build for the browser: search cache tag, offline cache version. */
  buildId: string;
  /** How many shards the build's search index has: the search page merges that many. */
  searchShards: number;
  /** Pages of the previous build that a rebuild may keep (page-reuse.ts); absent: render all. */
  pageReuse?: PageReuse;
}

const KEY = Symbol.for('gongkai.buildContext');
type WithContext = typeof globalThis & { [KEY]?: BuildContext };

/** Set by the build before Astro starts, cleared when it is done. */
export function handOverBuildContext(context: BuildContext | undefined): void {
  (globalThis as WithContext)[KEY] = context;
}

/** The context, when the build has handed one over (not under `astro check`'s sync). */
export function handedOverContext(): BuildContext | undefined {
  return (globalThis as WithContext)[KEY];
}

/** Plain `astro build` or `astro dev` have no checked content to render. */
export const RUN_THROUGH_NPM =
  '请用 npm run build 生成网站、用 npm start 在本机预览：直接运行 astro build 或 astro dev 时，内容没有经过检查，不能生成页面。';

export function buildContext(): BuildContext {
  const context = handedOverContext();
  if (!context) throw new Error(RUN_THROUGH_NPM);
  return context;
}

/** The content folder: the build's, else ./content (for `astro check`, which renders nothing). */
export function contentDir(): string {
  return handedOverContext()?.contentDir ?? resolve('content');
}
