/**
 * The "扫一扫在手机打开" QR code of a page: an inline SVG made at build time (no network, no
 * image file), encoding the page's public URL.
 */
import QRCode from 'qrcode';

export async function qrSvg(url: string): Promise<string> {
  // A fixed mask: choosing the best of eight (the library's default) was most of the time of
  // a notice page at county scale, and any mask decodes — the choice only evens out the pattern.
  // One byte-mode segment: the library's default splits the text into the cheapest mix of
  // modes with a shortest-path search, which cost as much again; for a URL it saves a few modules.
  const svg = await QRCode.toString([{ data: new TextEncoder().encode(url), mode: 'byte' }], {
    type: 'svg',
    errorCorrectionLevel: 'M',
    maskPattern: 0,
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  // The caller's wrapper is the labelled image; the shapes inside are hidden from screen readers.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
