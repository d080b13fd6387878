/** Shared by the build tests: run the real CLI, read the output as parsed HTML. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const fixture = (name: string) => join(ROOT, 'tests/fixtures', name);

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gongkai-${prefix}-`));
}

const madeForFile: string[] = [];
let cleanupRegistered = false;
/** A fresh folder under the system's temporary folder (the exact prefix), removed when the test file ends. */
export function temporary(prefix: string): string {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', () => madeForFile.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeForFile.push(dir);
  return dir;
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
  return collect(spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * The same, returning the child too, in its own process group so a test can signal it and what
 * it started (killing the group is a power cut). A child killed by a signal ends with status -1.
 */
export function startAsync(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return { child, done: collect(child) };
}

function collect(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status: status ?? (signal ? -1 : null), stdout, stderr }));
  });
}
