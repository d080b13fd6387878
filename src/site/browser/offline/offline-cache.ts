/** The page's side of the offline caches: the manifest, and what is saved. */
import { withBase } from '../../../domain/site/site-paths.ts';
import { cacheNames, OFFLINE_MANIFEST, type OfflineManifest } from '../../../domain/site/offline-manifest.ts';

export const BASE = import.meta.env.BASE_URL;
/** Marks a finished 离线保存 in the saved cache of a version. */
export const COMPLETE_MARKER = withBase(BASE, '/offline-complete');

export function pageVersion(): string {
  return document.documentElement.dataset.build ?? '';
}

export async function fetchManifest(): Promise<OfflineManifest> {
  const response = await fetch(withBase(BASE, `/${OFFLINE_MANIFEST}`), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as OfflineManifest;
}

export function offlineSupported(): boolean {
  return 'caches' in window && 'serviceWorker' in navigator;
}

export function savedCacheName(version: string): string {
  return cacheNames(version).saved;
}

export { formatBytes } from '../../../domain/text/file-size.ts';
