/**
 * What surrounds the text on a CMS page and is no part of the notice: scripts and forms,
 * navigation and footers, breadcrumbs (当前位置), 打印/关闭/字号 widgets, share buttons and
 * 扫一扫 QR blocks, 上一篇/下一篇. Removed before the body is extracted, so that neither the
 * extraction nor the notice carries them.
 */
import { shownLength, squash } from './page-lines.ts';

const NEVER_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'nav',
  'aside',
  'footer',
  'svg',
  'canvas',
  'audio',
  'video',
  'map',
  'link',
  'meta',
].join(',');

/** Class or id of page furniture, as CMS templates name it (English or pinyin). */
const FURNITURE_NAME =
  /(^|[\s_-])(nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|position|location|weizhi|dqwz|share|bdshare|fenxiang|qrcode|erweima|ewm|fontsize|zihao|sidebar|copyright|search|pager|pagination)(\d*)([\s_-]|$)/i;

/** Words of the widgets; an element showing nothing else is a widget. */
const WIDGET_WORDS =
  /打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|加入收藏|收藏本页|收藏|字体|字号|默认|分享到|分享|扫一扫|在手机上打开|在手机打开|手机上打开|当前页|手机扫描二维码|二维码|微信|微博|QQ空间|放大|缩小|[大中小]/g;
const WIDGET_MARKER = /打印|关闭|返回顶部|收藏|字体|字号|分享|扫一扫|二维码/;
const WIDGET_PUNCTUATION = /[\s\u00a0\u3000【】[\]（）()|｜:：·•/\\-]/g;

const LEADING_FURNITURE = /^(当前位置|您现在的位置|您的位置|所在位置|现在位置|上一篇|下一篇|上一条|下一条)/;

export function isWidgetText(text: string): boolean {
  return (
    text.length <= 80 && WIDGET_MARKER.test(text) && !text.replace(WIDGET_WORDS, '').replace(WIDGET_PUNCTUATION, '')
  );
}

export function removeFurniture(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(NEVER_CONTENT))) element.remove();
  const body = document.body;
  if (!body) return;
  for (const element of Array.from(body.querySelectorAll('*'))) {
    if (!element.isConnected) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const text = squash(element.textContent ?? '');
    const furniture =
      (FURNITURE_NAME.test(names) && shownLength(element) < 500) ||
      isWidgetText(text) ||
      (LEADING_FURNITURE.test(text) && text.length <= 200);
    if (furniture && element.tagName.toUpperCase() !== 'IMG') element.remove();
  }
}
