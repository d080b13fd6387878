/**
 * The Pagefind step of the build: one custom record per notice (search-record.ts), written to
 * OUT/pagefind/. Custom records index exactly the text readers search, normalised to 简体,
 * without re-reading and re-parsing the built HTML.
 */
import * as pagefind from 'pagefind';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../src/lib/content-check.ts';
import { searchRecord, SEARCH_LANGUAGE } from '../../src/lib/search-record.ts';

export async function writeSearchIndex(notices: readonly Notice[], siteDir: string, base: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!index) throw new Error(`无法启动搜索索引程序 Pagefind：${errors.join('；')}`);
  try {
    for (const notice of notices) {
      const added = await index.addCustomRecord(searchRecord(notice, base));
      if (added.errors.length) throw new Error(`搜索索引出错（${notice.file}）：${added.errors.join('；')}`);
    }
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(`写入搜索索引出错：${written.errors.join('；')}`);
    // Pagefind also writes its own UI bundles; the search page is ours, so they would only be dead weight.
    for (const unused of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) {
      await rm(join(siteDir, 'pagefind', unused), { force: true });
    }
  } finally {
    await pagefind.close();
  }
}
