// The Node entry: an embedded SQLite file and an HTTP server. `npm start`.
import { serve } from '@hono/node-server';
import { listElections } from '../db/results';
import { openSqlite } from '../db/sqlite';
import { createApp } from './app';
import { collectAssets } from './assets/collect';
import { databasePath, port } from './config';
import { loadDemoIfEmpty } from './demo';

const path = databasePath();
const { db, close } = openSqlite(path);
const demo = await loadDemoIfEmpty(db);
const app = createApp({ db: () => db, assets: await collectAssets() });

const server = serve({ fetch: app.fetch, port: port(), hostname: process.env.HOST }, (info) => {
  const base = `http://localhost:${info.port}`;
  console.log(`Declare is running on ${base} (database: ${path})`);
  if (demo) console.log(`Loaded the demo election, Medway Council 2023 (no results yet).`);
  void listElections(db).then((elections) => {
    for (const e of elections) console.log(`  ${e.name}: ${base}/elections/${e.id}`);
    console.log(`To enter results, create an officer login and sign in at ${base}/officer:`);
    console.log(`  npm run cli -- user add <name> --role officer`);
  });
});

// Finish in-flight requests and close the database cleanly on Ctrl-C or a stop signal.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => {
      close();
      process.exit(0);
    });
  });
}
