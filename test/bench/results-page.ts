// `npm run bench`: can the results page take election night's spike?
//
// 1. Serves the results page with all 24 Medway wards declared (a real server over a
//    SQLite file) and the same bytes from a plain node:http static server, and measures
//    both with autocannon at 256 connections: requests/s, p99 latency, ratio ours/static.
//    The two are measured in alternating rounds of about 5 s, so that other work on the
//    machine (a shared two-core box) weighs on both alike.
// 2. Measures the page again while an officer posts a correction every 100 ms, and reports
//    the declarations' round trip and how long each took to appear on the page.
// Loopback only; about 10 s per phase (BENCH_SECONDS to change), under a minute in all.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import autocannon, { type RawResult, type Result } from 'autocannon';
import { nextLine, startChild } from './children';
import type { Spread } from './percentiles';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 256;
// Rounds of about 5 s: each round opens its 256 connections at once, and in 2 s rounds that
// opening burst alone put a few milliseconds on both servers' p99.
const roundCount = Math.max(1, Math.round(seconds / 5));
const roundSeconds = seconds / roundCount;
const aim = { ratio: 0.5, p99Ms: 50, declarationP99Ms: 200 };

interface Declared {
  base: string;
  page: string;
  token: string;
  wards: { contestId: string; body: Record<string, unknown> }[];
}
interface DriverResult {
  posted: number;
  accepted: number;
  roundTrip: Spread;
  shownAfter: Spread;
  neverShown: number;
}

interface Measured {
  rps: number;
  p99: number;
  failed: number;
}

const load = (url: string, duration: number) => autocannon({ url, connections, duration, skipAggregateResult: true });

/** Requests/s over all rounds, and p99 from all rounds' latencies together. */
function measured(url: string, rounds: RawResult[]): Measured {
  const all: Result = autocannon.aggregateResult(rounds, { url, connections });
  const sum = (f: (r: RawResult) => number) => rounds.reduce((n, r) => n + f(r), 0);
  return {
    rps: Math.round(sum((r) => r.totalCompletedRequests) / sum((r) => r.duration)),
    p99: all.latency.p99,
    failed: sum((r) => r.errors + r.timeouts + r.non2xx),
  };
}

const line = (label: string, m: Measured) =>
  `${label.padEnd(46)} ${String(m.rps).padStart(7)} req/s   p99 ${String(m.p99).padStart(3)} ms   failed ${m.failed}`;
const ms = (n: number) => `${Math.round(n)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

console.log(`Preparing: a server with the Medway night declared, and a static server of the same bytes…`);
const ours = await startChild<Declared>('./serve-declared.ts');
const { page } = ours.ready;
const body = new Uint8Array(await (await fetch(page)).arrayBuffer());
const gzippedSize = async (url: string) => (await fetch(url, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-length');
const gzipped = await gzippedSize(page);
const liveGzipped = await gzippedSize(`${page}/live`);
const file = join(mkdtempSync(join(tmpdir(), 'declare-bench-')), 'results.html');
writeFileSync(file, body);
const staticServer = await startChild<{ url: string }>('./static-server.ts', [file]);

try {
  console.log(`Results page: ${body.byteLength} bytes (${gzipped} gzipped); its live section ${liveGzipped} bytes gzipped.`);
  console.log(`${connections} connections, ${seconds} s per phase.`);
  console.log(`Load average before: ${loadavg().map((n) => n.toFixed(2)).join(' ')} on this machine's cores.\n`);
  // Warm both up (JIT, render cache, connection pools) before measuring.
  await load(staticServer.ready.url, 2);
  await load(page, 2);

  const staticRounds: RawResult[] = [];
  const ourRounds: RawResult[] = [];
  for (let round = 0; round < roundCount; round++) {
    staticRounds.push(await load(staticServer.ready.url, roundSeconds));
    ourRounds.push(await load(page, roundSeconds));
  }
  const baseline = measured(staticServer.ready.url, staticRounds);
  const quiet = measured(page, ourRounds);
  console.log(line('static file (node:http, from memory)', baseline));
  console.log(line('Declare results page', quiet));
  const ratio = quiet.rps / baseline.rps;

  const driver = await startChild<{ ready: true }>('./declarations-driver.ts', [], {
    BENCH_DECLARATIONS: JSON.stringify({ ...ours.ready, seconds: seconds - 1.5, everyMs: 100, startAfterMs: 500 }),
  });
  const driven = nextLine<DriverResult>(driver.process);
  const busy = measured(page, [await load(page, seconds)]);
  const declarations = await driven;
  await driver.stop();
  console.log(line('Declare results page, correction every 100 ms', busy));

  console.log(`
Ratio ours/static: ${ratio.toFixed(2)}
Corrections posted: ${declarations.posted}, accepted: ${declarations.accepted}
  round trip (POST to its answer):   p50 ${ms(declarations.roundTrip.p50)}, p99 ${ms(declarations.roundTrip.p99)}, max ${ms(declarations.roundTrip.max)}
  until the page shows it (from POST): p50 ${ms(declarations.shownAfter.p50)}, p99 ${ms(declarations.shownAfter.p99)}, max ${ms(declarations.shownAfter.max)}${declarations.neverShown ? `, never shown: ${declarations.neverShown}` : ''}

Aims: ratio ≥ ${aim.ratio}: ${verdict(ratio >= aim.ratio)}; page p99 < ${aim.p99Ms} ms: ${verdict(quiet.p99 < aim.p99Ms)} (the static file's: ${baseline.p99} ms; the page's while corrections are posted, for which the issue sets no aim: ${busy.p99} ms); declaration p99 < ${aim.declarationP99Ms} ms under load: ${verdict(declarations.roundTrip.p99 < aim.declarationP99Ms)}`);
} finally {
  await staticServer.stop();
  await ours.stop();
}
