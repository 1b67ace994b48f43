// The "Done when" for pushing to subscribers: three newsroom receivers (the README's
// example receiver, docs/examples/subscriber-receiver.mjs, as real node:http servers on
// 127.0.0.1), one of them behind a link failing 30 % of requests (5xx or a dropped
// connection, before or after the receiver took the delivery, from a seeded sequence) with a
// rate limit now and then. Over a Medway night, with corrections made straight after the
// results they correct, two dispatchers racing, and the council's own webhook channel down
// the whole time, each receiver must take every declaration and correction exactly once,
// every signature checked by the example's own code.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { checkSignature, createReceiver } from '../../docs/examples/subscriber-receiver.mjs';
import { openSqlite } from '../../db/sqlite';
import { addSubscriber, subscriberChannel } from '../../db/subscribers';
import { subscriberChannelOf } from '../../src/social/channels/subscriber';
import { webhookSignature } from '../../src/social/channels/webhook';
import { nodeAdapters } from '../../src/social/channels/nodeAdapters';
import { startDispatchLoop } from '../../src/social/dispatch/loop';
import { socialFromEnv } from '../../src/social/runtime';
import { giveHostileName, publishedHostileName } from '../support/hostile';
import { cleanEnv, freePort, runScript } from '../support/processes';
import { randomFaults, seededRandom, serveFake, startFake, type Served } from './fakes/server';
import { fakeWebhook, webhookSecret } from './fakes/webhook';
import { medwayNight, medwayWardNames, type Night } from './medwayNight';
import { outboxOf } from './settle';
import { adapterOptions, samplePost } from './support';

const seed = Number(process.env.FAULT_SEED) || 20230504;

interface Receiver {
  name: string;
  secret: string;
  server: Server;
  url: string;
  /** What the receiver's `handle` was given, in order: each must be there once. */
  handled: any[];
}

async function startReceiver(name: string, secret: string): Promise<Receiver> {
  const handled: any[] = [];
  const server = createReceiver({ secret, handle: (delivery) => void handled.push(delivery) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { name, secret, server, url: `http://127.0.0.1:${port}/declare`, handled };
}

/**
 * A bad link in front of a receiver: each request is passed on to it (or not) as the fault
 * plan says, so a delivery may be taken and its answer lost, and must then come again.
 */
async function flakyLinkTo(receiver: Receiver) {
  let repeats = 0;
  const userAgents = new Set<string | undefined>();
  const link = await startFake(
    async (req) => {
      userAgents.add(req.headers['user-agent']);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name.startsWith('x-declare-') || name === 'content-type')) as Record<string, string>;
      const res = await fetch(receiver.url, { method: req.method, headers, body: req.body });
      const text = await res.text();
      if (text === 'already had it') repeats += 1;
      return { status: res.status, body: text };
    },
    {
      faults: randomFaults(seededRandom(seed), 40),
      rateLimit: (now) => {
        const until = (Math.floor(now / 1000) + 2) * 1000;
        return { until, answer: { status: 429, headers: { 'retry-after': String(Math.ceil((until - now) / 1000)) }, body: 'slow down' } };
      },
    },
  );
  return Object.assign(link, { repeats: () => repeats, userAgents });
}

let receivers: Receiver[] = [];
let link: Awaited<ReturnType<typeof flakyLinkTo>>;
let councilWebhook: Served<ReturnType<typeof fakeWebhook>>;
let night: Night;
let rows: Awaited<ReturnType<typeof outboxOf>> = [];
let channels: Record<string, string> = {};
const logLines: string[] = [];
let hostileWard = '';

beforeAll(async () => {
  receivers = [
    await startReceiver('Kent Messenger', 'km-shared-secret-0123456789abcdef'),
    await startReceiver('BBC South East', 'bbc-se-shared-secret-0123456789ab'),
    await startReceiver(publishedHostileName, 'flaky-newsroom-secret-0123456789'),
  ];
  link = await flakyLinkTo(receivers[2]!);
  councilWebhook = await serveFake(fakeWebhook({ faults: () => 'fail-before' }));
  const { db } = openSqlite(':memory:');
  const env = {
    WEBHOOK_URL: councilWebhook.url,
    WEBHOOK_SECRET: webhookSecret,
    SOCIAL_LOG: 'off',
    SOCIAL_BACKOFF_BASE_MS: '10',
    SOCIAL_BACKOFF_MAX_MS: '150',
    SOCIAL_TIMEOUT_MS: '2000',
    SOCIAL_MAX_ATTEMPTS: '25',
  };
  const one = socialFromEnv(db, env, nodeAdapters, { log: (line) => logLines.push(line), id: 'dispatcher-one' });
  const two = socialFromEnv(db, env, nodeAdapters, { log: (line) => logLines.push(line), id: 'dispatcher-two' });
  night = await medwayNight(async () => db, { channels: one.channelNames });
  for (const [i, r] of receivers.entries()) {
    const added = await addSubscriber(db, { name: r.name, url: i === 2 ? `${link.url}/declare` : r.url, secret: r.secret }, {});
    if (!added.ok) throw new Error(added.problem);
    channels[r.name] = subscriberChannel(added.subscriber.id);
  }
  const ward = await night.contest(medwayWardNames[3]!);
  hostileWard = ward.id;
  await giveHostileName(db, ward.candidates[0]!.id);

  const loops = [one, two].map((s) => startDispatchLoop(s.dispatcher, { pollMs: 50 }));
  try {
    // The whole night, each correction straight after what it corrects: a receiver still
    // retrying version 1 must get it, then version 2, then 3.
    for (const ward of medwayWardNames) await night.declareWard(ward);
    for (const ward of medwayWardNames.slice(0, 6)) await night.correctWard(ward, 7);
    for (const ward of medwayWardNames.slice(0, 2)) await night.correctWard(ward, 19);
    const deadline = Date.now() + 60_000;
    const delivering = (all: typeof rows) => all.some((r) => r.channel.startsWith('subscriber:') && ['pending', 'sending'].includes(r.status));
    while (delivering(await outboxOf(db, night.def.id))) {
      if (Date.now() > deadline) throw new Error(`subscriber deliveries not settled after 60 s (seed ${seed})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await Promise.all(loops.map((l) => l.stop()));
  }
  rows = await outboxOf(db, night.def.id);
}, 90_000);

afterAll(async () => {
  await Promise.all(receivers.map((r) => new Promise((resolve) => r.server.close(resolve))));
  await link?.close();
  await councilWebhook?.close();
});

const versionsOfTheNight = 24 + 6 + 2;

describe(`push to subscribers: three receivers, one behind a link failing 30 % (seed ${seed})`, () => {
  it('queued one delivery per version for each subscriber, and delivered them all', () => {
    for (const r of receivers) {
      const mine = rows.filter((row) => row.channel === channels[r.name]);
      expect(mine, r.name).toHaveLength(versionsOfTheNight);
      expect(mine.filter((row) => row.status !== 'posted'), `${r.name}: not delivered`).toEqual([]);
    }
  });

  it('had each receiver take every declaration and correction exactly once', () => {
    const expected = [...new Set(rows.map((r) => `${r.contestId}#${r.version}`))].sort();
    expect(expected).toHaveLength(versionsOfTheNight);
    for (const r of receivers) {
      expect(r.handled.map((d) => `${d.contest.id}#${d.contest.version}`).sort(), r.name).toEqual(expected);
      expect(new Set(r.handled.map((d) => d.deliveryId)).size, r.name).toBe(versionsOfTheNight);
    }
  });

  it('really failed 30 % of the flaky link, of every kind, and redelivered what the receiver had already taken', () => {
    const f = link.faultsInjected;
    const failed = f['fail-before'] + f['fail-after'] + f['drop-before'] + f['drop-after'];
    expect(failed / (link.log.length - f['rate-limit'])).toBeGreaterThan(0.25);
    expect(f['fail-after'] + f['drop-after']).toBeGreaterThan(0);
    expect(f['rate-limit']).toBeGreaterThan(0);
    // Taken, answer lost, sent again under the same delivery id, and acknowledged only.
    expect(link.repeats()).toBeGreaterThan(0);
    expect(link.early).toEqual([]);
    expect([...link.userAgents]).toEqual(['Declare-Subscriber/1']);
  });

  it('sent corrections in order, each after the version it corrects, as a correction of that delivery', () => {
    for (const r of receivers) {
      const corrections = r.handled.filter((d) => d.contest.version > 1);
      expect(corrections, r.name).toHaveLength(8);
      for (const c of corrections) {
        const before = r.handled.findIndex((d) => d.contest.id === c.contest.id && d.contest.version === c.contest.version - 1);
        expect(before, r.name).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThan(r.handled.indexOf(c));
        expect(c).toMatchObject({ event: 'correction', inReplyTo: { id: r.handled[before].deliveryId } });
      }
    }
  });

  it('delivered names as the council published them, hostile ones included, in JSON that parsed', () => {
    for (const r of receivers) {
      const ward = r.handled.find((d) => d.contest.id === hostileWard && d.contest.version === 1);
      expect(ward.contest.candidates.map((c: { name: string }) => c.name), r.name).toContain(publishedHostileName);
      expect(ward.text).toContain(ward.url);
    }
  });

  it('went on delivering while the council webhook was down, which posted nothing', () => {
    expect(councilWebhook.processed.size).toBe(0);
    expect(rows.filter((r) => r.channel === 'webhook' && r.status === 'posted')).toEqual([]);
    expect(rows.filter((r) => r.channel === 'webhook')).toHaveLength(versionsOfTheNight);
  });

  it('logged the hostile subscriber name on one line', () => {
    const about = logLines.filter((line) => line.includes('Subscriber =HYPERLINK'));
    expect(about.length).toBeGreaterThan(0);
    for (const line of about) expect(line).not.toMatch(/[\n\r\u202e]/);
  });
});

describe('the example receiver checks what it is sent', () => {
  const secret = 'km-shared-secret-0123456789abcdef';
  const body = JSON.stringify({ deliveryId: 'd-1', event: 'declaration' });
  const now = Math.floor(Date.now() / 1000);
  const signed = async (timestamp: number, key = secret) => ({
    'x-declare-timestamp': String(timestamp),
    'x-declare-signature': await webhookSignature(key, String(timestamp), body),
  });

  it('takes our signature, and refuses another secret, an old timestamp, a changed body or no signature', async () => {
    expect(checkSignature(secret, await signed(now), body)).toBeNull();
    expect(checkSignature(secret, await signed(now, 'another-secret-0123456789abcdef'), body)).toBe('bad signature');
    expect(checkSignature(secret, await signed(now - 301), body)).toBe('stale timestamp');
    expect(checkSignature(secret, await signed(now), body.replace('declaration', 'correction'))).toBe('bad signature');
    expect(checkSignature(secret, {}, body)).toBe('not signed');
  });

  it('answers a forged delivery 401 over HTTP and does not handle it', async () => {
    const receiver = receivers[0]!;
    const before = receiver.handled.length;
    const res = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-declare-delivery': 'd-1', ...(await signed(now, 'another-secret-0123456789abcdef')) },
      body,
    });
    expect(res.status).toBe(401);
    expect(receiver.handled.length).toBe(before);
  });
});

describe('the example receiver as the README gives it', () => {
  const example = new URL('../../docs/examples/subscriber-receiver.mjs', import.meta.url).pathname;
  const secret = 'script-shared-secret-0123456789ab';

  it('is the code the README shows', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Push to subscribers'), readme.indexOf('## The write API'));
    const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    // Compared line by line without the indentation, which the README takes off.
    const lines = (text: string) => text.split('\n').map((line) => line.trim());
    const file = lines(await readFile(example, 'utf8')).join('\n');
    for (const block of blocks) expect(file).toContain(lines(block).join('\n').trim());
  });

  it('runs on its own: prints each delivery once, refuses another secret, and will not start without one', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [example], { env: cleanEnv({ SUBSCRIBER_SECRET: secret, PORT: String(port) }) });
    onTestFinished(() => void child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    await vi.waitFor(() => expect(out).toContain(`Receiving Declare deliveries on port ${port}`), { timeout: 15_000 });

    const to = (key: string) => subscriberChannelOf({ id: 'script', name: 'Script', url: `http://127.0.0.1:${port}/`, secret: key }, adapterOptions);
    const post = samplePost();
    expect(await to(secret).send(post)).toMatchObject({ outcome: 'posted' });
    // Sent again after an answer that was lost: acknowledged, not printed twice.
    expect(await to(secret).send({ ...post, maybeSentSince: post.queuedAt })).toMatchObject({ outcome: 'posted' });
    expect(await to('another-secret-0123456789abcdef').send(samplePost())).toEqual({ outcome: 'refused', error: 'The subscriber refused the post (401): bad signature' });
    await vi.waitFor(() => expect(out).toContain(`declaration: "All Saints" version 1, ${post.link}`));
    expect(out.split('declaration:')).toHaveLength(2);

    const unset = await runScript('docs/examples/subscriber-receiver.mjs', [], {});
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('Set SUBSCRIBER_SECRET to the secret the council gave you.');
  });
});
