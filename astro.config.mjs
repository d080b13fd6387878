// Astro configuration. The build (npm run build, npm start) configures the rest through the
// gongkai integration: the base path, the Markdown processor, MDX. A plain `astro build` or
// `astro dev` stops with a message saying to use npm run build or npm start.
import { defineConfig } from 'astro/config';
import { gongkai } from './src/build/astro-integration.ts';

export default defineConfig({
  srcDir: './src/site',
  trailingSlash: 'always',
  build: { format: 'directory', assets: '_assets' },
  integrations: [gongkai()],
  devToolbar: { enabled: false },
  // Pages are read on slow networks: no prefetching, no client router.
  prefetch: false,
});
