/** Shared by the build tests: run the real CLI, read the output as parsed HTML. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const fixture = (name: string) => join(ROOT, 'tests/fixtures', name);

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gongkai-${prefix}-`));
}

/** Runs `npm run <script>`'s entry point with the project's Node, as an editor would. */
export function runScript(
  script: 'build' | 'check',
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli', `${script}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function page(out: string, path: string): HTMLElement {
  const file = join(out, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`page not built: ${path}`);
  return parse(readFileSync(file, 'utf8'));
}

export const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A command as a child process, without blocking this one (which may be running the server it talks to). */
export function runAsync(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
