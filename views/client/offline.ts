// Ready for no signal: once signed in, the service worker (views/client/sw.ts) keeps every
// ward's form, and the officer is told so.
import { el } from './dom';

export /** Asks the service worker to keep every ward's form, and says so once it has. */
function keepForNoSignal(): void {
  if (!('serviceWorker' in navigator) || !navigator.onLine) return;
  navigator.serviceWorker.addEventListener('message', (event) => {
    const data = event.data as { type?: string; wards?: number | null };
    if (data.type !== 'kept' || !data.wards) return;
    document.getElementById('offline-ready')?.remove();
    document.querySelector('main')?.append(el('p', { id: 'offline-ready', class: 'muted', role: 'status' },
      `Ready for no signal: ${data.wards === 1 ? 'this ward is' : `all ${data.wards} wards are`} kept on this phone.`));
  });
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'keep-for-offline' }));
}
