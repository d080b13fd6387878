/**
 * An MDX body's tree made plain HTML: JSX elements with literal attributes become elements, the
 * site's components (mdx-components.ts) are expanded, comment expressions `{/* … *\/}` vanish.
 * Code — import/export, `{…}` expressions, attribute expressions and spreads — is never run:
 * `check` rejects it with a line number (mdx-rules.ts), and should it reach a build anyway, the
 * build stops here instead of dropping or running it.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { MdxJsxAttributeNode, MdxJsxExpressionAttributeNode } from 'satteri';
import { find, html } from 'property-information';
import { MDX_COMPONENTS } from './mdx-components.ts';

/** Raised when an MDX body holds code; `check` reports these before any build. */
export class MdxCodeError extends Error {}

type Attribute = MdxJsxAttributeNode | MdxJsxExpressionAttributeNode;
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Attribute[];
  children: RootContent[];
  position?: Element['position'];
}

/** `{/* 注释 *\/}`: MDX's way of writing a comment, the one expression that is not code. */
export function isCommentExpression(value: string): boolean {
  return /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(value);
}

/** A JSX element name that is an HTML element (`aside`, `h2`), not a component or member. */
export function isHtmlElementName(name: string): boolean {
  return /^[a-z][a-z0-9]*$/.test(name);
}

/**
 * The literal attributes of a JSX element, by name, or the reason there are none:
 * `{…}` values and `{...spread}` are code.
 */
export function literalAttributes(
  attributes: readonly Attribute[],
): { values: Record<string, string | true> } | { code: string } {
  const values: Record<string, string | true> = {};
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') return { code: `{${attribute.value}}` };
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      return { code: `${attribute.name}={${attribute.value.value}}` };
    }
    values[attribute.name] = attribute.value ?? true;
  }
  return { values };
}

export function mdxToElements(tree: Root): Root {
  return { ...tree, children: convertAll(tree.children) as Root['children'] };
}

function convertAll(nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((node) => convert(node));
}

function convert(node: RootContent): RootContent[] {
  switch (node.type as string) {
    case 'mdxjsEsm':
      throw new MdxCodeError('MDX 中有 import/export 代码');
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const value = (node as { value: string }).value;
      if (isCommentExpression(value)) return [];
      throw new MdxCodeError(`MDX 中有表达式 {${value}}`);
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsxElement(node as unknown as JsxNode);
    case 'element': {
      const element = node as Element;
      return [{ ...element, children: convertAll(element.children) as ElementContent[] }];
    }
    default:
      return [node];
  }
}

function jsxElement(node: JsxNode): RootContent[] {
  const children = convertAll(node.children) as ElementContent[];
  if (node.name === null) return children; // a fragment: <>…</>
  const attributes = literalAttributes(node.attributes);
  if ('code' in attributes) throw new MdxCodeError(`<${node.name}> 的属性中有代码 ${attributes.code}`);
  const component = MDX_COMPONENTS[node.name];
  if (component) {
    const text = Object.fromEntries(Object.entries(attributes.values).map(([k, v]) => [k, v === true ? '' : v]));
    return [{ ...component.render(text), position: node.position }];
  }
  if (!isHtmlElementName(node.name)) throw new MdxCodeError(`MDX 中用了本站没有的组件 <${node.name}>`);
  return [
    {
      type: 'element',
      tagName: node.name,
      properties: properties(attributes.values),
      children,
      position: node.position,
    },
  ];
}

/** JSX attributes as written (`class`, `data-x`, `colspan`) → hast properties. */
function properties(values: Record<string, string | true>): Properties {
  const result: Properties = {};
  for (const [name, value] of Object.entries(values)) {
    const info = find(html, name);
    result[info.property] =
      value === true
        ? true
        : info.spaceSeparated || info.commaSeparated
          ? value
              .split(info.commaSeparated ? ',' : /\s+/)
              .map((v) => v.trim())
              .filter(Boolean)
          : value;
  }
  return result;
}
