/**
 * 简 → 繁 for readers who ask for it: the page's text is converted in place with OpenCC
 * (opencc-js cn→hk, the forms used in Hong Kong and Macao, loaded only now: ~450 KB gzip, then cached), and restored on the way back.
 * URLs, form values and code are never touched; search engines and no-JS readers get the original.
 */
type Convert = (text: string) => string;

let converter: Promise<Convert> | undefined;
const originals = new Map<Text, string>();
let originalTitle: string | undefined;
let observer: MutationObserver | undefined;

function loadConverter(): Promise<Convert> {
  converter ??= import('opencc-js/cn2t').then((OpenCC) => OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return converter;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'CODE', 'PRE', 'TEXTAREA', 'NOSCRIPT', 'svg']);

function convertTree(root: Node, convert: Convert): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, code, pre, textarea, noscript, svg, [data-no-convert]') ||
      !/[\u3400-\u9fff]/.test(node.nodeValue ?? '')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (SKIP.has(node.parentElement?.tagName ?? '')) continue;
    const text = node.nodeValue ?? '';
    const converted = convert(text);
    if (converted !== text) {
      if (!originals.has(node)) originals.set(node, text);
      node.nodeValue = converted;
    }
  }
}

export async function toTraditional(): Promise<void> {
  const convert = await loadConverter();
  originalTitle ??= document.title;
  document.title = convert(originalTitle);
  convertTree(document.body, convert);
  // Text added later (search results, offline list) follows the reader's choice too.
  observer ??= new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) convertTree(node, convert);
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

export function toSimplified(): void {
  observer?.disconnect();
  for (const [node, text] of originals) node.nodeValue = text;
  originals.clear();
  if (originalTitle !== undefined) document.title = originalTitle;
}
