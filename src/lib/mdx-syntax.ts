/**
 * MDX is stricter than Markdown: `{`, `}` and `<` start code. A stray one would pass the
 * frontmatter rules and then crash the Astro build with a stack trace, so `check` compiles
 * each .mdx body with the same compiler Astro uses (Sätteri) and reports the line instead.
 */
import { mdxToJs } from 'satteri';
import type { Problem } from './problems.ts';

export function mdxSyntaxProblem(file: string, body: string, bodyLine: number): Problem | undefined {
  try {
    mdxToJs(body);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+):\s*/.exec(message);
    const line = at ? bodyLine + Number(at[1]) - 1 : bodyLine;
    return {
      file, line, field: '正文', severity: 'error', kind: 'mdx-syntax',
      message: `MDX 语法错误：${message.slice(at?.[0].length ?? 0).replace(/\s*\(mdx[^)]*\)$/, '')}`,
      fix: 'MDX 文件中 { } 和 < 有特殊含义：要原样显示请写成 \\{ \\} 或 &lt;；不需要组件时，把文件扩展名改为 .md',
    };
  }
}
