// `npm run bench`: does the results page hold election night's spike, measured against what
// this machine and this load generator can do at all?
//
// 1. Ceilings, in the same run: every answer measured below is captured from Declare and
//    replayed byte for byte by raw node:http and by a minimal Hono app (ceiling-server.ts).
//    Declare's requests/s is given as a ratio to each; when the load generator is the limit,
//    the ceilings show it.
// 2. Declare itself, started as `npm start` starts it (src/node.ts, its own process, a SQLite
//    file), the Medway night declared over HTTP: the results page (plain and gzip), its live
//    fragment, a 304 poll, the public JSON and the Atom feed, 256 connections each; the first
//    seconds just after the wards were declared (fresh process, cold render cache); the page
//    again in consecutive runs, for a steady tail; the page while an officer posts a
//    correction every 100 ms (round trip, and how long until the live section shows it);
//    the server's memory before and after.
// Loopback only, bounded: BENCH_SECONDS per row (5 by default), BENCH_STEADY_RUNS runs (10).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { answerKey, capture, type Captured } from './captured';
import { nextLine, startChild } from './children';
import { startDeclare } from './declareServer';
import { loadGeneratorName, measureLoad, type Load } from './loadGenerator';
import type { Spread } from './percentiles';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const coldSeconds = Number(process.env.BENCH_COLD_SECONDS ?? Math.max(seconds, 10));
const steadyRuns = Number(process.env.BENCH_STEADY_RUNS ?? 10);
const connections = 256;
const targets = { ratioToHono: 0.8, p99Ms: 25, coldToWarmP99: 2, correctionP99Ms: 100 };

interface DriverResult {
  posted: number;
  accepted: number;
  roundTrip: Spread;
  shownAfter: Spread;
  neverShown: number;
}

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const cell = (text: string | number, width: number) => String(text).padStart(width);
const row = (label: string, load: Load, ratios = '') =>
  `${label.padEnd(34)}${cell(load.requestsPerSecond, 8)} req/s  p50 ${cell(ms(load.p50Ms), 7)}  p99 ${cell(ms(load.p99Ms), 7)}  failed ${load.failed}${ratios}`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

console.log(`Load generator: ${loadGeneratorName}; ${connections} connections, ${seconds} s per row.`);
console.log(`Load average before: ${loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);

const declare = await startDeclare();
const rssIdle = declare.rssMb();
const { page } = declare;
const electionId = decodeURIComponent(page.split('/').at(-1)!);
const api = `${declare.base}/api/v1/elections/${encodeURIComponent(electionId)}`;
const gzip = { 'accept-encoding': 'gzip' };

// Cold: a fresh process, the night declared a moment ago, every render still to be made.
await declare.declareAll();
const cold = await measureLoad(page, { seconds: coldSeconds, connections, headers: gzip });

const live = await capture(`${page}/live`, gzip);
const rows: { label: string; path: string; headers: Record<string, string> }[] = [
  { label: 'results page', path: new URL(page).pathname, headers: {} },
  { label: 'results page, gzip', path: new URL(page).pathname, headers: gzip },
  { label: 'live fragment, gzip', path: `${new URL(page).pathname}/live`, headers: gzip },
  { label: 'live fragment, 304 poll', path: `${new URL(page).pathname}/live`, headers: { ...gzip, 'if-none-match': live.headers.etag! } },
  { label: 'public JSON, gzip', path: new URL(api).pathname, headers: gzip },
  { label: 'Atom feed, gzip', path: `${new URL(api).pathname}/declarations.atom`, headers: gzip },
];
const captured: Record<string, Captured> = {};
for (const r of rows) {
  const answer = await capture(`${declare.base}${r.path}`, r.headers);
  const expected = r.headers['if-none-match'] ? 304 : 200;
  if (answer.status !== expected) throw new Error(`${r.label} answered ${answer.status}, not ${expected}`);
  captured[answerKey(r.path, (name) => r.headers[name])] = answer;
}
const capturedFile = join(mkdtempSync(join(tmpdir(), 'declare-ceiling-')), 'captured.json');
writeFileSync(capturedFile, JSON.stringify(captured));
const rawNode = await startChild<{ url: string }>('./ceiling-server.ts', ['node-http', capturedFile], {}, true);
const hono = await startChild<{ url: string }>('./ceiling-server.ts', ['hono', capturedFile], {}, true);

try {
  const size = (r: (typeof rows)[number]) => Buffer.from(captured[answerKey(r.path, (name) => r.headers[name])]!.base64, 'base64').byteLength;
  const [pageBytes, gzBytes] = [size(rows[0]!), size(rows[1]!)];
  console.log(`Results page: ${pageBytes} bytes, ${gzBytes} gzipped; 24 wards declared.\n`);
  // Warm all three up (JIT, connections) before measuring.
  for (const base of [rawNode.ready.url, hono.ready.url, declare.base]) {
    for (const r of rows) await measureLoad(`${base}${r.path}`, { seconds: 1, connections, headers: r.headers });
  }

  const results: { label: string; ours: Load; hono: Load; raw: Load }[] = [];
  for (const r of rows) {
    const options = { seconds, connections, headers: r.headers };
    const raw = await measureLoad(`${rawNode.ready.url}${r.path}`, options);
    const minimal = await measureLoad(`${hono.ready.url}${r.path}`, options);
    const ours = await measureLoad(`${declare.base}${r.path}`, options);
    results.push({ label: r.label, ours, hono: minimal, raw });
    console.log(row(`${r.label}: raw node:http`, raw));
    console.log(row(`${r.label}: minimal Hono`, minimal));
    console.log(
      row(
        `${r.label}: Declare`,
        ours,
        `   ${(ours.requestsPerSecond / minimal.requestsPerSecond).toFixed(2)}× Hono, ${(ours.requestsPerSecond / raw.requestsPerSecond).toFixed(2)}× node:http`,
      ),
    );
  }
  const warmPage = results[1]!.ours;
  console.log(`\n${row(`first ${coldSeconds} s after declaring (gzip)`, cold)}   p99 ${(cold.p99Ms / warmPage.p99Ms).toFixed(1)}× the warm page's`);

  const steady: Load[] = [];
  for (let n = 0; n < steadyRuns; n++) steady.push(await measureLoad(page, { seconds, connections, headers: gzip }));
  if (steadyRuns) console.log(`\nresults page, gzip, ${steadyRuns} runs in a row: p99 ${steady.map((s) => ms(s.p99Ms)).join(', ')}`);

  const driver = await startChild<{ ready: true }>('./declarations-driver.ts', [], {
    BENCH_DECLARATIONS: JSON.stringify({ ...declare, seconds: Math.max(1, seconds * 2 - 1.5), everyMs: 100, startAfterMs: 500 }),
  });
  const driven = nextLine<DriverResult>(driver.process);
  const busy = await measureLoad(page, { seconds: seconds * 2, connections, headers: gzip });
  const corrections = await driven;
  await driver.stop();
  console.log(`\n${row('results page, a correction each 100 ms', busy)}`);
  console.log(`corrections posted ${corrections.posted}, accepted ${corrections.accepted}
  round trip (POST to its answer):     p50 ${ms(corrections.roundTrip.p50)}, p99 ${ms(corrections.roundTrip.p99)}, max ${ms(corrections.roundTrip.max)}
  until the live section shows it:     p50 ${ms(corrections.shownAfter.p50)}, p99 ${ms(corrections.shownAfter.p99)}, max ${ms(corrections.shownAfter.max)}${corrections.neverShown ? `, never shown: ${corrections.neverShown}` : ''}`);

  console.log(`\nServer memory (RSS): ${Math.round(rssIdle)} MB idle at start, ${Math.round(declare.rssMb())} MB after the run.`);

  const hot = results.filter((r) => !r.label.startsWith('Atom') && r.label !== 'results page');
  const lowest = hot.reduce((a, b) => (a.ours.requestsPerSecond / a.hono.requestsPerSecond < b.ours.requestsPerSecond / b.hono.requestsPerSecond ? a : b));
  const worstP99 = Math.max(...hot.map((r) => r.ours.p99Ms), ...steady.map((s) => s.p99Ms));
  console.log(`
Targets (page, gzip page, fragment, 304, JSON):
  ≥ ${targets.ratioToHono}× minimal Hono's requests/s: ${verdict(lowest.ours.requestsPerSecond / lowest.hono.requestsPerSecond >= targets.ratioToHono)} (lowest: ${lowest.label}, ${(lowest.ours.requestsPerSecond / lowest.hono.requestsPerSecond).toFixed(2)}×)
  p99 < ${targets.p99Ms} ms, every row and every steady run: ${verdict(worstP99 < targets.p99Ms)} (worst ${ms(worstP99)})
  first ${coldSeconds} s within ${targets.coldToWarmP99}× the warm p99: ${verdict(cold.p99Ms <= targets.coldToWarmP99 * warmPage.p99Ms)}
  correction round trip p99 < ${targets.correctionP99Ms} ms under load: ${verdict(corrections.roundTrip.p99 < targets.correctionP99Ms)}`);
} finally {
  await Promise.all([rawNode.stop(), hono.stop(), declare.stop()]);
}
