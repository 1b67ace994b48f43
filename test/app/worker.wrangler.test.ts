// The real Worker: workerd started by `wrangler dev`, set up as README "Deploying to
// Cloudflare Workers" says (migrations, the CLI's --sql file, /setup for the first admin),
// then used over HTTP as residents, newsrooms, count software and an officer would. The
// in-process Workers suites cannot catch what workerd refuses at start-up; this can.
import { request as httpRequest } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContestSnapshot } from '../../db/results';
import { fieldName } from '../../src/officer/entryForm';
import { medwaySubmissionFor } from '../fixtures';
import { fakeWebhook, webhookSecret } from '../social/fakes/webhook';
import { serveFake, type Served } from '../social/fakes/server';
import { formBody } from '../support/harness';
import { demoElectionId, setUpLocalD1, startWranglerDev, stopAllWorkers, type RunningWorker } from '../support/wranglerDev';

const electionId = demoElectionId;
const publicUrl = 'https://results.medway.example';
const setupToken = 'setup-secret-for-this-test-only-0123456789';

let worker: RunningWorker;
let receiver: Served<ReturnType<typeof fakeWebhook>>;
let officer: { name: string; password: string; token: string };
let contests: ContestSnapshot[];
// The ward whose webhook deliveries fail twice before the receiver takes one.
const flakyWard = 'Luton';

// A Worker that does not start fails every test below with wrangler's own words (a failed
// beforeAll would only mark them skipped).
let failedToStart: unknown;
const started = () => {
  if (failedToStart) throw failedToStart;
};

beforeAll(async () => {
  try {
    await setUpWorker();
  } catch (error) {
    failedToStart = error;
  }
}, 240_000);

async function setUpWorker() {
  receiver = await serveFake(
    fakeWebhook({ faults: (req) => (req.body.includes(`"name":"${flakyWard}"`) && failuresLeft-- > 0 ? 'fail-before' : 'none') }),
  );
  const dir = mkdtempSync(join(tmpdir(), 'declare-wrangler-'));
  ({ officer, contests } = await setUpLocalD1(dir));
  worker = await startWranglerDev({
    persistTo: dir,
    vars: {
      PUBLIC_URL: publicUrl,
      SETUP_TOKEN: setupToken,
      WEBHOOK_URL: `${receiver.url}/hooks/declare`,
      WEBHOOK_SECRET: webhookSecret,
      // A failed delivery is due again after a second, so the cron below can retry it.
      SOCIAL_BACKOFF_BASE_MS: '1000',
      SOCIAL_BACKOFF_MAX_MS: '1000',
    },
  });
}

afterAll(async () => {
  await stopAllWorkers();
  await receiver?.close();
});

let failuresLeft = 2;

const contest = (name: string) => {
  const found = contests.find((c) => c.name === name);
  if (!found) throw new Error(`no ward ${name}`);
  return found;
};
const at = (path: string) => `${worker.url}${path}`;
const json = async (path: string) => (await fetch(at(path))).json() as Promise<any>;

async function apiDeclare(name: string): Promise<Response> {
  const c = contest(name);
  return fetch(at(`/api/v1/contests/${encodeURIComponent(c.id)}/declaration`), {
    method: 'POST',
    headers: { authorization: `Bearer ${officer.token}`, 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
    body: JSON.stringify(medwaySubmissionFor(c)),
  });
}

/** A GET with exactly these headers and nothing else, as curl or a newsroom's script sends. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(at(path), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject).end();
  });
}

describe('the Worker under wrangler dev (workerd), set up as the README says', { timeout: 90_000 }, () => {
  it('serves the results page, a ward page, the widget, the JSON and the three feeds', async () => {
    started();
    const ward = contest('All Saints');
    const paths = [
      `/elections/${electionId}`,
      `/elections/${electionId}/contests/${ward.id}`,
      `/embed/elections/${electionId}`,
      `/api/v1/elections/${electionId}`,
      `/api/v1/elections/${electionId}/declarations.atom`,
      `/api/v1/elections/${electionId}/declarations`,
      `/api/v1/elections/${electionId}/results.csv`,
    ];
    for (const path of paths) expect((await fetch(at(path), { headers: { accept: 'text/html' } })).status, path).toBe(200);
    const page = await (await fetch(at(`/elections/${electionId}`))).text();
    expect(page).toContain('Medway Council local elections 2023');
    expect(page).toContain('Wayfield and Weeds Wood');
  });

  it('publishes a declaration from the write API: 201, then in the JSON and on the page', async () => {
    started();
    const answer = await apiDeclare('Fort Horsted');
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ status: 'declared', version: 1 });
    const election = await json(`/api/v1/elections/${electionId}`);
    expect(election.contests.find((c: { name: string }) => c.name === 'Fort Horsted')).toMatchObject({ status: 'declared', version: 1 });
    const page = await (await fetch(at(`/elections/${electionId}/contests/${contest('Fort Horsted').id}`))).text();
    expect(page).toContain('Elected');
  });

  it('lets an officer sign in with a password and declare a ward through the form', async () => {
    started();
    const signIn = await fetch(at('/login'), {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: worker.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ name: officer.name, password: officer.password, next: '/officer' }),
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const ward = contest('All Saints');
    const formPage = await (await fetch(at(`/officer/contests/${encodeURIComponent(ward.id)}`), { headers: { cookie, accept: 'text/html' } })).text();
    const csrf = formPage.match(/name="_csrf" value="([^"]+)"/)?.[1];
    expect(csrf).toBeTruthy();
    const figures = medwaySubmissionFor(ward);
    const form: Record<string, string> = {
      _csrf: csrf!,
      [fieldName.pollingStations]: String(figures.ballotPapersVerified.pollingStations),
      [fieldName.postal]: String(figures.ballotPapersVerified.postal),
      [fieldName.electorate]: String(ward.electorate),
      [fieldName.key]: crypto.randomUUID(),
    };
    for (const v of figures.votes) form[fieldName.votes(v.candidate)] = String(v.votes);
    for (const [reason, n] of Object.entries(figures.rejected)) form[`rejected.${reason}`] = String(n);
    const declared = await fetch(at(`/officer/contests/${encodeURIComponent(ward.id)}/declare`), {
      method: 'POST',
      headers: { cookie, origin: worker.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody(form),
    });
    expect(declared.status).toBe(201);
    expect(await declared.text()).toContain('Published: All Saints');
    expect(await json(`/api/v1/elections/${electionId}/contests/${ward.id}`)).toMatchObject({ status: 'declared', majority: 43 });
  });

  it('creates the first admin at /setup with the setup token, once, and the admin can sign in', async () => {
    started();
    const form = (token: string, name: string) => ({
      method: 'POST',
      redirect: 'manual' as const,
      headers: { origin: worker.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ token, name, password: 'a long admin passphrase', confirm: 'a long admin passphrase' }),
    });
    expect((await fetch(at('/setup'))).status).toBe(200);
    const wrong = await fetch(at('/setup'), form('not-the-token-at-all-not-the-token', 'mallory'));
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('not the setup token');
    const made = await fetch(at('/setup'), form(setupToken, 'elections-manager'));
    expect(made.status).toBe(303);
    const again = await fetch(at('/setup'), form(setupToken, 'second-admin'));
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('already has an admin');
    const signIn = await fetch(at('/login'), {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: worker.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ name: 'elections-manager', password: 'a long admin passphrase', next: '/admin' }),
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const adminPage = await fetch(at('/admin'), { headers: { cookie, accept: 'text/html' } });
    expect(adminPage.status).toBe(200);
    expect(await adminPage.text()).toContain('elections-manager');
  });

  it('posts to the webhook at once, and after two failures the cron handler retries until it arrives exactly once', async () => {
    started();
    const ward = contest(flakyWard);
    expect((await apiDeclare(flakyWard)).status).toBe(201);
    const attemptsFor = () => receiver.log.filter((entry) => entry.path === '/hooks/declare').length;
    const deliveredFor = () => [...receiver.processed.values()].filter((d) => d.payload.contest?.id === ward.id);
    // The post right after the declaration (waitUntil) meets the first failure.
    await expect.poll(() => receiver.faultsInjected['fail-before']).toBe(1);
    expect(deliveredFor()).toHaveLength(0);
    // Each cron pass retries what is due: the second attempt fails, the third arrives.
    for (let pass = 0; pass < 10 && deliveredFor().length === 0; pass++) {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const cron = await fetch(at('/__scheduled'));
      expect(cron.status).toBe(200);
    }
    expect(receiver.faultsInjected['fail-before']).toBe(2);
    expect(deliveredFor()).toHaveLength(1);
    expect(deliveredFor()[0]!.payload.url).toBe(`${publicUrl}/elections/${electionId}/contests/${ward.id}`);
    // More passes find nothing left to send: no second delivery, no redelivery.
    const before = attemptsFor();
    await fetch(at('/__scheduled'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(attemptsFor()).toBe(before);
    expect(deliveredFor()).toHaveLength(1);
    expect(receiver.redeliveries()).toBe(0);
  });

  it('sends the CSV and the Atom feed readable by curl -o and scripts that ask for no compression', async () => {
    started();
    for (const [path, starts] of [
      [`/api/v1/elections/${electionId}/results.csv`, 'election_id,'],
      [`/api/v1/elections/${electionId}/declarations.atom`, '<?xml'],
    ] as const) {
      for (const acceptEncoding of [undefined, 'identity']) {
        const answer = await rawGet(path, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
        expect(answer.status, `${path} ${acceptEncoding}`).toBe(200);
        expect(answer.headers['content-encoding'], `${path} ${acceptEncoding}`).toBeUndefined();
        expect(answer.body.toString('utf8').startsWith(starts), `${path} ${acceptEncoding}`).toBe(true);
      }
      const zipped = await rawGet(path, { 'accept-encoding': 'gzip' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(zipped.body).toString('utf8').startsWith(starts)).toBe(true);
    }
  });
});
