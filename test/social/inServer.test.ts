// Mastodon's answers as the running server sees them. @hono/node-server's serve() replaces
// the global Request and Response (src/node.ts keeps it so), and masto recognised an HTTP error answer
// with `instanceof Response`: inside the server every Mastodon error (a 429 with its reset,
// a 422 refusal) was taken for a dropped connection, retried at once and never blocked the
// channel. A script calling the adapter never saw it; only the real server process shows it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { slowProcesses, startNodeServer, stopServers } from '../support/processes';
import { fakeMastodon, mastodonToken } from './fakes/mastodon';
import { serveFake, startFake, type Served } from './fakes/server';
import { postDeclaration } from '../support/declareOverHttp';
import { formBody, testPassword } from '../support/harness';
import { medwayNight } from './medwayNight';

const served: Served[] = [];
afterEach(async () => {
  stopServers();
  await Promise.all(served.splice(0).map((f) => f.close()));
});
afterAll(stopServers);

interface OutboxRow {
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  first_attempt_at: string | null;
  uncertain: number;
}

function read<T>(dbPath: string, query: string): T | undefined {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).get() as T | undefined;
  } finally {
    db.close();
  }
}

/**
 * A server posting to Mastodon at `mastodonUrl`, and a ward declared to it over HTTP once it
 * is serving (a post queued before start-up can go out before serve() has run).
 */
async function serverPostingTo(mastodonUrl: string) {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'declare-in-server-')), 'declare.db');
  const setup = openSqlite(dbPath);
  const night = await medwayNight(async () => setup.db, { channels: ['mastodon'] });
  const admin = await night.userWithToken('admin');
  const allSaints = await night.medwaySubmission('All Saints');
  setup.close();
  const { port } = await startNodeServer({
    DB_PATH: dbPath,
    HOST: '127.0.0.1',
    PUBLIC_URL: 'https://results.medway.example',
    MASTODON_URL: mastodonUrl,
    MASTODON_TOKEN: mastodonToken,
    SOCIAL_LOG: 'off',
    SOCIAL_POLL_MS: '50',
    SOCIAL_BACKOFF_BASE_MS: '20',
    SOCIAL_BACKOFF_MAX_MS: '200',
    SOCIAL_TIMEOUT_MS: '2000',
  });
  const base = `http://127.0.0.1:${port}`;
  const declared = await postDeclaration(base, night.officer.token, allSaints.contestId, { ...allSaints.body, acceptWarnings: true });
  expect(declared.status).toBe(201);
  const outbox = () => read<OutboxRow>(dbPath, 'select status, attempts, last_error, next_attempt_at, first_attempt_at, uncertain from outbox')!;
  /** After the first attempt is recorded, and long enough for the old bug to have retried many times. */
  async function firstAttemptAndAWhile() {
    await expect.poll(() => outbox().first_attempt_at, { timeout: 15_000 }).not.toBeNull();
    await expect.poll(() => outbox().status, { timeout: 5_000 }).not.toBe('sending');
    await new Promise((r) => setTimeout(r, 1_500));
  }
  /** /admin/social as the admin sees it, signed in over HTTP. */
  async function adminSocialPage() {
    const signIn = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ name: admin.user.name, password: testPassword, next: '/admin/social' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    return (await fetch(`${base}/admin/social`, { headers: { cookie, accept: 'text/html' } })).text();
  }
  return { dbPath, outbox, firstAttemptAndAWhile, adminSocialPage };
}

describe('Mastodon errors inside the running server (node src/node.ts)', { timeout: slowProcesses }, () => {
  it('honours a 429 and its X-RateLimit-Reset: one request, the channel blocked until the reset, shown to the admin', async () => {
    const resetInMs = 30_000;
    const fake = await serveFake(
      fakeMastodon({
        faults: (req) => (req.method === 'POST' ? 'rate-limit' : 'none'),
        rateLimit: (now) => ({
          until: now + resetInMs,
          answer: {
            status: 429,
            headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(now + resetInMs).toISOString() },
            body: { error: 'Too many requests' },
          },
        }),
      }),
    );
    served.push(fake);
    const server = await serverPostingTo(fake.url);
    await server.firstAttemptAndAWhile();

    expect(fake.log).toHaveLength(1);
    expect(fake.early).toEqual([]);
    const reset = new Date(fake.blockedUntil()).toISOString();
    const row = server.outbox();
    // A rate limit is not a failed attempt: the post waits for the reset, counted as untried.
    expect(row).toMatchObject({ status: 'pending', attempts: 0, uncertain: 0 });
    expect(row.last_error).toMatch(/^Mastodon rate limit \(429\): Too many requests/);
    expect(Date.parse(row.next_attempt_at)).toBeGreaterThanOrEqual(fake.blockedUntil());
    expect(read<{ blocked_until: string }>(server.dbPath, "select blocked_until from social_channels where channel = 'mastodon'")?.blocked_until).toBe(reset);

    const page = await server.adminSocialPage();
    expect(page).toContain(`rate limited until ${reset.slice(11, 19)} UTC`);
    expect(page).toContain('Mastodon rate limit (429)');
    expect(page).not.toContain('The connection to Mastodon failed');
  });

  it('fails a post Mastodon refuses (422) at once, with its reason, after one request', async () => {
    const fake = await startFake(() => ({ status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } }));
    served.push(fake);
    const server = await serverPostingTo(fake.url);
    await server.firstAttemptAndAWhile();

    expect(fake.log).toHaveLength(1);
    const row = server.outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 1, uncertain: 0 });
    expect(row.last_error).toBe('Mastodon refused the post (422): Validation failed: Text character limit of 500 exceeded');
    const page = await server.adminSocialPage();
    expect(page).toContain('Mastodon refused the post (422): Validation failed: Text character limit of 500 exceeded');
  });
});
