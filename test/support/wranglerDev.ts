// The Worker as a council runs it: wrangler's own commands and `wrangler dev` (workerd) as
// real processes, offline, on a local D1 kept in a folder of the test's own. Only this
// catches what workerd refuses at start-up (random values or timers at module scope), which
// the in-process Workers suites cannot see: they load our modules inside a test.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cleanEnv, freePort } from './processes';

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
 * `wrangler dev` on a free loopback port with the local D1 in `persistTo`, once it answers
 * HTTP. Fails with wrangler's own words if workerd does not start or exits.
 *
 * With --test-scheduled, `GET /__scheduled` runs the cron handler inside the Worker. (The
 * other local trigger, /cdn-cgi/handler/scheduled, answers 500 in wrangler 4.86 when the
 * Worker has static assets: the assets router hands the ScheduledController to the Worker
 * over RPC, which cannot serialise it. Deployed crons do not go through that router.)
 */
export async function startWranglerDev(options: { persistTo: string; vars?: Record<string, string>; timeoutMs?: number }): Promise<RunningWorker> {
  const port = await freePort();
  const vars = Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', options.persistTo, '--inspector-port', String(await freePort()), '--show-interactive-dev-session=false', '--test-scheduled', ...vars];
  const child = spawn(process.execPath, [wranglerBin, ...args], { cwd: repo, env: cleanEnv(offline), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const url = `http://127.0.0.1:${port}`;
  const worker: RunningWorker = { url, child, output: () => out, stop: () => stop(child) };
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  // "Ready on" is printed before workerd has loaded the Worker: only an answer proves it runs.
  while (Date.now() < deadline) {
    if (child.exitCode !== null || /failed to start|Uncaught Error|Disallowed operation/.test(out)) break;
    if (out.includes('Ready on')) {
      const answer = await fetch(`${url}/api/v1/elections/none`).catch(() => null);
      if (answer && (answer.headers.get('content-type') ?? '').startsWith('application/json')) return worker;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await worker.stop();
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
