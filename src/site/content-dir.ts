import { resolve } from 'node:path';

/** The content folder being built: `--content DIR` (via scripts/build.ts), else ./content. */
export function contentDir(): string {
  return resolve(process.env.GONGKAI_CONTENT || 'content');
}
