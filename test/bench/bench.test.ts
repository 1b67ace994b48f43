// CI runs `npm run bench` short (a second per row): not to judge its timings, which mean
// nothing on a shared machine running the rest of the suite, but to show that every figure
// the README quotes is produced, by the load generator this machine has, without an error.
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/processes';
import { latencyPossible } from './loadGenerator';

const rows = ['results page', 'results page, gzip', 'live fragment, gzip', 'live fragment, 304 poll', 'public JSON, gzip', 'Atom feed, gzip'];
const figure = String.raw`\d+ req/s\s+p50\s+[\d.]+ ms\s+p99\s+[\d.]+ ms\s+failed 0`;

describe('npm run bench, short', () => {
  it('reports every row against both ceilings, the cold start, the steady runs, corrections, memory and every core', async () => {
    const run = await runScript('test/bench/bench.ts', [], { BENCH_SECONDS: '1', BENCH_COLD_SECONDS: '1', BENCH_STEADY_RUNS: '2', BENCH_ROUNDS: '1', BENCH_ATTEMPTS: '1', BENCH_WARMUP_SECONDS: '0' }, 170_000);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code, run.stdout).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^Load generator: (wrk|autocannon)/m);
    for (const label of rows) {
      expect(out).toMatch(new RegExp(`^${label}: raw node:http\\s+${figure}`, 'm'));
      expect(out).toMatch(new RegExp(`^${label}: minimal Hono\\s+${figure}`, 'm'));
      expect(out).toMatch(new RegExp(`^${label}: Declare\\s+${figure}\\s+[\\d.]+× Hono, [\\d.]+× node:http`, 'm'));
    }
    expect(out).toMatch(new RegExp(`^first 1 s after declaring \\(gzip\\)\\s+${figure}`, 'm'));
    expect(out).toMatch(/^  first 1 s after declaring:\s+\d+ GETs, p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms$/m);
    expect(out).toMatch(/^  the warm page \(first run below\):\s+\d+ GETs, p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms\s+cold p99 [\d.]+× warm$/m);
    expect(out).toMatch(/2 runs in a row: p99 [\d.]+ ms( \(impossible\))?, [\d.]+ ms( \(impossible\))?$/m);
    const corrections = /corrections posted (\d+), accepted (\d+)/.exec(out);
    expect(Number(corrections?.[1])).toBeGreaterThan(0);
    expect(corrections?.[2]).toBe(corrections?.[1]);
    expect(out).toMatch(/round trip \(POST to its answer\):\s+p50 [\d.]+ ms, p99 [\d.]+ ms/);
    expect(out).toMatch(/until the live section shows it:\s+p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms$/m);
    expect(out).toMatch(/Server memory \(RSS\): \d+ MB idle at start, \d+ MB after the run\./);
    expect(out).toMatch(new RegExp(`^WEB_CONCURRENCY=1\\s+${figure}\\s+RSS \\d+ MB`, 'm'));
    expect(out).toMatch(/^Targets/m);
    expect(out).toMatch(/^Latencies checked against Little's law \(mean ≤ connections ÷ requests\/s\): \d+ figures printed; \d+ runs thrown away/m);
  }, 180_000);
});

describe("the bench's check of a load generator's latencies (Little's law)", () => {
  // 256 connections answered 10,000 times a second wait 25.6 ms on average, no more.
  it.each([
    { meanMs: 12, requestsPerSecond: 10_000, possible: true },
    { meanMs: 25.6, requestsPerSecond: 10_000, possible: true },
    { meanMs: 26.5, requestsPerSecond: 10_000, possible: true },
    { meanMs: 28, requestsPerSecond: 10_000, possible: false },
    { meanMs: 75.8, requestsPerSecond: 10_747, possible: false },
  ])('mean $meanMs ms at $requestsPerSecond req/s: possible $possible', ({ meanMs, requestsPerSecond, possible }) => {
    expect(latencyPossible({ meanMs, requestsPerSecond }, 256)).toBe(possible);
  });
});
