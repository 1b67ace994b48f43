// `npx tsx test/bench/load-generator.ts`: how fast can the load generator itself go on this
// page? Serves the results page's bytes from the plain static server, then the same bytes
// with every non-ASCII character replaced by "?", and measures both with autocannon at 256
// connections. autocannon decodes every response body into a string, and one non-ASCII
// character takes a whole body off V8's fast ASCII path: the gap between the two lines is
// the load generator's cost, not any server's (README, "Measured").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startChild } from './children';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 256;

const ours = await startChild<{ page: string }>('./serve-declared.ts');
const page = await (await fetch(ours.ready.page)).text();
await ours.stop();

const dir = mkdtempSync(join(tmpdir(), 'declare-load-generator-'));
const variants = [
  { label: 'the results page as served', text: page },
  { label: 'the same bytes, non-ASCII replaced by "?"', text: page.replace(/[^\x00-\x7f]/g, '?') },
];
console.log(`Results page: ${Buffer.byteLength(page)} bytes, ${[...page].filter((ch) => ch > '\x7f').length} non-ASCII character(s).`);
for (const [i, { label, text }] of variants.entries()) {
  const file = join(dir, `page-${i}.html`);
  writeFileSync(file, text);
  const server = await startChild<{ url: string }>('./static-server.ts', [file]);
  try {
    await autocannon({ url: server.ready.url, connections, duration: 2 });
    const result = await autocannon({ url: server.ready.url, connections, duration: seconds });
    console.log(`${label.padEnd(46)} ${String(Math.round(result.requests.average)).padStart(7)} req/s   p99 ${result.latency.p99} ms`);
  } finally {
    await server.stop();
  }
}
