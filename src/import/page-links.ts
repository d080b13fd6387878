/**
 * The links and images of a page, before its body is extracted. Each becomes one of:
 * - an attachment or image found in the mirror: its address replaced by a token
 *   (`gongkai-file:3`) that the body's conversion turns into `/attachments/<year>/<name>`;
 * - a link to another site (http, https, mailto): kept;
 * - anything else (the old site's other pages, `javascript:`, a file the mirror lacks): the
 *   link is dropped and its text kept, so the notice has no dead link; a missing file is reported.
 */
import { Mirror, REFUSED } from './mirror.ts';
import { DOCUMENT_EXTENSIONS, IMAGE_EXTENSIONS, linkExtension } from './attachments.ts';
import { squash } from './page-lines.ts';

export interface LinkedFile {
  kind: 'attachment' | 'image';
  /** The file in the mirror. */
  file: string;
  size: number;
  extension: string;
  /** The link text (an attachment's 名称) or the image's alt text. */
  text: string;
}

export interface PageLinks {
  /** Token → file. */
  files: Map<string, LinkedFile>;
  /** Tokens of attachments listed in an 附件 block outside the body (link lists Readability may drop). */
  listed: Set<string>;
  /** What could not be brought along, in the clerk's words. */
  notes: string[];
}

export const TOKEN_SCHEME = 'gongkai-file:';

/** Containers of an attachment list: `<div class="fujian">`, `<ul id="attach">` … */
const ATTACHMENT_BLOCK = /attach|fujian|appendix|xgfj|fjxz/i;
const ATTACHMENT_HEADING = /^(相关)?附件(下载|列表)?\s*[:：]?/;

export function prepareLinks(document: Document, page: string, mirror: Mirror): PageLinks {
  const files = new Map<string, LinkedFile>();
  const notes: string[] = [];
  const tokenOf = new Map<string, string>();
  const tokenFor = (file: LinkedFile) => {
    let token = tokenOf.get(file.file);
    if (!token) {
      token = `${TOKEN_SCHEME}${files.size + 1}`;
      tokenOf.set(file.file, token);
      files.set(token, file);
    }
    return token;
  };

  for (const anchor of Array.from(document.querySelectorAll('a'))) {
    const href = (anchor.getAttribute('href') ?? '').trim();
    const text = squash(anchor.textContent ?? '');
    const extension = documentExtension(href, text);
    if (extension) {
      const resolved = mirror.resolve(href, page);
      if (resolved.found) {
        anchor.setAttribute(
          'href',
          tokenFor({ kind: 'attachment', file: resolved.file, size: resolved.size, extension, text }),
        );
        continue;
      }
      notes.push(`附件“${text || href}”（${href}）${REFUSED[resolved.reason]}`);
    } else if (/^(https?:\/\/|mailto:)/i.test(href)) {
      continue;
    }
    unwrap(anchor);
  }

  for (const image of Array.from(document.querySelectorAll('img'))) {
    const src = (image.getAttribute('src') ?? '').trim();
    const alt = squash(image.getAttribute('alt') ?? '');
    const extension = linkExtension(src);
    const resolved =
      src && !/^data:/i.test(src) && IMAGE_EXTENSIONS.has(extension) ? mirror.resolve(src, page) : undefined;
    if (resolved?.found) {
      image.setAttribute(
        'src',
        tokenFor({ kind: 'image', file: resolved.file, size: resolved.size, extension, text: alt }),
      );
      continue;
    }
    if (src && !isDecoration(src))
      notes.push(
        `图片${alt ? `“${alt}”` : ''}（${src.slice(0, 80)}）${resolved ? REFUSED[resolved.reason] : '不是可以发布的图片文件'}，没有导入`,
      );
    image.replaceWith(document.createTextNode(alt));
  }

  // An attachment list names the files as the page lists them: that text is the 名称.
  const listed = listedTokens(document);
  for (const [token, text] of listed) if (text) files.get(token)!.text = text;
  return { files, listed: new Set(listed.keys()), notes };
}

/** The attachment type of a link: from its address, or (for `download.jsp?id=3`) from its text, `附件1.doc`. */
function documentExtension(href: string, text: string): string | undefined {
  if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return undefined;
  const fromHref = linkExtension(href);
  if (DOCUMENT_EXTENSIONS.has(fromHref)) return fromHref;
  const fromText = /\.([a-z0-9]{2,4})\s*$/i.exec(text)?.[1]?.toLowerCase();
  return fromText && DOCUMENT_EXTENSIONS.has(fromText) && !/\.s?html?$|\/$/i.test(href.split(/[?#]/)[0]!)
    ? fromText
    : undefined;
}

/** Spacers, icons and bullets: not worth a line in the report. */
function isDecoration(src: string): boolean {
  return /(spacer|blank|icon|dot|arrow|bullet|line|bg|logo|pic_|btn)[^/]*\.(gif|png|jpg)$/i.test(src);
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

/** Tokens in attachment lists, with the text of their link there. */
function listedTokens(document: Document): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const element of Array.from(document.querySelectorAll('div, ul, ol, p, td, dl, span, table'))) {
    const text = squash(element.textContent ?? '');
    const marked = ATTACHMENT_BLOCK.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
    if (text.length > 3000 || !(marked || ATTACHMENT_HEADING.test(text))) continue;
    for (const anchor of Array.from(element.querySelectorAll(`a[href^="${TOKEN_SCHEME}"]`)))
      tokens.set(anchor.getAttribute('href')!, squash(anchor.textContent ?? ''));
  }
  return tokens;
}
