// Benchmark child: an officer correcting results every 100 ms while residents hammer the
// page. Each correction has its own reason ("Bench correction #n") and Idempotency-Key; a
// watcher reloads the results page as fast as it answers and notes when each correction
// is on it (the page shows the newest corrections, so seeing #k means #1..#k are in). It
// watches as an open page does: polling the page's live section with If-None-Match, so an
// unchanged poll is a 304, but as often as the server answers rather than every 3 s.
// Prints a ready line, then, when done, its measurements.
import { postDeclaration } from '../support/declareOverHttp';
import { spread } from './percentiles';

interface Config {
  base: string;
  page: string;
  token: string;
  wards: { contestId: string; body: Record<string, unknown> }[];
  seconds: number;
  everyMs: number;
  startAfterMs: number;
}

interface Posted {
  sentAt: number;
  answeredAt?: number;
  status?: number;
  seenAt?: number;
}

const config = JSON.parse(process.env.BENCH_DECLARATIONS!) as Config;

// Warm up before the clock starts, as an officer's phone that has already sent a result is
// warm: this process's fetch (compiled on first use) and its kept-alive connections, one for
// the watcher and one for the posts. Without this the first corrections, sent by a cold
// process fighting the load for the same two cores, took 100 to 370 ms on the client side
// before the server saw them (the server handled each in under 30 ms).
for (let n = 0; n < 3; n++) {
  const ward = config.wards[n % config.wards.length]!;
  const [posted] = await Promise.all([
    postDeclaration(config.base, config.token, ward.contestId, { ...ward.body, acceptWarnings: true, reason: `Bench warm-up ${n}` }),
    fetch(`${config.page}/live`).then((res) => res.arrayBuffer()),
  ]);
  await posted.arrayBuffer();
  if (posted.status !== 201) throw new Error(`warm-up correction: ${posted.status}`);
}
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
await new Promise((r) => setTimeout(r, config.startAfterMs));

const posted: Posted[] = [];
const reason = (n: number) => `Bench correction #${n}`;

function post() {
  const n = posted.length;
  const ward = config.wards[n % config.wards.length]!;
  const record: Posted = { sentAt: performance.now() };
  posted.push(record);
  void postDeclaration(config.base, config.token, ward.contestId, { ...ward.body, acceptWarnings: true, reason: reason(n) })
    .then(async (res) => {
      await res.arrayBuffer();
      record.status = res.status;
      record.answeredAt = performance.now();
    })
    .catch(() => {
      record.status = 0;
      record.answeredAt = performance.now();
    });
}

let posting = true;
const timer = setInterval(post, config.everyMs);
setTimeout(() => {
  posting = false;
  clearInterval(timer);
}, config.seconds * 1000);

const live = `${config.page}/live`;
let etag = '';
const settled = () => posted.every((p) => p.answeredAt !== undefined && (p.status !== 201 || p.seenAt !== undefined));
const giveUpAt = performance.now() + config.seconds * 1000 + 5000;
while ((posting || !settled()) && performance.now() < giveUpAt) {
  const res = await fetch(live, { headers: etag ? { 'if-none-match': etag } : {} });
  const html = await res.text();
  const now = performance.now();
  if (res.status === 304) continue;
  etag = res.headers.get('etag') ?? '';
  const shown = Math.max(-1, ...[...html.matchAll(/Bench correction #(\d+)/g)].map((m) => Number(m[1])));
  for (let n = 0; n <= shown && n < posted.length; n++) posted[n]!.seenAt ??= now;
}

const ok = posted.filter((p) => p.status === 201);
process.stdout.write(
  `${JSON.stringify({
    posted: posted.length,
    accepted: ok.length,
    roundTrip: spread(ok.map((p) => p.answeredAt! - p.sentAt)),
    shownAfter: spread(ok.filter((p) => p.seenAt !== undefined).map((p) => p.seenAt! - p.sentAt)),
    neverShown: ok.filter((p) => p.seenAt === undefined).length,
  })}\n`,
);
process.exit(0);
