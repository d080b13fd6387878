/**
 * Counts the search files this browser could not get: not cached and no network. The service
 * worker reports each one (SEARCH_FILE_MISSING); a search that saw one cannot say "nothing found".
 */
import { SEARCH_FILE_MISSING } from '../../../domain/site/offline-manifest.ts';

let missing = 0;
let listening = false;

export function listenForMissingSearchFiles(): void {
  if (listening || !('serviceWorker' in navigator)) return;
  listening = true;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === SEARCH_FILE_MISSING) missing++;
  });
}

/** A mark to compare with later: `missedSince(mark)` is true if a file went missing in between. */
export function missingMark(): number {
  return missing;
}

export async function missedSince(mark: number): Promise<boolean> {
  // The worker reports before the failed fetch reaches Pagefind, but its message is a task of its
  // own: one turn of the event loop lets it land before the answer is given.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return missing > mark;
}
