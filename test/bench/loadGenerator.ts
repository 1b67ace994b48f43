// The load generator, and where it runs. wrk (C, one thread) when installed: on this
// 2-core machine it drives about 50,000 requests/s through raw node:http, several times
// what the results page needs, so it is not what a run measures. Without it, autocannon in a
// worker thread, which tops out far lower (about 13,000 requests/s on the results page, as
// it decodes every body into a string): the bench then says so, and its ceilings show it.
//
// With two cores or more, the load generator is pinned to the first and the servers to the
// others (taskset), so that neither steals the other's core mid-run.
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors, timeouts and answers with a status of 400 or more. */
  failed: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
}

const installed = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const hasWrk = installed('wrk');
const canPin = availableParallelism() >= 2 && installed('taskset');

/** CPUs for the servers under test: all but the load generator's, when pinning is possible. */
export const serverCpus = canPin ? `1-${availableParallelism() - 1}` : null;

/** How a command is started on the servers' CPUs (unchanged where it cannot be pinned). */
export function onServerCpus(command: string, args: string[]): [string, string[]] {
  return serverCpus ? ['taskset', ['-c', serverCpus, command, ...args]] : [command, args];
}

export const loadGeneratorName = `${hasWrk ? 'wrk 1 thread' : 'autocannon in a worker thread (install wrk for a faster load generator: apt-get install wrk)'}${canPin ? ', pinned to CPU 0, servers on the other CPUs' : ', not pinned'}`;

export function measureLoad(url: string, options: LoadOptions): Promise<Load> {
  return hasWrk ? withWrk(url, options) : withAutocannon(url, options);
}

async function withWrk(url: string, { seconds, connections, headers = {} }: LoadOptions): Promise<Load> {
  const script = fileURLToPath(new URL('./wrk.lua', import.meta.url));
  const args = ['-t1', `-c${connections}`, `-d${Math.max(1, Math.round(seconds))}s`, '--timeout', '10s', '-s', script];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  const [command, commandArgs] = canPin ? ['taskset', ['-c', '0', 'wrk', ...args]] : ['wrk', args];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
  });
  const line = output.split('\n').find((l) => l.startsWith('{"requests"'));
  if (!line) throw new Error(`wrk printed no report:\n${output}`);
  const r = JSON.parse(line) as { requests: number; durationUs: number; p50Us: number; p99Us: number; maxUs: number; socketErrors: number; badStatus: number };
  return {
    requestsPerSecond: Math.round(r.requests / (r.durationUs / 1e6)),
    p50Ms: r.p50Us / 1000,
    p99Ms: r.p99Us / 1000,
    maxMs: r.maxUs / 1000,
    failed: r.socketErrors + r.badStatus,
  };
}

async function withAutocannon(url: string, { seconds, connections, headers = {} }: LoadOptions): Promise<Load> {
  const { default: autocannon } = await import('autocannon');
  // `workers: 1` runs the load in a worker thread, off this process's event loop.
  const result = await autocannon({ url, connections, duration: seconds, headers, workers: 1 });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    failed: result.errors + result.timeouts + result.non2xx - countNotModified(result),
  };
}

/** autocannon counts a 304 as non-2xx; for a conditional poll it is the expected answer. */
const countNotModified = (result: { statusCodeStats?: Record<string, { count: number }> }) => result.statusCodeStats?.['304']?.count ?? 0;
