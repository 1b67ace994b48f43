// The count officer's phone script. The pages work without it; with it:
// - "Check the result" shows the review at once, computed on the phone by the same code the
//   server runs (views/client/entry.tsx), so it works with no signal at all;
// - "Declare" saves the result on the phone first (IndexedDB, flushed to disk before it says
//   "Saved"), then sends it until the server has it, published once (views/client/sending.ts);
// - what happened is said where the officer is looking (views/client/outcome.ts);
// - after sign-in, every ward's form is kept for opening with no signal (views/client/offline.ts).
import { enhanceEntryForm } from './entry';
import { keepForNoSignal } from './offline';
import { renderPending } from './outcome';
import { sendPending } from './sending';

// No background sync on iPhones: a timer is the one retry every phone has.
const retryEveryMs = 10_000;

function start(): void {
  if (location.pathname === '/login') {
    // Pages of a signed-out session must not be shown from the offline cache.
    void caches?.delete('declare-officer-v1');
    return;
  }
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/officer-sw.js', { scope: '/officer' }).catch(() => undefined);
  enhanceEntryForm();
  keepForNoSignal();
  void renderPending();
  void sendPending();
  window.addEventListener('online', () => void sendPending());
  window.addEventListener('pageshow', () => void sendPending());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void sendPending();
  });
  setInterval(() => void sendPending(), retryEveryMs);
}

start();
