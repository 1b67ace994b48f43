// The Node entry: `npm start`. One server process (src/nodeServer.ts), or with
// WEB_CONCURRENCY=N (by default one per CPU) N of them sharing one port and one SQLite file
// (src/nodeCluster.ts), whose primary never loads the app itself.
import { webConcurrency } from './config';
import { clusterSlot, roleInCluster, startPrimary } from './nodeCluster';

const processes = (() => {
  try {
    return webConcurrency();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const slot = clusterSlot();
if (slot === null && processes > 1) await startPrimary(processes);
else await (await import('./nodeServer')).startNodeServer(slot === null ? undefined : roleInCluster(slot));
