/**
 * Finding a linked file in the saved copy of the old site. Links are written relative to the
 * page (`../../attach/a.pdf`, as wget --convert-links and HTTrack leave them), from the site's
 * root (`/attach/a.pdf`, under the mirror's host folder `www.example.gov.cn/`), or as full
 * addresses of the old site. The page is untrusted: a link may only reach a regular file inside
 * the mirror folder — `..` out of it, absolute file paths, `file:` addresses and symbolic links
 * are refused, so an import never copies anything the saved site did not contain.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type Resolved =
  | { found: true; file: string; size: number }
  | { found: false; reason: 'missing' | 'outside' | 'symlink' | 'not-a-file' };

export class Mirror {
  readonly root: string;

  constructor(root: string) {
    this.root = realpathSync(resolve(root));
  }

  /** Where `href` on the page `page` (an absolute path inside the mirror) leads, if to a file. */
  resolve(href: string, page: string): Resolved {
    const candidates = this.candidates(href.trim(), page);
    if (!candidates.length) return { found: false, reason: 'outside' };
    let refused: Resolved | undefined;
    for (const candidate of candidates) {
      const result = this.check(candidate);
      if (result.found) return result;
      if (result.reason !== 'missing') refused ??= result;
    }
    return refused ?? { found: false, reason: 'missing' };
  }

  /** Paths the link may have been saved at, inside or outside the mirror (check() decides). */
  private candidates(href: string, page: string): string[] {
    const withoutFragment = href.split('#')[0]!;
    if (!withoutFragment) return [];
    const [pathPart, query] = splitQuery(withoutFragment);
    const pageDir = dirname(page);
    const hostDir = this.hostFolder(page);
    let bases: string[];
    let path = pathPart;
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
      let url: URL;
      try {
        url = new URL(path.startsWith('//') ? `http:${path}` : path);
      } catch {
        return [];
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
      path = url.pathname;
      bases = [join(this.root, sanitiseHost(url.host)), ...(hostDir ? [hostDir] : []), this.root];
    } else if (path.startsWith('/') || path.startsWith('\\')) {
      bases = [...(hostDir ? [hostDir] : []), this.root];
    } else {
      bases = [pageDir];
    }
    const variants = [...new Set([safeDecode(path), path])].map((p) => p.replace(/\\/g, '/'));
    const found: string[] = [];
    for (const base of bases) {
      for (const variant of variants) {
        const target = join(base, variant.startsWith('/') ? `.${variant}` : variant);
        found.push(target);
        // wget saves `download.jsp?id=3` under that very name (on Windows, `download.jsp@id=3`).
        if (query) found.push(`${target}?${query}`, `${target}@${query}`);
      }
    }
    return [...new Set(found)];
  }

  /** The folder of the page's host in a wget mirror: the first folder under the root, when named like a host. */
  private hostFolder(page: string): string | undefined {
    const first = relative(this.root, page).split(sep)[0];
    return first && /^[\w-]+(\.[\w-]+)+(:\d+)?$/.test(first) ? join(this.root, first) : undefined;
  }

  private check(path: string): Resolved {
    const inside = relative(this.root, path);
    if (!inside || inside.startsWith('..') || isAbsolute(inside)) return { found: false, reason: 'outside' };
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return { found: false, reason: 'missing' };
    }
    if (stat.isSymbolicLink()) return { found: false, reason: 'symlink' };
    if (!stat.isFile()) return { found: false, reason: 'not-a-file' };
    // A folder on the way may be a link out of the mirror.
    if (realpathSync(path) !== path) return { found: false, reason: 'symlink' };
    return { found: true, file: path, size: stat.size };
  }
}

function splitQuery(href: string): [string, string | undefined] {
  const at = href.indexOf('?');
  return at < 0 ? [href, undefined] : [href.slice(0, at), href.slice(at + 1)];
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A host as a folder name: wget writes `www.example.gov.cn` (and `host:8080` as `host+8080` on some systems). */
function sanitiseHost(host: string): string {
  return host.replace(/[^\w.:-]/g, '_');
}

/** Why a link was not followed, for the report. */
export const REFUSED: Readonly<Record<Exclude<Resolved, { found: true }>['reason'], string>> = {
  missing: '镜像中没有这个文件',
  outside: '指向镜像文件夹之外，没有复制',
  symlink: '是符号链接，没有复制',
  'not-a-file': '不是普通文件，没有复制',
};
