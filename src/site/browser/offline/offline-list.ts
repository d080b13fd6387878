/** The offline page: lists the notices this device can open without a network. */
import { fetchManifest } from './offline-cache.ts';

export async function listOffline(): Promise<void> {
  const list = document.getElementById('offline-list')!;
  const empty = document.getElementById('offline-empty')!;
  const hint = document.getElementById('offline-hint')!;
  // Served by the service worker in place of a page that could not be loaded: say so.
  hint.hidden = location.pathname.endsWith('/lixian/');
  if (!('caches' in window)) {
    empty.hidden = false;
    list.removeAttribute('aria-busy');
    return;
  }
  const manifest = await fetchManifest().catch(() => undefined);
  const available = [];
  for (const notice of manifest?.notices ?? []) {
    if (await caches.match(notice.url)) available.push(notice);
  }
  available.sort((a, b) => b.date.localeCompare(a.date));
  list.replaceChildren(
    ...available.map((notice) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = notice.url;
      a.textContent = notice.title;
      const time = document.createElement('time');
      time.dateTime = notice.date;
      time.textContent = notice.date;
      li.append(a, time);
      return li;
    }),
  );
  empty.hidden = available.length > 0;
  // The list is complete: assistive technology (and the tests) may read it now.
  list.removeAttribute('aria-busy');
}
