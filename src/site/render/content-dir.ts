import { resolve } from 'node:path';

/** The content folder being built: `--content DIR` (via src/cli/build.ts), else ./content. */
export function contentDir(): string {
  return resolve(process.env.GONGKAI_CONTENT || 'content');
}
