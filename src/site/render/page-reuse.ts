/**
 * Rebuilds render only the pages whose inputs changed. A notice page or 目录 page is a pure
 * function of the code, site.yaml, the base path and a few notices; the build script
 * (src/build/page-reuse-store.ts) checks the first three and hands over, with the build
 * context (build-context.ts), the key of every page in the previous build still in OUT. A route passes its getStaticPaths entries through `needingRender` with the
 * inputs of each page: entries whose key is unchanged are left out, and the build copies
 * those pages from the previous build instead. Editing one notice re-renders its page and the
 * 目录 pages that list it, not ten thousand pages.
 *
 * `inputsOf` must name everything the page shows that can differ between two builds of the
 * same code and site.yaml; tests/build/page-reuse.test.ts compares a rebuild with a fresh build.
 */
import { hash } from 'node:crypto';
import { handedOverContext } from './build-context.ts';

export interface PageReuse {
  /** Pages of the previous build, still in OUT: root-relative path → key of its inputs. */
  previous: ReadonlyMap<string, string>;
  /** Every page that went through `needingRender` in this build → its key (for the next build). */
  keys: Map<string, string>;
  /** The pages left out because the previous build has them unchanged. */
  reused: Set<string>;
}

/** A short digest of a page's inputs (or of part of them, see catalogue-pages.ts). */
export function inputsKey(inputs: unknown): string {
  return hash('sha256', JSON.stringify(inputs) ?? '', 'base64url');
}

/** The entries whose page must be rendered: all of them unless the build script set up reuse. */
export function needingRender<T>(
  entries: readonly T[],
  pathOf: (entry: T) => string,
  inputsOf: (entry: T) => unknown,
): T[] {
  const reuse = handedOverContext()?.pageReuse;
  if (!reuse) return [...entries];
  return entries.filter((entry) => {
    const path = pathOf(entry);
    const key = inputsKey(inputsOf(entry));
    reuse.keys.set(path, key);
    if (reuse.previous.get(path) !== key) return true;
    reuse.reused.add(path);
    return false;
  });
}
