/** Registers the service worker (offline reading); pages work the same without it. */
import { withBase } from '../../../domain/site/site-paths.ts';
import { SERVICE_WORKER } from '../../../domain/site/offline-manifest.ts';

const base = import.meta.env.BASE_URL;
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => {
    navigator.serviceWorker
      .register(withBase(base, `/${SERVICE_WORKER}`), { scope: withBase(base, '/') })
      .catch((error) => {
        console.warn('离线功能未启用：', error);
      });
  });
}
