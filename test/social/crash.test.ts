// The crash test of the "Done when": a real server process (node src/node.ts, its
// own SQLite file, the fake platforms' addresses in its environment) is killed with SIGKILL
// while every platform holds the answer to a post it has already made. After a restart,
// and more declarations over HTTP, every platform has exactly one post per declaration
// version: nothing posted before the crash is posted again, nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { expectExactlyOnePostPerRow } from './exactlyOnce';
import { startAllFakes, type Fakes } from './fakes/all';
import type { Fault, FakeRequest } from './fakes/server';
import { medwayNight, medwayWardNames } from './medwayNight';

const entry = new URL('../../src/node.ts', import.meta.url).pathname;
const channels = ['x', 'bluesky', 'mastodon', 'facebook', 'webhook'];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  // node --import tsx, not the tsx command: that forks a second process, which SIGKILL to
  // the first would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Declare is running')) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** A post-making request: the one the platform acts on. */
function isWrite(req: FakeRequest): boolean {
  return req.method === 'POST' && !req.url.pathname.endsWith('createSession');
}

/** The platform makes its second post, then holds the answer until long after the crash. */
function hangOnSecondPost(): (req: FakeRequest) => Fault {
  let writes = 0;
  return (req) => (isWrite(req) && ++writes === 2 ? 'hang-after' : 'none');
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}

function outboxRows(dbPath: string) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select channel, status, body, link, contest_id as contestId, version, attempts, uncertain from outbox')
      .all() as { channel: string; status: 'pending' | 'held' | 'sending' | 'posted' | 'dead' | 'cancelled'; body: string | null; link: string | null; contestId: string; version: number; attempts: number; uncertain: number }[];
  } finally {
    db.close();
  }
}

const started: ChildProcess[] = [];
let fakes: Fakes | undefined;
afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fakes?.close();
});

describe('crash test: SIGKILL while posting', () => {
  it('after a restart, every declaration is on every platform exactly once', async () => {
    fakes = await startAllFakes(() => ({ faults: hangOnSecondPost(), hangMs: 15_000 }));
    const dbPath = join(mkdtempSync(join(tmpdir(), 'declare-social-crash-')), 'declare.db');

    // Twelve wards declared before the server starts: their posts are queued, waiting.
    const setup = openSqlite(dbPath);
    const night = await medwayNight(async () => setup.db, { channels });
    for (const ward of medwayWardNames.slice(0, 12)) await night.declareWard(ward);
    const submissions = new Map<string, Awaited<ReturnType<typeof night.medwaySubmission>>>();
    for (const ward of medwayWardNames.slice(0, 15)) submissions.set(ward, await night.medwaySubmission(ward));
    setup.close();

    const env = {
      ...fakes.env,
      DB_PATH: dbPath,
      HOST: '127.0.0.1',
      SOCIAL_LOG: 'off',
      SOCIAL_POLL_MS: '50',
      SOCIAL_BACKOFF_BASE_MS: '20',
      SOCIAL_BACKOFF_MAX_MS: '200',
      SOCIAL_TIMEOUT_MS: '1500',
      SOCIAL_CLAIM_MS: '1000', // raised to 3 × timeout + 1 s by the dispatcher
    };
    const first = await startServer({ ...env, PORT: String(await freePort()) });

    // Every platform has made a post and is holding its answer: kill the server now.
    const platforms = [fakes.x, fakes.bluesky, fakes.mastodon, fakes.facebook, fakes.webhook];
    await until('every platform holds an answer', () => platforms.every((p) => p.hanging() > 0), 15_000);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const atCrash = outboxRows(dbPath);
    expect(atCrash.filter((r) => r.status === 'sending').map((r) => r.channel).sort()).toEqual([...channels].sort());
    expect(atCrash.filter((r) => r.status === 'posted').length).toBe(channels.length);
    for (const p of platforms) p.setFaults(() => 'none');

    // Restart on the same database; more results and corrections arrive over HTTP.
    const port = await freePort();
    const second = await startServer({ ...env, PORT: String(port) });
    const post = async (contestId: string, body: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, {
        method: 'POST',
        headers: { authorization: `Bearer ${night.officer.token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
    };
    for (const ward of medwayWardNames.slice(12, 15)) {
      const { contestId, body } = submissions.get(ward)!;
      await post(contestId, { ...body, acceptWarnings: true });
    }
    for (const ward of medwayWardNames.slice(0, 2)) {
      const { contestId, body } = submissions.get(ward)!;
      const votes = body.votes.map((v, i) => (i === 0 ? { ...v, votes: v.votes + 5 } : v));
      await post(contestId, { ...body, votes, reason: 'Five votes were left out at the count.', acceptWarnings: true });
    }

    await until('the outbox has settled', () => {
      const rows = outboxRows(dbPath);
      return rows.length === 17 * channels.length && rows.every((r) => r.status === 'posted');
    }, 20_000);
    second.child.kill('SIGTERM');

    const rows = outboxRows(dbPath);
    expectExactlyOnePostPerRow(rows.map((r) => ({ ...r, status: r.status })), fakes);
    // The posts caught by the crash were recovered by checking, not by sending blindly.
    const recovered = rows.filter((r) => r.uncertain === 1);
    expect(recovered.map((r) => r.channel).sort()).toEqual([...channels].sort());
    expect(fakes.x.tweets).toHaveLength(17);
    expect(fakes.early()).toEqual([]);
    expect(second.output()).toContain('Each declaration is posted to: x, bluesky, mastodon, facebook, webhook');
  }, 60_000);
});
