// The dispatcher on Node: a loop in the server process. It polls every `pollMs`, runs again
// at once while there is work, and can be woken right after a declaration.
import { errorForLog } from '../../logLine';
import type { Dispatcher } from './dispatcher';

export interface DispatchLoop {
  /** Run a pass as soon as possible (a declaration was just recorded). */
  wake(): void;
  /** Stops polling and waits for the pass under way, so no send is cut off by us. */
  stop(): Promise<void>;
}

export function startDispatchLoop(dispatcher: Dispatcher, options: { pollMs: number; onError?: (error: unknown) => void }): DispatchLoop {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let wokenWhileRunning = false;
  const onError = options.onError ?? ((error) => console.error(`[social] dispatch pass failed: ${errorForLog(error)}`));

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
  };

  function tick() {
    if (stopped || running) return;
    wokenWhileRunning = false;
    running = dispatcher
      .runOnce()
      .then((report) => report.posted + report.retried + report.failed + report.cancelled > 0)
      .catch((error) => {
        onError(error);
        return false;
      })
      .then((busy) => {
        running = null;
        schedule(busy || wokenWhileRunning ? 0 : options.pollMs);
      });
  }

  schedule(0);
  return {
    wake() {
      if (running) wokenWhileRunning = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
