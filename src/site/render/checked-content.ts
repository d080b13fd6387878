/**
 * The build checks the content folder before it starts Astro (src/build/build-site.ts). Astro
 * runs in the same process, so the pages take that checked content instead of reading and
 * parsing every notice a second time — at county scale that second pass was a quarter of the
 * page-generation time. Vite bundles this module separately from the build script's copy, so
 * the hand-over goes through a global registered symbol, not module state. `astro dev` and
 * any other entry point find nothing here and load the folder themselves.
 */
import { resolve } from 'node:path';
import type { SiteContent } from './site-content.ts';

const KEY = Symbol.for('gongkai.checkedContent');

interface HandOver {
  dir: string;
  content: SiteContent;
}

type WithHandOver = typeof globalThis & { [KEY]?: HandOver };

export function handOverCheckedContent(dir: string, content: SiteContent): void {
  (globalThis as WithHandOver)[KEY] = { dir: resolve(dir), content };
}

/** The content already checked for `dir` in this process, if any. */
export function checkedContent(dir: string): SiteContent | undefined {
  const handed = (globalThis as WithHandOver)[KEY];
  return handed?.dir === resolve(dir) ? handed.content : undefined;
}
