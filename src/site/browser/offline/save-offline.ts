/**
 * The "离线保存" button: shows the size first, then downloads every notice page and every search
 * file into this build's saved cache, with progress. Cache names carry the build version, so a
 * download never mixes builds; an interrupted one resumes where it stopped.
 */
import { t } from '../../../domain/site/ui-strings.ts';
import {
  COMPLETE_MARKER,
  fetchManifest,
  formatBytes,
  offlineSupported,
  pageVersion,
  savedCacheName,
} from './offline-cache.ts';

const PARALLEL = 4;

export function startSaveOffline(root: HTMLElement): void {
  if (!offlineSupported()) return;
  const summary = root.querySelector<HTMLElement>('[data-summary]')!;
  const button = root.querySelector<HTMLButtonElement>('[data-start]')!;
  const progress = root.querySelector<HTMLProgressElement>('progress')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  root.hidden = false;

  void (async () => {
    const manifest = await fetchManifest();
    if (manifest.version !== pageVersion()) {
      status.textContent = t('offline.outdated');
      return;
    }
    const files = [...manifest.notices, ...manifest.search];
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    summary.textContent = t('offline.size', { n: manifest.notices.length, size: formatBytes(total) });
    const cache = await caches.open(savedCacheName(manifest.version));
    if (await cache.match(COMPLETE_MARKER)) status.textContent = t('offline.done', { n: manifest.notices.length });
    button.disabled = false;

    button.addEventListener('click', async () => {
      button.disabled = true;
      progress.hidden = false;
      progress.max = files.length;
      let done = 0;
      const queue = [...files];
      const report = () => {
        progress.value = done;
        status.textContent = t('offline.progress', { done, total: files.length });
      };
      report();
      try {
        await Promise.all(
          Array.from({ length: PARALLEL }, async () => {
            for (let file = queue.shift(); file; file = queue.shift()) {
              if (!(await cache.match(file.url))) {
                const response = await fetch(file.url, { cache: 'no-cache' });
                if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
                await cache.put(file.url, response);
              }
              done += 1;
              report();
            }
          }),
        );
        await cache.put(
          COMPLETE_MARKER,
          new Response(JSON.stringify({ version: manifest.version, savedAt: new Date().toISOString() })),
        );
        status.textContent = t('offline.done', { n: manifest.notices.length });
      } catch (error) {
        status.textContent = t('offline.failed', { reason: error instanceof Error ? error.message : String(error) });
        button.disabled = false;
      }
    });
  })().catch((error) => {
    status.textContent = t('offline.failed', { reason: error instanceof Error ? error.message : String(error) });
  });
}
