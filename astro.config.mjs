// Astro configuration. scripts/build.ts passes the content folder, output folder and base
// path (`--content/--out/--base`) as GONGKAI_* variables; these defaults serve `astro dev`.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { cjkStrong } from './src/site/markdown-plugins.ts';

export default defineConfig({
  base: process.env.GONGKAI_BASE || '/',
  outDir: process.env.GONGKAI_OUT || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', assets: '_assets' },
  markdown: { processor: satteri({ mdastPlugins: [cjkStrong] }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Pages are read on slow networks: no prefetching, no client router.
  prefetch: false,
});
