// Pushing to newsroom subscribers from the Worker, on D1 inside workerd: the delivery goes
// out in the pass right after the declaration (waitUntil), signed with each subscriber's own
// secret, and one whose receiver was down gets it on the next cron run. Its own file: its
// own D1. No socket can be opened here, so fetch is handed to fake receivers that check the
// signature as the README's example does (test/social/fakes/webhook.ts).
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { addSubscriber, subscriberChannel } from '../../db/subscribers';
import worker from '../../src/worker';
import { fakeFetch } from './fakes/fetchFake';
import { fakeWebhook } from './fakes/webhook';
import { medwayNight } from './medwayNight';
import { outboxOf } from './settle';

const open = async () => drizzle(env.DB, { schema });

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('pushing to subscribers from the Worker (D1)', () => {
  it('delivers at once to each subscriber with its own secret, and to one that was down on the next cron run', async () => {
    const secrets = { km: 'km-shared-secret-0123456789abcdef', bbc: 'bbc-se-shared-secret-0123456789ab' };
    const km = fakeWebhook({}, secrets.km);
    const bbc = fakeWebhook({ faults: () => 'fail-before' }, secrets.bbc);
    globalThis.fetch = fakeFetch({ 'https://km.test': km, 'https://bbc.test': bbc });
    const night = await medwayNight(open, { channels: [] });
    const added = [
      await addSubscriber(night.db, { name: 'Kent Messenger', url: 'https://km.test/declare', secret: secrets.km }, {}),
      await addSubscriber(night.db, { name: 'BBC South East', url: 'https://bbc.test/hook', secret: secrets.bbc }, {}),
    ];
    const [kmChannel, bbcChannel] = added.map((a) => (a.ok ? subscriberChannel(a.subscriber.id) : ''));
    const workerEnv = { ...env, SOCIAL_LOG: 'off', SOCIAL_BACKOFF_BASE_MS: '200', SOCIAL_BACKOFF_MAX_MS: '200' };

    const { contestId, body } = await night.medwaySubmission('Luton');
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`https://declare.example/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, {
        method: 'POST',
        headers: { authorization: `Bearer ${night.officer.token}`, 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, acceptWarnings: true }),
      }),
      workerEnv,
      ctx,
    );
    expect(res.status).toBe(201);
    await waitOnExecutionContext(ctx);

    const statusOf = async (channel: string) => (await outboxOf(night.db, night.def.id)).find((r) => r.channel === channel)?.status;
    expect(await statusOf(kmChannel!)).toBe('posted');
    expect([...km.processed.values()].map((d) => [d.event, d.payload.contest.name, d.payload.contest.version])).toEqual([['declaration', 'Luton', 1]]);
    expect(await statusOf(bbcChannel!)).toBe('pending');
    expect(bbc.processed.size).toBe(0);

    bbc.setFaults(() => 'none');
    await new Promise((r) => setTimeout(r, 250)); // past the retry time
    const cron = createExecutionContext();
    worker.scheduled(createScheduledController(), workerEnv, cron);
    await waitOnExecutionContext(cron);
    expect(await statusOf(bbcChannel!)).toBe('posted');
    expect([...bbc.processed.values()].map((d) => d.payload.contest.name)).toEqual(['Luton']);
    expect(km.processed.size).toBe(1);
    expect([...km.refusals, ...bbc.refusals]).toEqual([]);
  });
});
