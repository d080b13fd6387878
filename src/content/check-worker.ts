/** A worker thread of parallel-check.ts: checks its share of the notice files on its own. */
import { parentPort, workerData } from 'node:worker_threads';
import { noticeFileChecker, parseSiteYaml, type ContentFolder } from './content-check.ts';

export interface CheckWorkerInput {
  siteYaml: ContentFolder['siteYaml'];
  files: ContentFolder['notices'];
}

if (parentPort) {
  const { siteYaml, files } = workerData as CheckWorkerInput;
  const checkFile = noticeFileChecker(siteYaml ? parseSiteYaml(siteYaml).site : undefined);
  parentPort.postMessage(files.map(({ path, bytes }) => checkFile(path, bytes)));
}
