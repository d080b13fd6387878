/**
 * A digest of the code that turns content into a site: src/ (rules, build steps, pages, scripts),
 * public/, the Astro config, the exact dependency versions and the Node version. Anything cached from an earlier
 * build is only reused under the same code version, so changing any of it — or updating a
 * dependency — makes the next build start from nothing.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';
/** node_modules/.package-lock.json is npm's record of what is actually installed. */
const INPUTS = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'node_modules/.package-lock.json'];
/** Commands, uploads and the importer shape no file of the site: changing them keeps caches and the build id. */
const NOT_INPUTS = ['src/cli', 'src/deploy', 'src/import'];

let version: Promise<string> | undefined;

export function codeVersion(): Promise<string> {
  version ??= (async () => {
    const hash = createHash('sha256').update(process.version);
    for (const input of INPUTS) {
      for (const file of await filesOf(join(PROJECT_ROOT, input))) {
        if (NOT_INPUTS.some((folder) => file.startsWith(join(PROJECT_ROOT, folder) + sep))) continue;
        hash
          .update(relative(PROJECT_ROOT, file))
          .update('\0')
          .update(await readFile(file))
          .update('\0');
      }
    }
    return hash.digest('hex');
  })();
  return version;
}

async function filesOf(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
