/**
 * The one allow-list for HTML that content puts on a page: notice bodies (Markdown and MDX), the
 * 指南 and any other page written by editors. The build passes every body through `sanitizeBody`
 * (hast-util-sanitize, the sanitizer behind rehype-sanitize) and `check` reports, with
 * `policyViolations`, exactly what it would remove — so what `check` accepts is what the page shows.
 *
 * The policy starts from GitHub's (hast-util-sanitize's default schema) and narrows it for a
 * government page that loads nothing from other hosts and runs no script of its own choosing:
 * - no SVG, MathML, forms, frames, objects, <base>, <meta>, <link>, <picture>/<source> (they
 *   load or run things), and their content is dropped, not shown as text;
 * - links only to http(s), mailto and tel (tel numbers are checked by personal-info.ts), images
 *   and quotations only from http(s) or this site;
 * - no style attributes except the three table alignments Markdown writes (the CSP allows just
 *   those by hash), no classes except the few the renderer and the site's components use.
 */
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { find, html as htmlSchema } from 'property-information';
import type { Element, Nodes, Properties, Root, RootContent } from 'hast';

const TABLE_ALIGN: [string, ...string[]] = ['style', 'text-align: left', 'text-align: center', 'text-align: right'];

/** Elements dropped with everything inside them: showing an SVG's or a script's text would be noise. */
const STRIPPED = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'title',
  'head',
  'xmp',
  'plaintext',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'textarea',
  'select',
];

/** Elements editors write for structure or emphasis that GitHub's list lacks. */
const EXTRA_ELEMENTS = [
  'aside',
  'figure',
  'figcaption',
  'caption',
  'colgroup',
  'col',
  'u',
  'mark',
  'small',
  'abbr',
  'cite',
  'time',
  'wbr',
];
/** In GitHub's list but not on a page that loads nothing it did not build: `srcset` candidates. */
const REMOVED_ELEMENTS = new Set(['picture', 'source']);

export const BODY_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !REMOVED_ELEMENTS.has(tag)), ...EXTRA_ELEMENTS],
  strip: STRIPPED,
  attributes: {
    ...defaultSchema.attributes,
    img: ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'src'],
    th: [TABLE_ALIGN],
    td: [TABLE_ALIGN],
    // The 落款 block of MDX notices (mdx-components.ts).
    p: [['className', 'signature']],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  // Ids stay as written: headings need theirs for in-page links and the footnotes' are already
  // prefixed by the renderer. A `name` could still shadow a document property, so it is prefixed.
  clobber: ['name'],
};

/** The body tree as it may appear on a page: a new tree, the input is left as it was. */
export function sanitizeBody(tree: Root): Root {
  return sanitize(tree, BODY_SCHEMA) as Root;
}

/** One thing in a body that the sanitizer removes. */
export interface PolicyViolation {
  /** The element, by its HTML name: `svg`, `a`. */
  element: string;
  /** The attribute, by its HTML name (`onclick`, `href`), when the element itself may stay. */
  attribute?: string;
  /** The attribute's value as written, for URLs. */
  value?: string;
  /** Dangerous (script, loading, forms, URLs) or merely formatting that is dropped. */
  severity: 'error' | 'warning';
  /** 1-based line in the body, when the tree carries positions. */
  line?: number;
}

/** Elements whose removal means the content tried to load, run, submit or redirect. */
const DANGEROUS_ELEMENTS = new Set([
  ...STRIPPED,
  'base',
  'meta',
  'link',
  'form',
  'input',
  'button',
  'area',
  'map',
  'audio',
  'video',
  'track',
  'picture',
  'source',
  'portal',
  'image',
  'use',
  'animate',
  'set',
  'foreignobject',
  'param',
  'dialog',
]);
/** Attributes that hold a URL the browser follows or fetches. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'srcset',
  'poster',
  'data',
  'background',
  'ping',
  'longdesc',
  'manifest',
  'codebase',
  'xlink:href',
  'lowsrc',
  'dynsrc',
]);

/**
 * What `sanitizeBody` would take out of `tree`, element by element. Each element's name (with its
 * ancestors, for table parts) and each attribute is put to the sanitizer itself, so this list
 * and the sanitizer cannot drift apart.
 */
export function policyViolations(tree: Root): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const walk = (node: Root | RootContent, ancestors: readonly string[]): void => {
    if (node.type === 'element') {
      const violation = elementViolation(node, ancestors);
      if (violation) {
        found.push(violation);
        if (STRIPPED.includes(violation.element)) return; // its content goes with it
      } else {
        found.push(...attributeViolations(node));
      }
      for (const child of node.children) walk(child, [...ancestors, node.tagName]);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child, ancestors);
  };
  walk(tree, []);
  return found;
}

const tagNames = new Set(BODY_SCHEMA.tagNames);

function elementViolation(element: Element, ancestors: readonly string[]): PolicyViolation | undefined {
  const tag = element.tagName.toLowerCase();
  const required = BODY_SCHEMA.ancestors?.[tag];
  const placed = !required || required.some((name) => ancestors.includes(name));
  if (tagNames.has(tag) && placed) return undefined;
  return {
    element: tag,
    severity: DANGEROUS_ELEMENTS.has(tag) ? 'error' : 'warning',
    line: element.position?.start.line,
  };
}

function attributeViolations(element: Element): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const tag = element.tagName.toLowerCase();
  // The sanitizer turns any <input> into a disabled checkbox (what Markdown task lists write).
  const required = Object.entries(requiredProperties(tag));
  if (required.some(([property, value]) => element.properties?.[property] !== value)) {
    found.push({
      element: tag,
      severity: DANGEROUS_ELEMENTS.has(tag) ? 'error' : 'warning',
      line: element.position?.start.line,
    });
  }
  for (const [property, value] of Object.entries(element.properties ?? {})) {
    if (value === undefined || value === null) continue;
    const kept = sanitize(
      {
        type: 'element',
        tagName: element.tagName,
        properties: { ...requiredProperties(element.tagName), [property]: value },
        children: [],
      },
      { ...BODY_SCHEMA, clobber: [], ancestors: {} },
    ) as Nodes;
    const keptValue = kept.type === 'element' ? kept.properties[property] : undefined;
    if (JSON.stringify(keptValue) === JSON.stringify(value)) continue;
    const attribute = find(htmlSchema, property).attribute.toLowerCase();
    const dangerous = attribute.startsWith('on') || URL_ATTRIBUTES.has(attribute);
    found.push({
      element: tag,
      attribute,
      value: Array.isArray(value) ? value.join(' ') : String(value),
      severity: dangerous ? 'error' : 'warning',
      line: element.position?.start.line,
    });
  }
  return found;
}

/** The sanitizer drops an element that lacks its required properties (a task-list checkbox). */
function requiredProperties(tagName: string): Properties {
  return (BODY_SCHEMA.required?.[tagName] as Properties | undefined) ?? {};
}

/** True when a URL written in a Markdown link (`a`, href) or image (`img`, src) stays on the page. */
export function isUrlAllowed(element: 'a' | 'img', url: string): boolean {
  const property = element === 'a' ? 'href' : 'src';
  const kept = sanitize(
    { type: 'element', tagName: element, properties: { [property]: url }, children: [] },
    BODY_SCHEMA,
  ) as Nodes;
  return kept.type === 'element' && kept.properties[property] === url;
}
