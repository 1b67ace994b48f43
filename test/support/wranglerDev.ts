// The Worker as a council runs it: wrangler's own commands and `wrangler dev` (workerd) as
// real processes, offline, on a local D1 kept in a folder of the test's own. Only this
// catches what workerd refuses at start-up (random values or timers at module scope), which
// the in-process Workers suites cannot see: they load our modules inside a test.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { vi } from 'vitest';
import { loadElection, type ContestSnapshot } from '../../db/results';
import { openSqlite } from '../../db/sqlite';
import { cliInProcess } from './cli';
import { cleanEnv } from './processes';

const wranglerBin = new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url).pathname;
const repo = new URL('../../', import.meta.url).pathname;

/** Nothing wrangler does here may reach for the network: there is none but the registries. */
export const offline = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  NO_COLOR: '1',
};

/** `npx wrangler <args>` to the end; a non-zero exit throws with everything it printed. */
export function wrangler(args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [wranglerBin, ...args], { cwd: repo, env: cleanEnv(offline), timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`wrangler ${args.join(' ')} failed (${error.code ?? error.signal}):\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

export interface RunningWorker {
  url: string;
  child: ChildProcess;
  /** Everything wrangler and workerd have printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev` on a loopback port of the system's choosing (port 0; its "Ready on" line
 * names the port), with the local D1 in `persistTo`, once it answers HTTP. Fails with
 * wrangler's own words if workerd does not start or exits.
 *
 * With --test-scheduled, `GET /__scheduled` runs the cron handler inside the Worker. (The
 * other local trigger, /cdn-cgi/handler/scheduled, answers 500 in wrangler 4.86 when the
 * Worker has static assets: the assets router hands the ScheduledController to the Worker
 * over RPC, which cannot serialise it. Deployed crons do not go through that router.)
 */
export async function startWranglerDev(options: { persistTo: string; vars?: Record<string, string>; timeoutMs?: number }): Promise<RunningWorker> {
  const vars = Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', '0', '--persist-to', options.persistTo, '--inspector-port', '0', '--show-interactive-dev-session=false', '--test-scheduled', ...vars];
  const child = spawn(process.execPath, [wranglerBin, ...args], { cwd: repo, env: cleanEnv(offline), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const failed = () => child.exitCode !== null || /failed to start|Uncaught Error|Disallowed operation/.test(out);
  // "Ready on" is printed before workerd has loaded the Worker: only an answer proves it runs.
  const url = await vi
    .waitFor(
      async () => {
        if (failed()) return null;
        const port = out.match(/Ready on http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
        if (!port) throw new Error('not ready yet');
        const answer = await fetch(`http://127.0.0.1:${port}/api/v1/elections/none`);
        if (!(answer.headers.get('content-type') ?? '').startsWith('application/json')) throw new Error(`not answering yet (${answer.status})`);
        return `http://127.0.0.1:${port}`;
      },
      { timeout: options.timeoutMs ?? 90_000, interval: 250 },
    )
    .catch(() => null);
  if (url) return { url, child, output: () => out, stop: () => stop(child) };
  await stop(child);
  throw new Error(`The Worker did not start under wrangler dev. wrangler said:\n${out}`);
}

const running = new Set<ChildProcess>();

/** Ends wrangler and the workerd it started (its whole process group). */
function stop(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  });
}

/** For afterAll: nothing this module started outlives the test file. */
export async function stopAllWorkers(): Promise<void> {
  await Promise.all([...running].map(stop));
}

export const demoElectionId = 'local.medway.2023-05-04';

export interface LocalDeployment {
  officer: { name: string; password: string; token: string };
  /** The demo's wards with the ids D1 holds (read from the CLI's mirror file). */
  contests: ContestSnapshot[];
}

/**
 * A local D1 in `dir` with the tables and nothing in them, as step 3 of README "Deploying to
 * Cloudflare Workers" leaves it (--local for --remote): a site to set up from the browser.
 */
export async function createLocalD1Tables(dir: string): Promise<void> {
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir]);
}

/**
 * A local D1 in `dir` set up step by step as README "Deploying to Cloudflare Workers" says,
 * with --local for --remote: the migrations, then the CLI's --sql file (the demo election,
 * an officer and an API token) applied with `wrangler d1 execute`.
 */
export async function setUpLocalD1(dir: string): Promise<LocalDeployment> {
  const mirror = join(dir, 'mirror.db');
  const setupSql = join(dir, 'setup.sql');
  await createLocalD1Tables(dir);
  // In this process: test/cli/main.test.ts runs `npm run cli` as a process too.
  const cli = async (...args: string[]) => {
    const done = await cliInProcess([...args, '--sql', setupSql], { DB_PATH: mirror });
    if (done.code !== 0) throw new Error(`npm run cli -- ${args.join(' ')}: ${done.stderr}`);
    return done.stdout.trimEnd().split('\n').at(-1)!;
  };
  await cli('import', 'db/demo/medway-2023.json');
  const password = await cli('user', 'add', 'sam', '--role', 'officer');
  const token = await cli('token', 'add', 'sam');
  await wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--file', setupSql, '--yes']);
  // The CLI's file mirrors D1, so its candidate ids are the Worker's.
  const handle = openSqlite(mirror);
  try {
    return { officer: { name: 'sam', password, token }, contests: (await loadElection(handle.db, demoElectionId))!.contests };
  } finally {
    handle.close();
  }
}
