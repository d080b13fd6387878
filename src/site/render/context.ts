/**
 * The content of the site being built, loaded once per build through the same code path as
 * `check` (src/content, src/domain), so the pages show exactly what was validated.
 */
import { loadContent } from '../../content/content-folder.ts';
import { formatProblem } from '../../domain/problems.ts';
import { withBase } from '../../domain/site/site-paths.ts';
import { contentDir } from './content-dir.ts';
import { checkedContent } from './checked-content.ts';
import { prepareSiteContent, type SiteContent } from './site-content.ts';

export type { SiteContent } from './site-content.ts';

let loading: Promise<SiteContent> | undefined;

/** The build's content, handed over by the build script, else read and checked here (`astro dev`). */
export function siteContent(): Promise<SiteContent> {
  loading ??= (async () => checkedContent(contentDir()) ?? prepareSiteContent(await loadChecked(contentDir())))();
  return loading;
}

async function loadChecked(dir: string) {
  const report = await loadContent(dir);
  if (!report.content) {
    const errors = report.problems.filter((p) => p.severity === 'error').map(formatProblem);
    throw new Error(`内容检查未通过，无法生成网站：\n${errors.join('\n')}`);
  }
  return report.content;
}

/** A root-relative site path with the deployment base in front. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
