// The crash test of the "Done when": a real server process (node src/node.ts, its
// own SQLite file, the fake platforms' addresses in its environment) is killed with SIGKILL
// while every platform holds the answer to a post it has already made. After a restart,
// and more declarations over HTTP, every platform has exactly one post per declaration
// version: nothing posted before the crash is posted again, nothing is lost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { expectExactlyOnePostPerRow } from './exactlyOnce';
import { startAllFakes, type Fakes } from './fakes/all';
import type { Fault, FakeRequest } from './fakes/server';
import { medwayNight, medwayWardNames } from './medwayNight';
import { killOutright, startNodeServer, stopServers } from '../support/processes';

const channels = ['x', 'bluesky', 'mastodon', 'facebook', 'webhook'];

/** A post-making request: the one the platform acts on. */
function isWrite(req: FakeRequest): boolean {
  return req.method === 'POST' && !req.url.pathname.endsWith('createSession');
}

/** The platform makes its second post, then holds the answer until long after the crash. */
function hangOnSecondPost(): (req: FakeRequest) => Fault {
  let writes = 0;
  return (req) => (isWrite(req) && ++writes === 2 ? 'hang-after' : 'none');
}

function outboxRows(dbPath: string) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select channel, status, body, link, contest_id as contestId, version, attempts, uncertain from outbox')
      .all() as { channel: string; status: 'pending' | 'held' | 'sending' | 'posted' | 'failed' | 'cancelled'; body: string | null; link: string | null; contestId: string; version: number; attempts: number; uncertain: number }[];
  } finally {
    db.close();
  }
}

let fakes: Fakes | undefined;
afterAll(async () => {
  stopServers();
  await fakes?.close();
});

/**
 * The time a dead server's claims take to run out (3 × its request timeout + 1 s), passed:
 * the claims it held at the crash are moved into the past. (That claims run out by
 * themselves is tested on both drivers in outbox.suite.ts.)
 */
function letClaimsRunOut(dbPath: string): number {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    return db.prepare("update outbox set claimed_until = '2000-01-01T00:00:00.000Z' where status = 'sending'").run().changes;
  } finally {
    db.close();
  }
}

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
    // The first server waits longer than the platforms hold their answers, so no post is
    // given up on (and settled by checking) before the kill, however slow this machine is.
    const first = await startNodeServer({ ...env, SOCIAL_TIMEOUT_MS: '20000' });

    // Every platform has made a post and is holding its answer: kill the server now.
    const platforms = [fakes.x, fakes.bluesky, fakes.mastodon, fakes.facebook, fakes.webhook];
    await expect.poll(() => platforms.every((p) => p.hanging() > 0), { message: 'every platform holds an answer', timeout: 15_000, interval: 25 }).toBe(true);
    await killOutright(first);

    const atCrash = outboxRows(dbPath);
    expect(atCrash.filter((r) => r.status === 'sending').map((r) => r.channel).sort()).toEqual([...channels].sort());
    expect(atCrash.filter((r) => r.status === 'posted').length).toBe(channels.length);
    expect(letClaimsRunOut(dbPath)).toBe(channels.length);
    for (const p of platforms) p.setFaults(() => 'none');

    // Restart on the same database; more results and corrections arrive over HTTP.
    const second = await startNodeServer(env);
    const post = async (contestId: string, body: unknown) => {
      const res = await fetch(`http://127.0.0.1:${second.port}/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, {
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

    await expect
      .poll(() => outboxRows(dbPath).map((r) => r.status), { message: 'the outbox has settled', timeout: 20_000, interval: 25 })
      .toEqual(Array(17 * channels.length).fill('posted'));
    await killOutright(second);

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
