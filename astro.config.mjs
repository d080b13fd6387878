// Astro configuration. src/cli/build.ts passes the content folder, output folder and base
// path (`--content/--out/--base`) as GONGKAI_* variables; these defaults serve `astro dev`.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { bodyMarkdownProcessor } from './src/site/render/markdown-plugins.ts';
import { parseSiteYaml } from './src/content/content-check.ts';
import { contentDir } from './src/site/render/content-dir.ts';

const base = process.env.GONGKAI_BASE || '/';
const siteYaml = join(contentDir(), 'site.yaml');
const siteUrl = existsSync(siteYaml) ? parseSiteYaml(readFileSync(siteYaml)).site?.url : undefined;

export default defineConfig({
  srcDir: './src/site',
  base,
  outDir: process.env.GONGKAI_OUT || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', assets: '_assets' },
  markdown: { processor: bodyMarkdownProcessor({ base, siteUrl }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Pages are read on slow networks: no prefetching, no client router.
  prefetch: false,
});
