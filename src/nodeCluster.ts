// Several server processes on one port (node:cluster), for WEB_CONCURRENCY > 1: each is a
// whole server (src/nodeServer.ts) on the same SQLite file, which WAL mode lets them read
// at once and write in turn. The primary only prepares the file, starts the processes,
// starts a new one when one dies, and passes "post now" on to the one that runs the social
// dispatcher. Each process learns of the others' writes within its pages' recheck time.
import cluster, { type Worker } from 'node:cluster';
import { databasePath } from './config';
import { DatabasePathError, openDatabaseFile } from './databaseFile';
import { loadDemoIfEmpty } from './demo';

/** Environment a process is started with: its place in the cluster. */
const slotVariable = 'DECLARE_CLUSTER_SLOT';
const demoVariable = 'DECLARE_DEMO_LOADED';
const wakeMessage = 'declare:wake-dispatcher';

/** Whether this process is one of a cluster's servers, and which. */
export function clusterSlot(): number | null {
  return cluster.isWorker ? Number(process.env[slotVariable]) : null;
}

export async function startPrimary(processes: number): Promise<void> {
  // Migrations and the demo once, here, before any server opens the file: never two at once.
  const opened = await openDatabaseFile(databasePath(), loadDemoIfEmpty).catch((error: unknown) => {
    if (!(error instanceof DatabasePathError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  opened.close();
  const demoLoaded = opened.prepared ? '1' : '';

  const slots: (Worker | null)[] = Array.from({ length: processes }, () => null);
  let stopping = false;
  const start = (slot: number) => {
    const worker = cluster.fork({ [slotVariable]: String(slot), [demoVariable]: slot === 0 ? demoLoaded : '' });
    slots[slot] = worker;
    worker.on('message', (message: unknown) => {
      if (message === wakeMessage) slots[0]?.send(wakeMessage);
    });
    worker.on('exit', (code, signal) => {
      if (slots[slot] === worker) slots[slot] = null;
      if (stopping) return;
      console.error(`Server process ${slot + 1} of ${processes} stopped (${signal ?? `exit code ${code}`}); starting another.`);
      // A moment's pause, so a process that cannot start does not spin the machine.
      setTimeout(() => start(slot), 1000);
    });
  };
  for (let slot = 0; slot < processes; slot++) start(slot);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      // Each server finishes its requests and closes the file (src/nodeServer.ts).
      const running = slots.filter((w): w is Worker => w !== null && !w.isDead());
      for (const worker of running) worker.process.kill(signal);
      void Promise.all(running.map((w) => new Promise((resolve) => (w.isDead() ? resolve(null) : w.once('exit', resolve))))).then(() => process.exit(0));
    });
  }
}

/** How a cluster's server process plays its part: slot 0 posts and speaks, the others pass declarations on. */
export function roleInCluster(slot: number) {
  return {
    dispatcher: slot === 0,
    announce: slot === 0,
    demoLoaded: process.env[demoVariable] === '1',
    wakeDispatcher: () => process.send?.(wakeMessage),
    onWakeRequest: (wake: () => void) =>
      process.on('message', (message: unknown) => {
        if (message === wakeMessage) wake();
      }),
  };
}
