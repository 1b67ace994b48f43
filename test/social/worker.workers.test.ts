// The Worker itself posting a declaration at once (waitUntil, after the answer) and
// retrying on its cron trigger, on D1 inside workerd, through the fetch-based adapters (X
// with our own OAuth 1.0a signer). No socket can be opened here, so fetch is handed to the
// same fake platforms the Node tests serve over sockets. Its own file: its own D1.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import worker from '../../src/worker';
import { fakeFetch } from './fakes/fetchFake';
import { allPlatforms, envFor, postedTexts, type Platforms } from './fakes/platforms';
import { medwayNight } from './medwayNight';
import { outboxOf } from './settle';

const open = async () => drizzle(env.DB, { schema });

const urls = { x: 'https://api.x.test', bluesky: 'https://pds.bluesky.test', mastodon: 'https://mastodon.test', facebook: 'https://graph.facebook.test', webhook: 'https://newsroom.test' };
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function useFakes(platforms: Platforms) {
  globalThis.fetch = fakeFetch({
    [urls.x]: platforms.x,
    [urls.bluesky]: platforms.bluesky,
    [urls.mastodon]: platforms.mastodon,
    [urls.facebook]: platforms.facebook,
    [urls.webhook]: platforms.webhook,
  });
}

describe('posting from the Worker (D1)', () => {
  it('posts a declaration at once through every fetch adapter, and a failed correction on the next cron run', async () => {
    const platforms = allPlatforms();
    useFakes(platforms);
    const workerEnv = { ...env, ...envFor(urls), SOCIAL_BACKOFF_BASE_MS: '200', SOCIAL_BACKOFF_MAX_MS: '200' };
    const night = await medwayNight(open, { channels: [] });
    const declare = async (body: unknown) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(
        new Request(`https://declare.example/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, {
          method: 'POST',
          headers: { authorization: `Bearer ${night.officer.token}`, 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        workerEnv,
        ctx,
      );
      // The answer comes first; the posts go out in waitUntil.
      expect(res.status).toBe(201);
      await waitOnExecutionContext(ctx);
    };
    const { contestId, body } = await night.medwaySubmission('Luton');

    await declare({ ...body, acceptWarnings: true });
    const first = await outboxOf(night.db, night.def.id);
    expect(first.map((r) => [r.channel, r.status]).sort()).toEqual(['bluesky', 'facebook', 'mastodon', 'webhook', 'x'].map((c) => [c, 'posted']));
    for (const texts of Object.values(postedTexts(platforms))) expect(texts).toHaveLength(1);
    expect(platforms.x.refusals).toEqual([]);
    expect(platforms.x.tweets[0]!.text).toMatch(/^Luton ward: Labour win both seats\. Elected: Simon Michael Curry \(Lab\) 796, Jo Howcroft-Scott \(Lab\) 751\./);

    // X is down when the correction comes: the immediate pass fails, the cron posts it.
    platforms.x.setFaults(() => 'fail-before');
    const corrected = body.votes.map((v, i) => (i === 0 ? { ...v, votes: v.votes + 3 } : v));
    await declare({ ...body, votes: corrected, reason: 'A bundle of 3 was missed.', acceptWarnings: true });
    expect((await outboxOf(night.db, night.def.id)).find((r) => r.channel === 'x' && r.version === 2)).toMatchObject({ status: 'pending', uncertain: true });
    platforms.x.setFaults(() => 'none');
    await new Promise((r) => setTimeout(r, 250)); // past the retry time
    const ctx = createExecutionContext();
    worker.scheduled(createScheduledController(), workerEnv, ctx);
    await waitOnExecutionContext(ctx);

    const rows = await outboxOf(night.db, night.def.id);
    expect(rows.filter((r) => r.status !== 'posted')).toEqual([]);
    const [original, correction] = platforms.x.tweets;
    expect(correction).toMatchObject({ text: expect.stringMatching(/^Correction: Luton ward: /), replyTo: original!.id });
    expect(platforms.bluesky.posts.size).toBe(2);
    expect(platforms.mastodon.statuses[1]!.inReplyToId).toBe(platforms.mastodon.statuses[0]!.id);
  });

  it('posts an update from the count at once through every fetch adapter, and its withdrawal as a reply', async () => {
    const platforms = allPlatforms();
    useFakes(platforms);
    const workerEnv = { ...env, ...envFor(urls) };
    const night = await medwayNight(open, { channels: [] });
    const base = `https://declare.example/api/v1/elections/${encodeURIComponent(night.def.id)}/updates`;
    const send = async (path: string, method: string, body: unknown, key?: string) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(
        new Request(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${night.officer.token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
          body: JSON.stringify(body),
        }),
        workerEnv,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res;
    };
    const posted = await send('', 'POST', { text: 'Verification has finished in all wards.' }, crypto.randomUUID());
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    for (const texts of Object.values(postedTexts(platforms))) expect(texts).toEqual([expect.stringMatching(/^From the count: Verification has finished in all wards\. /)]);

    expect((await send(`/${encodeURIComponent(id)}/withdraw`, 'POST', {})).status).toBe(200);
    const rows = (await outboxOf(night.db, night.def.id)).filter((r) => r.updateId === id);
    expect(rows.map((r) => r.status)).toEqual(Array(10).fill('posted'));
    const [update, withdrawal] = platforms.x.tweets;
    expect(withdrawal).toMatchObject({ text: expect.stringMatching(/^Withdrawn: our update from the count no longer stands: /), replyTo: update!.id });
    expect(platforms.mastodon.statuses[1]!.inReplyToId).toBe(platforms.mastodon.statuses[0]!.id);
    expect(platforms.x.refusals).toEqual([]);
  });
});
