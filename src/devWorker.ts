// `npm run dev:worker`: the Worker as Cloudflare runs it (workerd, D1, static assets), on this
// machine and offline. Migrates the local D1, loads the demo election when it is empty, opens
// /setup for a first admin, then hands over to `wrangler dev`. Extra arguments go to it
// (`npm run dev:worker -- --port 9000`).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openSqlite } from '../db/sqlite';
import { generatePassword } from './auth/password';
import { SqlRecorder } from './cli/sqlRecorder';
import { loadDemoIfEmpty } from './demo';

const repo = fileURLToPath(new URL('..', import.meta.url));
const wranglerBin = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url));
// Wrangler asks the network for nothing it does not need: there may be none.
const env = { WRANGLER_SEND_METRICS: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...process.env };

// wrangler dev's --persist-to (where the local D1 lives) applies to the set-up commands too.
const passed = process.argv.slice(2);
const persistAt = passed.indexOf('--persist-to');
const persist = persistAt >= 0 ? passed.slice(persistAt, persistAt + 2) : [];

const wrangler = (...args: string[]) => execFileSync(process.execPath, [wranglerBin, ...args], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

/** One number from the local D1, by a query naming it `n`. */
function countLocal(query: string): number {
  const [answer] = JSON.parse(wrangler('d1', 'execute', 'DB', '--local', ...persist, '--json', '--command', query)) as { results: { n: number }[] }[];
  return answer?.results[0]?.n ?? 0;
}

console.log(`Applying the migrations to the local D1 (${persist[1] ?? '.wrangler/state'})...`);
wrangler('d1', 'migrations', 'apply', 'DB', '--local', ...persist);

if (countLocal('SELECT count(*) AS n FROM elections') === 0) {
  // The demo's SQL, recorded from the same import the Node server runs on an empty database.
  const recorder = new SqlRecorder();
  const scratch = openSqlite(':memory:', { logger: recorder });
  await loadDemoIfEmpty(scratch.db);
  scratch.close();
  mkdirSync(`${repo}.wrangler`, { recursive: true });
  const demoSql = `${repo}.wrangler/demo.sql`;
  writeFileSync(demoSql, recorder.text());
  wrangler('d1', 'execute', 'DB', '--local', ...persist, '--file', demoSql, '--yes');
  console.log('Loaded the demo election, Medway Council 2023 (no results yet).');
}

// A fresh deployment has no admin: open /setup for this run with a token made now.
const setupVars: string[] = [];
if (countLocal("SELECT count(*) AS n FROM users WHERE role = 'admin'") === 0) {
  const setupToken = `${generatePassword()}${generatePassword()}`;
  setupVars.push('--var', `SETUP_TOKEN:${setupToken}`);
  console.log(`No admin yet: create one at /setup with the setup token ${setupToken}`);
}
console.log('The results page: /elections/local.medway.2023-05-04 (wrangler prints the address below).');

const dev = spawn(process.execPath, [wranglerBin, 'dev', '--local', '--test-scheduled', ...setupVars, ...passed], { cwd: repo, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
