/**
 * The thread of a BackgroundLinks (hard-links.ts): makes the links it is sent, batch after
 * batch, and answers `finish` with the first failure, if any.
 */
import { parentPort } from 'node:worker_threads';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { linkOrCopySync } from './hard-links.ts';

export type LinkRequest = { type: 'link'; pairs: [source: string, target: string][] } | { type: 'finish' };
export type LinkReply = { type: 'finished'; failure?: string };

let failure: string | undefined;

parentPort?.on('message', (request: LinkRequest) => {
  if (request.type === 'finish') {
    parentPort!.postMessage({ type: 'finished', failure } satisfies LinkReply);
    return;
  }
  if (failure) return;
  try {
    for (const [source, target] of request.pairs) {
      mkdirSync(dirname(target), { recursive: true });
      linkOrCopySync(source, target);
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
});
