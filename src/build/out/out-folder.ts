/**
 * OUT is what the office publishes, and the build replaces it whole. Everything that keeps it
 * from being lost is here:
 * - only a folder the build made (or an empty one) is ever replaced: a mistyped `--out` is
 *   refused before anything is touched (out-site.ts);
 * - one build at a time per OUT (out-lock.ts);
 * - the swap writes a journal beside OUT first, so a crash at any moment of it is undone by the
 *   next build, which puts the previous site back unless the new one was already complete;
 * - folders left by killed builds are removed by the next build into the same OUT.
 * Every name the build uses beside OUT starts with `.OUT.`: `.OUT.lock`, `.OUT.swap.json`,
 * `.OUT.building-<pid>` (the new site), `.OUT.old-<pid>-<random>` (the previous one).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { crashPoint } from './crash-point.ts';
import { processExists, takeOutLock, tookOverMessage, type OutLock } from './out-lock.ts';
import { foreignOutReason, siteBuildOf, writeSiteMarker } from './out-site.ts';
import { PROJECT_ROOT } from '../project-root.ts';

export interface OutFolder {
  /** Where this build makes the new site, beside OUT (a rename away from it). */
  staging: string;
  /** Puts the finished site in `staging` in OUT's place; OUT is never partly written. */
  swapIn(build: string): Promise<void>;
  /** After a failed build: one true sentence on what became of OUT. */
  failureNote(): string;
  release(): void;
}

export type OutFolderAttempt = { ok: true; folder: OutFolder } | { ok: false; error: string };

/** A previous site, set aside by the swap, is named `.OUT.old-…` next to OUT. */
export const oldSitePrefix = (out: string): string => `.${basename(out)}.old-`;
const stagingPrefix = (out: string): string => `.${basename(out)}.building-`;
const journalPath = (out: string): string => join(dirname(out), `.${basename(out)}.swap.json`);

/** Names the two folders of a swap under way: what the next build needs if this one dies. */
interface SwapJournal {
  /** The build id of the new site (its marker says the same once it is complete). */
  build: string;
  /** Names beside OUT, never paths: a journal can only ever point next to OUT. */
  staging: string;
  /** Where OUT was moved to; null when there was no OUT before. */
  setAside: string | null;
}

/**
 * Takes the lock, repairs what a crashed build left, and refuses an OUT that is not a site the
 * build made. Nothing in OUT is touched before the lock is held.
 */
export async function openOutFolder(out: string, log: (line: string) => void): Promise<OutFolderAttempt> {
  await mkdir(dirname(out), { recursive: true });
  const taken = takeOutLock(out);
  if (!taken.ok) return taken;
  const { lock } = taken;
  try {
    crashPoint('lock-taken');
    if (taken.tookOverFrom) log(tookOverMessage(out, taken.tookOverFrom));
    const recovered = await recoverInterruptedSwap(out, log);
    const foreign = await foreignOutReason(out);
    if (foreign) {
      lock.release();
      return { ok: false, error: foreign };
    }
    await removeLeftovers(out, log);
    return { ok: true, folder: outFolder(out, lock, recovered) };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** OUT is deleted and replaced: refuse folders whose loss would hurt. */
export function unsafeOutReason({ out, content }: { out: string; content: string }): string | undefined {
  const inside = (child: string, parent: string) => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (inside(content, out))
    return `输出文件夹 ${out} 包含内容文件夹 ${content}，生成时会被整个替换。请换一个 --out 文件夹（例如 dist）。`;
  if (inside(PROJECT_ROOT, out) || inside(process.cwd(), out))
    return `不能把网站输出到 ${out}：它包含项目本身。请用 --out dist 之类的子文件夹。`;
  if (inside(out, join(PROJECT_ROOT, 'src')) || inside(out, join(PROJECT_ROOT, 'node_modules')))
    return `不能把网站输出到项目的源代码文件夹 ${out}。`;
  return undefined;
}

function outFolder(out: string, lock: OutLock, recovered: string | undefined): OutFolder {
  const parent = dirname(out);
  const staging = join(parent, `${stagingPrefix(out)}${process.pid}`);
  /** Set while OUT is moved aside and could not be put back. */
  let strandedAt: string | undefined;
  return {
    staging,
    async swapIn(build) {
      await writeSiteMarker(staging, build);
      crashPoint('staging-complete');
      const setAside = existsSync(out) ? `${oldSitePrefix(out)}${process.pid}-${randomUUID().slice(0, 8)}` : null;
      await writeJournal(out, { build, staging: basename(staging), setAside });
      crashPoint('journal-written');
      if (setAside)
        await rename(out, join(parent, setAside)).catch(async (error: NodeJS.ErrnoException) => {
          await rm(journalPath(out), { force: true });
          throw new Error(
            `无法把原来的网站 ${out} 移开，以放入新生成的网站（${error.code ?? error}）。请确认没有程序正打开其中的文件，然后再运行一次。`,
            { cause: error },
          );
        });
      crashPoint('out-set-aside');
      try {
        await rename(staging, out);
      } catch (error) {
        if (setAside) strandedAt = await putBack(join(parent, setAside), out);
        if (!strandedAt) await rm(journalPath(out), { force: true });
        throw new Error(
          `无法把新生成的网站移入输出文件夹 ${out}（${(error as NodeJS.ErrnoException).code ?? error}）。请确认没有程序正打开其中的文件，然后再运行一次。`,
          { cause: error },
        );
      }
      crashPoint('staging-renamed');
      // OUT is the complete new site from here on, so nothing may fail the build any more: a
      // journal left behind only makes the next build confirm that, a previous site left
      // behind is deleted by the next build.
      try {
        await rm(journalPath(out), { force: true });
        crashPoint('journal-removed');
        if (setAside) removeInBackground(join(parent, setAside));
      } catch {
        // As above.
      }
    },
    failureNote() {
      if (strandedAt) return `（输出文件夹 ${out} 暂时不在：原来的网站在 ${strandedAt}，下次运行生成命令时会自动放回）`;
      return recovered ?? `（输出文件夹 ${out} 未被改动）`;
    },
    release: () => lock.release(),
  };
}

/** `aside` back to `out`; undefined when done, else where the site now is. */
async function putBack(aside: string, out: string): Promise<string | undefined> {
  try {
    await rename(aside, out);
    return undefined;
  } catch {
    return aside;
  }
}

/** Written whole (a temporary file renamed) and flushed to disk before OUT is touched. */
async function writeJournal(out: string, journal: SwapJournal): Promise<void> {
  const file = journalPath(out);
  const partial = `${file}.partial-${process.pid}`;
  const handle = await open(partial, 'w');
  try {
    await handle.writeFile(JSON.stringify(journal));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

async function readJournal(out: string): Promise<SwapJournal | undefined> {
  const text = await readFile(journalPath(out), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const journal = parseJournal(out, text);
  if (!journal)
    throw new Error(
      `替换记录 ${journalPath(out)} 无法读取，不知道上次生成中断时原来的网站放在哪里。请查看 ${dirname(out)} 里以 ${oldSitePrefix(out)} 开头的文件夹：如果输出文件夹 ${out} 不完整，把其中的网站改名为 ${basename(out)}；然后删除这个替换记录，再运行生成命令。`,
    );
  return journal;
}

function parseJournal(out: string, text: string): SwapJournal | undefined {
  try {
    const { build, staging, setAside } = JSON.parse(text) as Partial<SwapJournal>;
    const named = (name: unknown, prefix: string) =>
      typeof name === 'string' && name.startsWith(prefix) && basename(name) === name;
    if (typeof build !== 'string' || !named(staging, stagingPrefix(out))) return undefined;
    if (setAside !== null && !named(setAside, oldSitePrefix(out))) return undefined;
    return { build, staging: staging!, setAside: setAside ?? null };
  } catch {
    return undefined;
  }
}

/**
 * A journal is left only when a build died during its swap, and that build never said the site
 * was published: OUT goes back to the previous site, unless the new one was complete in OUT
 * already. Returns the note a failing build prints about OUT, when OUT was changed here.
 */
async function recoverInterruptedSwap(out: string, log: (line: string) => void): Promise<string | undefined> {
  const journal = await readJournal(out);
  if (!journal) return undefined;
  const setAside = journal.setAside ? join(dirname(out), journal.setAside) : undefined;
  const setAsideExists = setAside !== undefined && existsSync(setAside);
  let note: string | undefined;
  /** Deleted only once the journal no longer names it. */
  let superseded: string | undefined;
  if (!existsSync(out) && setAside && setAsideExists) {
    await rename(setAside, out);
    log(`上次生成在替换输出文件夹时中断：已恢复原来的网站 ${out}。`);
    note = `（输出文件夹 ${out}：开始时已放回上次中断的生成移走的原网站，此后未被改动）`;
  } else if (!existsSync(out) && setAside) {
    log(
      `上次生成在替换输出文件夹时中断，而它移开的原网站 ${setAside} 已不在，无法恢复：请再运行一次生成命令，生成完整的网站。`,
    );
  } else if (!existsSync(out)) {
    log(`上次生成在替换输出文件夹时中断：它开始前没有输出文件夹 ${out}，已清理它留下的文件。`);
  } else if ((await siteBuildOf(out)) === journal.build) {
    if (setAside && setAsideExists) superseded = setAside;
    log(`上次生成在替换输出文件夹时中断，但新网站已完整放入 ${out}：已删除原来的网站。`);
    note = `（输出文件夹 ${out} 是上次中断的生成已完整放入的网站，这次未被改动）`;
  } else if (setAside && setAsideExists) {
    // Neither folder is known to be the one to drop (OUT was rebuilt by other means since):
    // keep both, under a name no build deletes.
    const kept = `${out}.中断前的网站-${Date.now()}`;
    await rename(setAside, kept);
    log(
      `上次生成在替换输出文件夹时中断，之后 ${out} 又被放入了另一个网站；原来的网站已保留在 ${kept}，确认不需要后可删除。`,
    );
  } else {
    log(`上次生成在替换输出文件夹前中断：${out} 仍是原来的网站，已清理它留下的文件。`);
  }
  await rm(journalPath(out), { force: true });
  if (superseded) removeInBackground(superseded);
  return note;
}

/**
 * What killed builds left: their unfinished sites (`.OUT.building-<pid>`, with its
 * `.pagefind`), previous sites whose deletion was cut short, a half-written journal, and
 * Astro's intermediate folder in ./.astro when OUT is on another disk. Under the lock no other
 * build into this OUT runs, so those beside OUT are all dead; ./.astro is shared by every OUT,
 * so there only folders of processes that no longer exist go.
 */
async function removeLeftovers(out: string, log: (line: string) => void): Promise<void> {
  const parent = dirname(out);
  const unfinished: string[] = [];
  for (const name of await readdir(parent)) {
    const path = join(parent, name);
    if (name.startsWith(stagingPrefix(out))) {
      // Renamed first: a pid reused by this very build must not see its staging folder deleted.
      const trash = join(parent, `${oldSitePrefix(out)}${process.pid}-${randomUUID().slice(0, 8)}`);
      await rename(path, trash);
      removeInBackground(trash);
      unfinished.push(name);
    } else if (name.startsWith(oldSitePrefix(out))) {
      removeInBackground(path);
    } else if (
      name.startsWith(`${basename(journalPath(out))}.partial-`) ||
      name.startsWith(`.${basename(out)}.lock.stale-`)
    ) {
      await rm(path, { force: true });
    }
  }
  const astro = join(process.cwd(), '.astro');
  for (const name of await readdir(astro).catch(() => [] as string[])) {
    const pid = Number(/^site-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processExists(pid)) {
      removeInBackground(join(astro, name));
      unfinished.push(join('.astro', name));
    }
  }
  if (unfinished.length > 0) log(`已清理以前中断的生成留下的临时文件夹：${unfinished.join('、')}。`);
}

/**
 * Deleting a site is twenty thousand files and a few seconds on a county site, which nobody
 * needs to wait for: a process of its own does it. Should it be cut short, the next build
 * finds the rest by its name and hands it over again.
 */
function removeInBackground(dir: string): void {
  if (!lstatSync(dir, { throwIfNoEntry: false })) return;
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ['-e', script, dir], { detached: true, stdio: 'ignore', windowsHide: true }).unref();
}
