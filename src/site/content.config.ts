/**
 * Astro's content collection of MDX notices, used only when site.yaml lets MDX run as code
 * (`MDX可执行代码: 是`): Astro then compiles each MDX body into a component. Every other body is
 * rendered as data from the checked content (src/site/render/body-html.ts), and a site without such
 * notices builds without the content layer at all (src/build/build-site.ts).
 *
 * The pages take every field from the checked content, never from here, so the collection
 * validates nothing itself: Astro's YAML reader differs from `check`'s (js-yaml reads `摘要: 2026`
 * as a number), and a second opinion could only disagree with the one that gates the build.
 */
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { indexNumberSlug } from '../domain/notice/index-number.ts';
import { contentDir } from './render/build-context.ts';

const notices = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: join(contentDir(), 'notices'),
    // The notice's URL segment is its 索引号 (trimmed, as `check` reads it), so the id is too.
    generateId: ({ data }) => indexNumberSlug(String(data['索引号']).trim()),
  }),
});

export const collections = { notices };
