// CPU time per request of the real Worker in workerd (`wrangler dev`), for the plan choice in
// README "Deploying": Workers Free allows 10 ms of CPU per request, Paid 30 s by default.
// `npx tsx test/bench/worker-cpu.ts [requests per kind]`
//
// workerd's own CPU (user + system, from /proc) is read before and after each batch of
// sequential requests. Locally that process also runs wrangler's proxy and D1's SQLite,
// which are not billed as the Worker's CPU on Cloudflare, so a batch of 404s (our cheapest
// answer) is measured too and subtracted: what remains is close to the Worker's own work.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medwaySubmissionFor } from '../fixtures';
import { formBody } from '../support/harness';
import { demoElectionId, setUpLocalD1, startWranglerDev, stopAllWorkers } from '../support/wranglerDev';

const perKind = Number(process.argv[2] ?? 40);
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** Every process below `root` (wrangler starts workerd as its child). */
function descendants(root: number): number[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of rows) if (parent === pid) (found.push(child), walk(child));
  };
  walk(root);
  return found;
}

/** CPU milliseconds used so far by the workerd processes. */
function workerdCpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}

const dir = mkdtempSync(join(tmpdir(), 'declare-worker-cpu-'));
const { officer, contests } = await setUpLocalD1(dir);
const worker = await startWranglerDev({ persistTo: dir, vars: { PUBLIC_URL: 'https://results.example.gov.uk' } });
const workerd = descendants(worker.child.pid!).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('workerd'));
const at = (path: string) => `${worker.url}${path}`;

async function measure(what: string, request: (i: number) => Promise<Response>, expected: number): Promise<number> {
  await request(-1); // warm: the first request of a kind compiles and fills caches
  const before = workerdCpuMs(workerd);
  for (let i = 0; i < perKind; i++) {
    const answer = await request(i);
    await answer.arrayBuffer();
    if (answer.status !== expected) throw new Error(`${what}: ${answer.status}`);
  }
  const perRequest = (workerdCpuMs(workerd) - before) / perKind;
  return perRequest;
}

const ward = contests.find((c) => c.name === 'All Saints')!;
const declare = (i: number) =>
  fetch(at(`/api/v1/contests/${encodeURIComponent(ward.id)}/declaration`), {
    method: 'POST',
    headers: { authorization: `Bearer ${officer.token}`, 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
    body: JSON.stringify({ ...medwaySubmissionFor(ward), ...(i === -1 ? {} : { reason: `Correction ${i}` }) }),
  });
const signIn = () =>
  fetch(at('/login'), {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: worker.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: formBody({ name: officer.name, password: officer.password, next: '/officer' }),
  });

try {
  const floor = await measure('404', () => fetch(at('/api/v1/elections/none')), 404);
  const rows: [string, number][] = [
    ['sign-in (PBKDF2-SHA256, 100,000 iterations)', await measure('sign-in', signIn, 303)],
    ['declaration or correction (write API)', await measure('declaration', declare, 201)],
    // Each correction changes the election, so the page after it is rendered afresh.
    ['results page, first request after a change', await measure('fresh page', async (i) => (await declare(i + perKind), fetch(at(`/elections/${demoElectionId}`))), 200)],
    ['results page, unchanged (render cache)', await measure('page', () => fetch(at(`/elections/${demoElectionId}`)), 200)],
    ['public JSON, unchanged', await measure('json', () => fetch(at(`/api/v1/elections/${demoElectionId}`)), 200)],
  ];
  console.log(`workerd CPU per request, ${perKind} sequential requests each, less the ${floor.toFixed(1)} ms of a 404 (proxy and runtime overhead):`);
  for (const [what, ms] of rows) console.log(`  ${what.padEnd(48)} ${(ms - floor).toFixed(1).padStart(6)} ms  (raw ${ms.toFixed(1)} ms)`);
  console.log('Note: "first request after a change" includes the correction that made the change.');
} finally {
  await stopAllWorkers();
}
