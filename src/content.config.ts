/**
 * Astro's content collection of the office's MDX notices, whose bodies need Astro's MDX compiler.
 * Metadata is validated by the same schema as `check` (src/lib/notice-schema.ts). Markdown notices
 * and the 指南 are rendered from the checked content instead (src/site/notice-body.ts), and a site
 * without MDX notices builds without the content layer at all (scripts/lib/build-site.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { noticeSchema } from './lib/notice-schema.ts';
import { parseSiteYaml } from './lib/content-check.ts';
import { indexNumberSlug } from './lib/index-number.ts';
import { DEFAULT_TAXONOMY } from './lib/taxonomy.ts';
import { contentDir } from './site/content-dir.ts';

const dir = contentDir();
const site = parseSiteYaml(readFileSync(join(dir, 'site.yaml'))).site;

// Only MDX notices: Markdown bodies are rendered from the checked notices (src/site/notice-body.ts).
const notices = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: join(dir, 'notices'),
    // The notice's URL segment is its 索引号, so the id is too.
    generateId: ({ data }) => indexNumberSlug(String(data['索引号'])),
  }),
  schema: noticeSchema({ taxonomy: site?.taxonomy ?? DEFAULT_TAXONOMY, defaultPublisher: site?.name ?? '' }),
});

export const collections = { notices };
