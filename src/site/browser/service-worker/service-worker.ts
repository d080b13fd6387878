// Hand-written, not Workbox: ~19 KB against ~2 KB minified, and Workbox keeps its own caches, not our shell/pages/saved.
/**
 * gongkai's service worker (compiled to OUT/sw.js by the build, with BUILD filled in).
 * - Install: cache the site shell of this build.
 * - Pages: network first (a government site must show the current text), cached copy when the
 *   network fails or stalls, the offline page when there is none.
 * - Hashed assets and Pagefind files: cache first; Pagefind's `?ts=` query is ignored.
 * - Attachments: left to the network and the browser's own cache.
 * - Activate: delete every cache of other builds, so versions never mix.
 */
/// <reference lib="webworker" />
const worker = self as unknown as ServiceWorkerGlobalScope;
/** Written in front of this file by the build (src/build/offline-files.ts). */
declare const BUILD: {
  version: string;
  base: string;
  shell: string[];
  /** src/domain/site/offline-manifest.ts cacheNames(version): shared with the save-offline button. */
  caches: { shell: string; pages: string; saved: string };
  /** src/domain/site/offline-manifest.ts: messages the pages listen for. */
  messages: { searchFileMissing: string };
};

const PREFIX = 'gongkai-';
const CACHES = BUILD.caches;
/** On a slow rural network, wait this long for a page before showing the saved copy. */
const NETWORK_PATIENCE_MS = 6000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHES.shell);
      await cache.addAll(BUILD.shell.map((url) => new Request(url, { cache: 'reload' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const mine = `${PREFIX}${BUILD.version}-`;
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !name.startsWith(mine)) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin || !url.pathname.startsWith(BUILD.base)) return;
  const path = url.pathname.slice(BUILD.base.length);
  // Attachments are documents to download, not pages: never kept in the caches pages are served
  // from, so no file under attachments/ can ever stand in for a page offline.
  if (path.startsWith('attachments/')) return;
  if (path.startsWith('pagefind/') || path.startsWith('_assets/')) {
    event.respondWith(cacheFirst(request, path.startsWith('pagefind/')));
  } else if (request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html')) {
    event.respondWith(networkFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});

async function fromCaches(request: Request | string, ignoreSearch = false): Promise<Response | undefined> {
  for (const name of [CACHES.saved, CACHES.pages, CACHES.shell]) {
    // caches.open would create a missing cache: after a newer build deleted ours, it must stay gone.
    if (!(await caches.has(name))) continue;
    const hit = await (await caches.open(name)).match(request, { ignoreSearch });
    if (hit) return hit;
  }
  return undefined;
}

/** Keeps a copy for offline use, unless a newer build has taken over (our shell is gone). */
async function keep(request: Request | string, response: Response): Promise<void> {
  if (await caches.has(CACHES.shell)) await (await caches.open(CACHES.pages)).put(request, response);
}

async function cacheFirst(request: Request, isSearchFile: boolean): Promise<Response> {
  const cached = await fromCaches(request, isSearchFile);
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok) await keep(isSearchFile ? request.url.split('?')[0]! : request, response.clone());
    return response;
  } catch (error) {
    if (isSearchFile) await tellPages(BUILD.messages.searchFileMissing);
    throw error;
  }
}

/**
 * Pagefind fetches from its own Web Worker, so the page that searched is not the fetch's client:
 * every open page of the site hears it, and only a search page that is searching listens.
 */
async function tellPages(type: string): Promise<void> {
  for (const client of await worker.clients.matchAll({ type: 'window' })) client.postMessage({ type });
}

async function networkFirst(request: Request): Promise<Response> {
  // Search pages differ only by query: any cached copy of the page will do offline.
  const ignoreSearch = new URL(request.url).search !== '';
  const cached = fromCaches(request, ignoreSearch);
  const network = fetch(request).then(async (response) => {
    if (response.ok && response.type === 'basic') await keep(request, response.clone());
    return response;
  });
  try {
    return await Promise.race([network, patience(cached)]);
  } catch {
    return (await cached) ?? (await offlinePage(request));
  }
}

/** Resolves with the cached copy after NETWORK_PATIENCE_MS, or never when there is none. */
function patience(cached: Promise<Response | undefined>): Promise<Response> {
  return new Promise((resolve) => {
    setTimeout(() => void cached.then((hit) => hit && resolve(hit)), NETWORK_PATIENCE_MS);
  });
}

async function offlinePage(request: Request): Promise<Response> {
  if (request.mode === 'navigate') {
    const page = await fromCaches(`${BUILD.base}lixian/`);
    if (page) return page;
  }
  return new Response('离线，且本页未保存。', {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
