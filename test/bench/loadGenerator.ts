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
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors, timeouts and answers with a status of 400 or more. */
  failed: number;
  /** Earlier runs of this measurement thrown away because their latencies were impossible (see `latencyPossible`). */
  remeasured: number;
  /** False when even the last run's latencies were impossible: its p50/p99 are not to be believed. */
  latencyPossible: boolean;
}

export type Run = Omit<Load, 'remeasured' | 'latencyPossible'>;

export interface LoadOptions {
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  /** Pinned to CPU 0 where possible (the default); false lets it run on any core. */
  pinned?: boolean;
  /** Measure again when a run's latencies are impossible (the default); false where a second run would not measure the same thing (a cold start). */
  remeasure?: boolean;
}

const installed = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

// BENCH_LOAD_GENERATOR=autocannon measures with the fallback even where wrk is installed.
const hasWrk = process.env.BENCH_LOAD_GENERATOR !== 'autocannon' && installed('wrk');
const canPin = availableParallelism() >= 2 && installed('taskset');

/** CPUs for the servers under test: all but the load generator's, when pinning is possible. */
export const serverCpus = canPin ? `1-${availableParallelism() - 1}` : null;

/** How a command is started on the servers' CPUs (unchanged where it cannot be pinned, or `pinned` is false). */
export function onServerCpus(command: string, args: string[], pinned = true): [string, string[]] {
  return serverCpus && pinned ? ['taskset', ['-c', serverCpus, command, ...args]] : [command, args];
}

/**
 * How a client is started on the load generator's CPU: the officer's phone and the residents'
 * browsers are not on the server's cores, so a client measuring the server must not take them.
 */
export function onClientCpu(command: string, args: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', '0', command, ...args]] : [command, args];
}

const placement = !canPin ? ', nothing pinned' : hasWrk ? ', pinned to CPU 0, servers on the other CPUs' : ', servers pinned to CPUs other than 0';
export const loadGeneratorName = `${hasWrk ? 'wrk, 1 thread' : 'autocannon in a worker thread (install wrk for a faster load generator: apt-get install wrk)'}${placement}`;

/** Runs of one measurement at most, when a run's latencies are impossible (BENCH_ATTEMPTS, 3). */
export const measureAttempts = Math.max(1, Number(process.env.BENCH_ATTEMPTS ?? 3));

/** Runs thrown away as impossible in this process so far, printed or not. */
let thrownAway = 0;
export const runsThrownAway = () => thrownAway;

export async function measureLoad(url: string, options: LoadOptions): Promise<Load> {
  const once = async (): Promise<[Run, null]> => [await (hasWrk ? withWrk(url, options) : withAutocannon(url, options)), null];
  const [load] = await untilPossible(options.connections, options.remeasure === false ? 1 : measureAttempts, once);
  return load;
}

/**
 * Runs `once` (a measurement, and whatever else it gives) until its latencies are possible,
 * at most `attempts` times, counting the runs thrown away. The bench's cold start uses it
 * directly: each of its attempts needs a fresh server.
 */
export async function untilPossible<T>(connections: number, attempts: number, once: () => Promise<[Run, T]>): Promise<[Load, T]> {
  for (let remeasured = 0; ; remeasured++) {
    const [run, extra] = await once();
    const possible = latencyPossible(run, connections);
    if (possible || remeasured >= attempts - 1) return [{ ...run, remeasured, latencyPossible: possible }, extra];
    thrownAway++;
  }
}

/**
 * Little's law: with N connections each waiting for one answer at a time, the answers' mean
 * latency cannot exceed N ÷ answers per second (the time is shared out, it cannot be spent
 * twice). On this VM wrk 4.1 breaks that in a third to a half of its runs, a bare node:http
 * server included: a mean 3 to 4 times the bound, and a smooth tail of "latencies" up to 2 s
 * that cannot have happened. A closed-loop client timing each request with CLOCK_MONOTONIC,
 * written for the check, kept the law in every run against the same servers, and its p99
 * agreed within a few milliseconds with wrk's runs that kept it. So a run that breaks it is
 * thrown away and measured again, and the bench says how many were. (5 % and half a
 * millisecond of slack for the run's ends.)
 */
export function latencyPossible(run: Pick<Run, 'meanMs' | 'requestsPerSecond'>, connections: number): boolean {
  const bound = (connections / run.requestsPerSecond) * 1000;
  return run.meanMs <= bound * 1.05 + 0.5;
}

async function withWrk(url: string, { seconds, connections, headers = {}, pinned = true }: LoadOptions): Promise<Run> {
  const script = fileURLToPath(new URL('./wrk.lua', import.meta.url));
  const args = ['-t1', `-c${connections}`, `-d${Math.max(1, Math.round(seconds))}s`, '--timeout', '10s', '-s', script];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  const [command, commandArgs] = pinned ? onClientCpu('wrk', args) : ['wrk', args];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
  });
  const line = output.split('\n').find((l) => l.startsWith('{"requests"'));
  if (!line) throw new Error(`wrk printed no report:\n${output}`);
  const r = JSON.parse(line) as { requests: number; durationUs: number; meanUs: number; p50Us: number; p99Us: number; maxUs: number; socketErrors: number; badStatus: number };
  return {
    requestsPerSecond: Math.round(r.requests / (r.durationUs / 1e6)),
    meanMs: r.meanUs / 1000,
    p50Ms: r.p50Us / 1000,
    p99Ms: r.p99Us / 1000,
    maxMs: r.maxUs / 1000,
    failed: r.socketErrors + r.badStatus,
  };
}

async function withAutocannon(url: string, { seconds, connections, headers = {} }: LoadOptions): Promise<Run> {
  const { default: autocannon } = await import('autocannon');
  // `workers: 1` runs the load in a worker thread, off this process's event loop.
  const result = await autocannon({ url, connections, duration: seconds, headers, workers: 1 });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    meanMs: result.latency.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    failed: result.errors + result.timeouts + result.non2xx - countNotModified(result),
  };
}

/** autocannon counts a 304 as non-2xx; for a conditional poll it is the expected answer. */
const countNotModified = (result: { statusCodeStats?: Record<string, { count: number }> }) => result.statusCodeStats?.['304']?.count ?? 0;
