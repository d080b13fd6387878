/**
 * Turns zod's failures into the Chinese problems editors read (our take on Starlight's
 * `parseWithFriendlyErrors`). Schemas attach `params: { kind, fix }` to their own issues;
 * zod's built-in issues get a generic but still Chinese message here.
 */
import type { z } from 'zod';
import type { Problem } from '../problems.ts';

export interface SchemaIssueParams {
  kind: string;
  fix?: string;
}

/** Where a top-level key sits in the source file, to point the editor at the line. */
export type LineOfKey = (key: string) => number | undefined;

/** What a file other than a notice tells `schemaProblems` about itself. */
export interface SchemaProblemOptions {
  /** The line of a nested value (yaml-fields.ts `lineAt`); without it, its top-level key's line. */
  lineAt?: (path: readonly PropertyKey[]) => number | undefined;
  /** The keys each item of a top-level list may have, named in the fix for an unknown one. */
  itemKeys?: Readonly<Record<string, readonly string[]>>;
  /** Where the file's keys are explained, as `见 docs/…“…”一节`; the notice fields by default. */
  docs?: string;
  /** Another name of a key (发文机关 → 发布机构): an unknown top-level key said to be it. */
  synonymOf?: (key: string) => string | undefined;
}

export function schemaProblems(
  error: z.ZodError,
  file: string,
  lineOf: LineOfKey,
  knownKeys: readonly string[],
  { lineAt, itemKeys = {}, docs = '见 docs/publishing.md“公文的字段”一节', synonymOf }: SchemaProblemOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // A key inside a list item (附件, 允许公开) sits under its top-level key.
      const parent = issue.path.map(String);
      for (const key of issue.keys) {
        const keys = parent.length ? itemKeys[parent[0]!] : undefined;
        const target = parent.length ? undefined : synonymOf?.(key);
        if (target) {
          // Still an error: the field would otherwise be dropped without a word. With both keys
          // written, which value is right is the editor's call, so --fix leaves it (fix-content.ts).
          const both = lineOf(target) !== undefined;
          problems.push({
            file,
            line: lineOf(key),
            field: key,
            message: both
              ? `“${key}”在本站叫“${target}”，而文件中已经有“${target}”`
              : `“${key}”在本站叫“${target}”，请改名（--fix 可自动改名）`,
            fix: both
              ? `保留正确的一个：删去“${key}”这一行，或删去“${target}”后把“${key}”改为“${target}”`
              : `把“${key}:”改为“${target}:”`,
            severity: 'error',
            kind: 'unknown-field',
          });
          continue;
        }
        problems.push({
          file,
          line: (parent.length ? lineAt?.([...issue.path, key]) : undefined) ?? lineOf(parent[0] ?? key),
          field: [...parent, key].join('.'),
          message: `不认识的字段“${key}”`,
          fix: keys
            ? `检查拼写；“${parent[0]}”的每一项可写：${keys.join('、')}`
            : parent.length
              ? `检查拼写；“${parent[0]}”各项可写的键${docs}`
              : `检查拼写；可用的字段：${knownKeys.join('、')}`,
          severity: 'error',
          kind: 'unknown-field',
        });
      }
      continue;
    }
    const field = String(issue.path[0] ?? '文件');
    const params = (issue as { params?: SchemaIssueParams }).params;
    // zod does not keep the input in its issues. A top-level key is missing when the file has no
    // line for it; a key inside a list item (附件.0.名称) that has the wrong type is taken as missing.
    const last = issue.path.at(-1);
    const missing =
      issue.code === 'invalid_type' && (issue.path.length > 1 ? typeof last === 'string' : lineOf(field) === undefined);
    problems.push({
      file,
      line: (issue.path.length > 1 ? lineAt?.(issue.path) : undefined) ?? lineOf(field),
      field: issue.path.map(String).join('.') || field,
      message: missing ? '缺少必填字段' : issue.message,
      fix: missing
        ? `请添加“${typeof last === 'string' ? last : field}: …”`
        : (params?.fix ?? `按上面的说明改正“${field}”的值（各字段的写法${docs}）`),
      severity: 'error',
      kind: missing ? 'missing-field' : (params?.kind ?? 'invalid-value'),
    });
  }
  return problems;
}

/** A custom issue with a Chinese message, a fix and a rule id. */
export function issue(
  ctx: z.RefinementCtx,
  message: string,
  params: SchemaIssueParams,
  path: PropertyKey[] = [],
): void {
  ctx.addIssue({ code: 'custom', message, params: { ...params }, path });
}
