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
      content: { type: 'string' },
      out: { type: 'string' },
      base: { type: 'string' },
      ...extra,
    },
    allowPositionals: false,
  });
  return { site: siteOptionsFrom(values), values: values as Record<string, string | boolean | undefined> };
}

/** `--content`, `--out` and `--base` as parsed, with their defaults, resolved. */
export function siteOptionsFrom(values: { content?: unknown; out?: unknown; base?: unknown }): SiteOptions {
  return {
    content: resolve(String(values.content ?? 'content')),
    out: resolve(String(values.out ?? 'dist')),
    base: normaliseBase(String(values.base ?? '/')),
  };
}

/** `gk`, `/gk`, `/gk/` → `/gk/`; empty → `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
