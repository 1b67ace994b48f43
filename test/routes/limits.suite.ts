// What may be sent, and what is refused before anything is read or written: request sizes,
// methods, content types and Idempotency-Keys. On both drivers.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { fieldName } from '../../src/officer/entryForm';
import { dumpDatabase, formBody, harness, signIn, testPassword } from '../support/harness';

type Harness = Awaited<ReturnType<typeof harness>>;

/** A body of `bytes` made as it is read, in 64 KB chunks, with no Content-Length: chunked. */
function streamOf(bytes: number, chunk = 'a'.repeat(64 * 1024)): ReadableStream<Uint8Array> {
  const encoded = new TextEncoder().encode(chunk);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(encoded);
      sent += encoded.byteLength;
    },
  });
}

/** Node's fetch needs `duplex` for a streamed body; workerd ignores it. */
const streamed = (init: RequestInit & { body: ReadableStream }) => ({ ...init, duplex: 'half' }) as RequestInit;

async function signedInOfficer(h: Harness) {
  return signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
}

export function limitsSuite(driver: string, open: () => Promise<Db>): void {
  describe(`request sizes (${driver})`, () => {
    it('refuses a 200 MB sign-in form before reading it, with a page that says why', async () => {
      const h = await harness(open);
      const res = await h.app.request(
        '/login',
        streamed({ method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: streamOf(200 * 1024 * 1024) }),
      );
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toMatch(/larger than \d+ KB.*Nothing was saved or published/s);
    });

    it('refuses a declaration of 4 MB (a 2-million-element list) with 413 JSON, and declares nothing', async () => {
      const h = await harness(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const before = await dumpDatabase(h.db);
      const huge = JSON.stringify({ ...body, votes: new Array(2_000_000).fill(0) });
      expect(huge.length).toBeGreaterThan(4_000_000);
      const res = await h.declare(contestId, huge);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: 'too_large', message: expect.stringMatching(/larger than \d+ KB/) });
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('counts what arrives when there is no Content-Length (a chunked body) and stops reading at the limit', async () => {
      const h = await harness(open);
      const { contestId } = await h.medwaySubmission('All Saints');
      const res = await h.app.request(
        `/api/v1/contests/${encodeURIComponent(contestId)}/declaration`,
        streamed({
          method: 'POST',
          headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: streamOf(50 * 1024 * 1024),
        }),
      );
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).error).toBe('too_large');
    });

    it('takes more than the largest real ward twice over: 80 candidates with 180-character ids and a long reason', async () => {
      const h = await harness(open);
      const browser = await signedInOfficer(h);
      const { contestId } = await h.medwaySubmission('All Saints');
      const longId = `local.a-council-with-a-long-name.${'a-ward-with-a-very-long-name-'.repeat(5)}`;
      const form: Record<string, string> = { _csrf: browser.csrf, [fieldName.key]: crypto.randomUUID(), reason: 'ñ'.repeat(500) };
      for (let i = 0; i < 80; i++) form[fieldName.votes(`${longId}:candidate-${i}`)] = '1,234';
      expect(formBody(form).toString().length).toBeGreaterThan(16 * 1024);
      const res = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/review`, form);
      // Read and answered on its merits (these are not All Saints' candidates), not refused for size.
      expect(res.status).toBe(422);
    });
  });

  describe(`methods and content types (${driver})`, () => {
    it('answers PUT, DELETE and PATCH on an unknown path 404, not a CSRF refusal', async () => {
      const h = await harness(open);
      for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) {
        const res = await h.app.request('/no/such/page', { method, headers: { 'content-type': 'text/plain' }, body: 'x' });
        expect(res.status, method).toBe(404);
      }
      // Under the open data, where a CORS preflight answers OPTIONS for a whole prefix, a
      // mistyped address is still a 404, not a 405 that allows nothing.
      const typo = await h.app.request(`/api/v1/elections/${encodeURIComponent(h.def.id)}/declaratoins`);
      expect(typo.status).toBe(404);
    });

    it('answers a known address asked with the wrong method 405, saying which methods it takes', async () => {
      const h = await harness(open);
      const { contestId } = await h.medwaySubmission('All Saints');
      const cases: [string, string, string][] = [
        ['PUT', `/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, 'POST'],
        ['DELETE', `/elections/${encodeURIComponent(h.def.id)}`, 'GET, HEAD'],
        ['PATCH', '/login', 'GET, HEAD, POST'],
        ['GET', `/officer/contests/${encodeURIComponent(contestId)}/declare`, 'POST'],
      ];
      for (const [method, path, allow] of cases) {
        const res = await h.app.request(path, { method, headers: { authorization: `Bearer ${h.officer.token}` } });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
        expect(((await res.json()) as any).message).toContain(`does not take ${method}`);
      }
    });

    it('answers a declaration sent as text/plain with 415 and a hint, and declares nothing', async () => {
      const h = await harness(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const before = await dumpDatabase(h.db);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', null]) {
        const res = await h.app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.officer.token}`, 'idempotency-key': crypto.randomUUID(), ...(type ? { 'content-type': type } : {}) },
          body: JSON.stringify(body),
        });
        expect(res.status, String(type)).toBe(415);
        expect(((await res.json()) as any).message).toMatch(/Content-Type: application\/json/);
      }
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('answers a form sent as JSON or text with 415 and a page that says why', async () => {
      const h = await harness(open);
      const browser = await signedInOfficer(h);
      const { contestId } = await h.medwaySubmission('All Saints');
      for (const type of ['application/json', 'text/plain', 'multipart/form-data']) {
        const res = await h.app.request(`/officer/contests/${encodeURIComponent(contestId)}/status`, {
          method: 'POST',
          headers: { cookie: browser.cookie, origin: 'http://localhost', accept: 'text/html', 'content-type': type },
          body: type === 'application/json' ? JSON.stringify({ status: 'counting', _csrf: browser.csrf }) : `status=counting&_csrf=${browser.csrf}`,
        });
        expect(res.status, type).toBe(415);
        expect(await res.text()).toContain('sent as a form');
      }
      expect((await h.contest('All Saints')).status).toBe('awaiting');
    });
  });

  describe(`Idempotency-Keys (${driver})`, () => {
    it('refuses an officer form with a key of a million characters, as the API refuses one over 200, and stores nothing', async () => {
      const h = await harness(open);
      const browser = await signedInOfficer(h);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const form: Record<string, string> = { _csrf: browser.csrf, [fieldName.pollingStations]: '634', [fieldName.postal]: '331' };
      for (const v of body.votes) form[fieldName.votes(v.candidate)] = String(v.votes);
      for (const [reason, n] of Object.entries(body.rejected)) form[`rejected.${reason}`] = String(n);
      const before = await dumpDatabase(h.db);
      for (const key of ['k'.repeat(201), 'k'.repeat(1_000_000), 'tab\there', 'naïve-ключ']) {
        const res = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...form, [fieldName.key]: key });
        expect(res.status, key.slice(0, 20)).toBeGreaterThanOrEqual(400);
        expect(res.status, key.slice(0, 20)).toBeLessThan(500);
        if (res.status === 422) expect(await res.text()).toContain('Idempotency-Key');
        // A header carries only Latin-1: the last key can only come in a form.
        if (/^[\x00-\xff]{1,300}$/.test(key)) expect((await h.declare(contestId, body, { key })).status, key.slice(0, 20)).toBe(422);
      }
      expect(await dumpDatabase(h.db)).toEqual(before);
      const ok = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...form, [fieldName.key]: 'k'.repeat(200) });
      expect(ok.status).toBe(201);
    });
  });
}
