/**
 * The components an MDX notice may use: the site's own, vetted, with literal attributes only.
 * Each is plain data in and an HTML element out — no code from the notice ever runs.
 *
 * `<落款 机关="示例镇人民政府" 日期="2024-06-01" />` — the 发文机关署名 and 成文日期 that close a
 * 公文 (GB/T 9704-2012 7.3.5), set right-aligned as on the printed document; Markdown has no
 * way to align a paragraph.
 */
import type { Element } from 'hast';
import { formatChineseDate, isCalendarDate } from '../notice/calendar-date.ts';

export interface MdxComponent {
  /** Attribute name → required? Any other attribute is an error. */
  attributes: Record<string, boolean>;
  /** What is wrong with these (literal) attributes, in Chinese; empty when they are right. */
  problems(attributes: Readonly<Record<string, string>>): string[];
  render(attributes: Readonly<Record<string, string>>): Element;
}

export const MDX_COMPONENTS: Readonly<Record<string, MdxComponent>> = {
  落款: {
    attributes: { 机关: true, 日期: true },
    problems: (a) =>
      a['日期'] !== undefined && !isCalendarDate(a['日期'])
        ? [`落款的日期“${a['日期']}”不是 YYYY-MM-DD 格式的真实日期`]
        : [],
    render: (a) => {
      const date = a['日期'] ?? '';
      return {
        type: 'element',
        tagName: 'p',
        properties: { className: ['signature'] },
        children: [
          { type: 'text', value: a['机关'] ?? '' },
          { type: 'element', tagName: 'br', properties: {}, children: [] },
          { type: 'text', value: isCalendarDate(date) ? formatChineseDate(date) : date },
        ],
      };
    },
  },
};

/** `<落款 机关="…" 日期="…" />`, for messages that list what may be used. */
export function componentUsage(): string {
  return Object.entries(MDX_COMPONENTS)
    .map(
      ([name, c]) =>
        `<${name} ${Object.keys(c.attributes)
          .map((a) => `${a}="…"`)
          .join(' ')} />`,
    )
    .join('、');
}
