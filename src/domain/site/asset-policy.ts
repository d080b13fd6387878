/**
 * The built site may load nothing from another host: no script, style, font, image, frame or
 * media. This scans built HTML and CSS for such references; the build fails on any, so a
 * template change cannot quietly add a CDN. (Links to other sites are fine: they are not loaded.)
 */
import { isForeignUrl } from '../body/body-links.ts';

export interface ForeignAsset {
  /** What loads it: `script`, `link rel=stylesheet`, `img`, `css url()` … */
  via: string;
  url: string;
}

/** Tags and attributes whose URL the browser fetches without the reader clicking. */
const LOADING_ATTRIBUTES: [RegExp, string][] = [
  [/<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi, 'script'],
  [/<(?:img|iframe|frame|embed|source|track|audio|video|input)\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi, 'src'],
  [/<video\b[^>]*?\bposter\s*=\s*["']?([^"'\s>]+)/gi, 'video poster'],
  [/<object\b[^>]*?\bdata\s*=\s*["']?([^"'\s>]+)/gi, 'object'],
  [/\bsrcset\s*=\s*["']([^"']+)/gi, 'srcset'],
  [
    /<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon|dns-prefetch|preconnect))[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)/gi,
    'link',
  ],
  [/url\(\s*["']?([^"')\s]+)/gi, 'css url()'],
  [/@import\s+["']([^"']+)/gi, 'css @import'],
];

export function foreignAssets(source: string, siteUrl?: string): ForeignAsset[] {
  const found: ForeignAsset[] = [];
  for (const [pattern, via] of LOADING_ATTRIBUTES) {
    for (const match of source.matchAll(pattern)) {
      const urls = via === 'srcset' ? match[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [match[1]!];
      for (const url of urls) if (isForeignUrl(url, siteUrl)) found.push({ via, url });
    }
  }
  return found;
}
