/**
 * 繁體 → 简体 normalisation for search. Pagefind matches characters exactly, so 政務公開 and
 * 政务公开 would never meet: the index, the filter values and every query are all brought to
 * mainland simplified forms with OpenCC (opencc-js, mainland variants, no Taiwan phrase
 * rewriting such as 软件→軟體). Only the t→cn dictionaries are loaded (≈ 52 KB gzip in a browser).
 */
import * as OpenCC from 'opencc-js/t2cn';

let convert: ((text: string) => string) | undefined;

export function toSimplified(text: string): string {
  convert ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return convert(text);
}
