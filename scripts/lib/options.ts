/** Command-line options shared by the scripts: `--content DIR --out DIR --base PATH`. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

export interface SiteOptions {
  /** The office's content folder (default ./content). */
  content: string;
  /** Where the built site goes (default ./dist). */
  out: string;
  /** Sub-path the site is served under: `/`, `/gk/`. */
  base: string;
}

export function parseSiteOptions(args: string[], extra: Record<string, { type: 'boolean' | 'string' }> = {}) {
  const { values } = parseArgs({
    args,
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      base: { type: 'string', default: '/' },
      ...extra,
    },
    allowPositionals: false,
  });
  const site: SiteOptions = {
    content: resolve(String(values.content)),
    out: resolve(String(values.out)),
    base: normaliseBase(String(values.base)),
  };
  return { site, values: values as Record<string, string | boolean | undefined> };
}

/** `gk`, `/gk`, `/gk/` → `/gk/`; empty → `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
