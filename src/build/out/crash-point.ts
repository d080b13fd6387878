/**
 * Fault injection for the tests of OUT's safety (tests/build/out-safety.test.ts): with
 * GONGKAI_TEST_CRASH_AT=<step>, the build dies at that step as abruptly as a power cut or a
 * `kill -9` would end it: no `finally`, no exit handler, no lock released. Read here and only
 * here, so no other code can come to depend on it.
 */

/** The moments of a build at which a crash must leave OUT whole (out-folder.ts). */
export const CRASH_STEPS = [
  'lock-taken',
  'staging-complete',
  'journal-written',
  'out-set-aside',
  'staging-renamed',
  'journal-removed',
] as const;
export type CrashStep = (typeof CRASH_STEPS)[number];

export function crashPoint(step: CrashStep): void {
  if (process.env.GONGKAI_TEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}
