/**
 * The whole build: check the content, run Astro into a temporary folder next to OUT, copy the
 * attachments, then swap the new site into OUT. A failure at any step leaves the previous OUT
 * exactly as it was: offices publish whatever is in OUT, so it must never be half-built.
 */
import { rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadContentInParallel } from '../content/parallel-check.ts';
import { personalInfoExceptionLines } from '../domain/privacy/personal-info.ts';
import { emptyColumnProblems, type Content } from '../content/content-check.ts';
import { formatProblem, type Problem } from '../domain/problems.ts';
import type { SiteOptions } from '../cli/options.ts';
import { writeSearchIndex, type SearchIndexReport } from './search/search-index.ts';
import { sitePagesForSearch } from '../domain/search/search-pages.ts';
import { assertNoForeignAssets } from './asset-scan.ts';
import { writeOfflineFiles } from './offline-files.ts';
import { publishAttachments } from './publish-attachments.ts';
import { writeEditorFiles } from './editor-files.ts';
import { EDITOR_FOLDER } from '../domain/site/security-headers.ts';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
import { prepareSiteContent } from '../site/render/site-content.ts';
import { openPageReuse } from './page-reuse-store.ts';
import { openOutFolder, unsafeOutReason, type OutFolder } from './out/out-folder.ts';
import { renderPages } from './astro-integration.ts';
import { noticeSearchShards } from '../domain/search/search-shards.ts';
import { bodyFormat } from '../domain/body/body-tree.ts';
import { buildIdOf } from './build-id.ts';

export type BuildResult =
  | { ok: true; content: Content; problems: Problem[] }
  | {
      ok: false;
      problems: Problem[];
      error?: string;
      /** What became of OUT, when it was not simply left as it was (build.ts prints it). */
      outNote?: string;
    };

export { oldSitePrefix } from './out/out-folder.ts';

/** Progress lines the build prints; `npm run bench` reads them to time each stage. */
export const STAGE_MARK = '▸ ';
export const STAGES = {
  check: '检查内容……',
  astro: '生成页面，同时建立搜索索引……',
  search: '完成搜索索引……',
  offline: '生成离线文件……',
} as const;

export async function buildSite(options: SiteOptions, log: (line: string) => void = console.log): Promise<BuildResult> {
  const unsafe = unsafeOutReason(options);
  if (unsafe) return { ok: false, problems: [], error: unsafe };
  const opened = await openOutFolder(options.out, log).catch((error: Error) => ({
    ok: false as const,
    error: error.message,
  }));
  if (!opened.ok) return { ok: false, problems: [], error: opened.error };
  try {
    const result = await buildInto(opened.folder, options, log);
    return result.ok ? result : { ...result, outNote: opened.folder.failureNote() };
  } finally {
    opened.folder.release();
  }
}

/** The build proper, holding OUT's lock (out-folder.ts). */
async function buildInto(
  outFolder: OutFolder,
  options: SiteOptions,
  log: (line: string) => void,
): Promise<BuildResult> {
  log(`${STAGE_MARK}${STAGES.check}`);
  const report = await loadContentInParallel(options.content, { cache: true, purpose: 'build' });
  if (!report.content) return { ok: false, problems: report.problems };
  log(`内容检查通过：${report.content.notices.length} 篇公文。`);
  for (const line of personalInfoExceptionLines(report.content.notices)) log(line);
  for (const problem of emptyColumnProblems(report.content)) log(formatProblem(problem));

  const staging = outFolder.staging;
  // The search index is made from the checked notices and 指南, not from Astro's pages, so Pagefind
  // (a separate process) indexes on the second core while Astro makes the pages on the first.
  const searchDir = `${staging}.pagefind`;
  let search: Promise<SearchIndexReport> | undefined;
  try {
    log(`${STAGE_MARK}${STAGES.astro}`);
    search = writeSearchIndex(report.content.notices, sitePagesForSearch(report.content), searchDir, options.base);
    search.catch(() => {}); // awaited below; until then a failure must not end the process
    // A digest of the content and code (build-id.ts), made while Pagefind starts on its thread.
    const version = await buildIdOf(report.content, options.content, options.base);
    const pages = await openPageReuse(options.out, options.base, report.content.site);
    await renderPages({
      context: {
        contentDir: resolve(options.content),
        content: prepareSiteContent(report.content),
        base: options.base,
        buildId: version,
        searchShards: noticeSearchShards(report.content.notices, process.env).length,
        pageReuse: pages.reuse,
      },
      outDir: staging,
      mdxCode: report.content.site.mdxCode && report.content.notices.some((n) => bodyFormat(n.file) === 'mdx'),
    });
    if (report.content.site.cms) {
      const editor = await writeEditorFiles(staging, report.content.site, options.content);
      const total = editor.files.reduce((sum, f) => sum + f.bytes, 0);
      log(
        `在线编辑 /${EDITOR_FOLDER}/：${editor.files.length} 个文件，共 ${megabytes(total)}，首次打开约下载 ${megabytes(editor.firstLoadBytes)}（未压缩）。`,
      );
    }
    // Before the reused pages are copied in: they were scanned by the build that made them.
    await assertNoForeignAssets(staging, report.content.site.url);
    if (!(await pages.copyReused(staging))) {
      // Same code, yet differently named styles or scripts: the old pages would link to files
      // that are gone. Astro cannot render twice in one process, so stop and start afresh.
      await pages.forget();
      throw new Error(
        '上次生成的页面引用的样式或脚本与这次不同，不能沿用。已清除页面缓存，输出文件夹没有改动，请再运行一次生成命令。',
      );
    }
    if (pages.reuse.reused.size > 0) log(`${pages.reuse.reused.size} 个页面的内容没有变化，沿用上次生成的结果。`);
    log(`${STAGE_MARK}${STAGES.search}`);
    const indexed = await search;
    if (indexed.reused)
      log(`搜索索引共 ${indexed.shards} 片，其中 ${indexed.reused} 片的公文没有变化，沿用上次的结果。`);
    await rename(searchDir, join(staging, 'pagefind'));
    log(`${STAGE_MARK}${STAGES.offline}`);
    await writeOfflineFiles(staging, report.content.notices, options.base, version);
    await publishAttachments(options.content, report.content.attachments, staging);
    await outFolder.swapIn(version);
    // Without the record the next build renders every page again: slower, never wrong.
    await pages.save().catch(() => {});
  } catch (error) {
    await search?.catch(() => {});
    await rm(staging, { recursive: true, force: true });
    await rm(searchDir, { recursive: true, force: true });
    const detail =
      error instanceof Error
        ? process.env.GONGKAI_DEBUG
          ? (error.stack ?? error.message)
          : error.message
        : String(error);
    return { ok: false, problems: report.problems, error: detail };
  }
  return { ok: true, content: report.content, problems: report.problems };
}
