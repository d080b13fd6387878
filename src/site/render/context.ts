/**
 * What pages use of the build: the content it checked (with the same code as `check`, so the
 * pages show exactly what was validated) and links under the deployment base.
 */
import { withBase } from '../../domain/site/site-paths.ts';
import { buildContext } from './build-context.ts';
import type { SiteContent } from './site-content.ts';

export type { SiteContent } from './site-content.ts';

/** The build's checked content. */
export async function siteContent(): Promise<SiteContent> {
  return buildContext().content;
}

/** A root-relative site path with the deployment base in front. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
