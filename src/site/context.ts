/**
 * The content of the site being built, loaded once per build through the same code path as
 * `check` (src/lib), so the pages show exactly what was validated.
 */
import { loadContent } from '../lib/content-folder.ts';
import { formatProblem } from '../lib/problems.ts';
import type { Content, Notice } from '../lib/content-check.ts';
import { newestFirst } from '../lib/catalogue.ts';
import { withBase } from '../lib/site-paths.ts';
import { contentDir } from './content-dir.ts';
import { externalLinkCode, externalLinks } from '../lib/body-links.ts';

export interface SiteContent extends Content {
  /** All notices, newest first. */
  newest: Notice[];
  byIndexNumber: Map<string, Notice>;
  /** 原文 索引号 → its 解读 notices. */
  interpretationsOf: Map<string, Notice[]>;
  /** Every link to another site in notices and the guide: 外链提示 code → URL. */
  externalLinks: Map<string, string>;
}

let loading: Promise<SiteContent> | undefined;

export function siteContent(): Promise<SiteContent> {
  loading ??= load();
  return loading;
}

async function load(): Promise<SiteContent> {
  const report = await loadContent(contentDir());
  if (!report.content) {
    const errors = report.problems.filter((p) => p.severity === 'error').map(formatProblem);
    throw new Error(`内容检查未通过，无法生成网站：\n${errors.join('\n')}`);
  }
  const { notices } = report.content;
  const interpretationsOf = new Map<string, Notice[]>();
  for (const notice of notices) {
    if (notice.interprets) interpretationsOf.set(notice.interprets, [...(interpretationsOf.get(notice.interprets) ?? []), notice]);
  }
  const links = [report.content.guide, ...notices.map((n) => n.body)].flatMap((body) => externalLinks(body, report.content!.site.url));
  return {
    ...report.content,
    externalLinks: new Map(links.map((url) => [externalLinkCode(url), url])),
    newest: newestFirst(notices),
    byIndexNumber: new Map(notices.map((n) => [n.indexNumber, n])),
    interpretationsOf,
  };
}

/** A root-relative site path with the deployment base in front. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
