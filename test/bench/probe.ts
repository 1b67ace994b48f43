// Benchmark child: one resident's phone among the crowd. While the load generator keeps 256
// connections busy, this client GETs the same address over one kept-alive connection, one
// request after another, and times each with the monotonic clock. Its figures are its own,
// not the load generator's (whose latencies loadGenerator.ts checks and sometimes throws
// away), so a window the load generator cannot time, the first seconds after a change on a
// fresh process, is still timed. Prints a ready line, then, when done, its measurements.
import { spread } from './percentiles';

const config = JSON.parse(process.env.BENCH_PROBE!) as { url: string; headers: Record<string, string>; seconds: number };

// Warm this process's fetch and its connection on an address that renders nothing, so that
// the address measured is first asked for inside the window.
for (let n = 0; n < 3; n++) await (await fetch(new URL('/healthz', config.url))).arrayBuffer();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

const latencies: number[] = [];
let failed = 0;
const until = performance.now() + config.seconds * 1000;
while (performance.now() < until) {
  const sent = performance.now();
  const res = await fetch(config.url, { headers: config.headers });
  await res.arrayBuffer();
  if (res.status >= 400) failed++;
  latencies.push(performance.now() - sent);
}
process.stdout.write(`${JSON.stringify({ ...spread(latencies), failed })}\n`);
process.exit(0);
