/**
 * The hand-over to Astro, in one place. `renderPages` puts the build context (the checked
 * content, base path, build name, search shard count, page-reuse record) where the pages read it
 * (src/site/render/build-context.ts), runs Astro's build, and takes the context back. The
 * `gongkai()` integration, the only one in astro.config.mjs, configures Astro from that context,
 * and stops a plain `astro build` or `astro dev` with a Chinese message: without the build,
 * nothing has checked the content.
 */
import { cp, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import mdx from '@astrojs/mdx';
import {
  handedOverContext,
  handOverBuildContext,
  RUN_THROUGH_NPM,
  type BuildContext,
} from '../site/render/build-context.ts';
import { bodyMarkdownProcessor } from '../site/render/markdown-plugins.ts';
import { PROJECT_ROOT } from './project-root.ts';

export function gongkai(): AstroIntegration {
  return {
    name: 'gongkai',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const context = handedOverContext();
        // `astro check` and `astro sync` render nothing: they get the defaults. Anything else
        // without the build is a person running Astro by hand: a message, not a stack trace.
        if (!context && command !== 'sync') {
          console.error(RUN_THROUGH_NPM);
          process.exit(1);
        }
        const base = context?.base ?? '/';
        updateConfig({
          base,
          // Used only for MDX notices compiled as code (site.yaml MDX可执行代码: 是).
          markdown: { processor: bodyMarkdownProcessor({ base, siteUrl: context?.content.site.url }) },
          integrations: [mdx()],
        });
      },
    },
  };
}

export interface RenderOptions {
  context: BuildContext;
  /** Where Astro writes the site: the build's staging folder. */
  outDir: string;
  /** Run Astro's content layer: only for MDX notices compiled as code (src/site/content.config.ts). */
  mdxCode: boolean;
}

/**
 * Astro's `build()` hands its second argument to its builder, whose `sync` option (declared in
 * astro/dist/core/build/index.d.ts, not in the public BuildOptions) runs the content layer.
 */
type AstroBuild = (config: AstroInlineConfig, options: { sync: boolean }) => Promise<void>;

export async function renderPages({ context, outDir, mdxCode }: RenderOptions): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  // When OUT is outside the working folder, Astro makes its intermediate server build in
  // ./.astro and then renames files from there into OUT. Across two disks (OUT on D:\ with the
  // project on C:, a mounted volume) a rename fails (EXDEV): then Astro builds on the project's
  // disk, and the site is copied over.
  const sameDisk = deviceOf(outDir) === deviceOf(process.cwd());
  const astroOut = sameDisk ? outDir : join(process.cwd(), '.astro', `site-${process.pid}`);
  handOverBuildContext(context);
  try {
    // Astro's content layer is needed only for MDX notices run as code: every other body is
    // rendered from the checked content. Without them, its sync (a temporary Vite server to load
    // the content config, a scan of the notices folder, the data store written again: 2–3 s of
    // CPU per build) is skipped. Were `sync` ever ignored by a later Astro, the content layer
    // would simply run as before: slower, never wrong.
    if (!mdxCode) await forgetContentModules();
    await (build as AstroBuild)({ root: PROJECT_ROOT, outDir: astroOut, logLevel: 'error' }, { sync: mdxCode });
    if (!sameDisk) await cp(astroOut, outDir, { recursive: true });
  } finally {
    handOverBuildContext(undefined);
    if (!sameDisk) await rm(astroOut, { recursive: true, force: true });
  }
}

/**
 * Without a sync, Astro still bundles the list of MDX modules the last sync wrote into
 * ./.astro — another content folder's, perhaps since deleted, which then fails the build. This
 * build renders no MDX through Astro, so the list it bundles is empty.
 */
async function forgetContentModules(): Promise<void> {
  const file = join(PROJECT_ROOT, '.astro', 'content-modules.mjs');
  if (existsSync(file)) await writeFile(file, 'export default new Map();\n');
}

/** The file system (disk) `path` is on, or would be on: that of its nearest existing folder. */
function deviceOf(path: string): number {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return statSync(existing).dev;
}
