// Hostile input, thousands of requests of it, from a seeded PRNG (the same requests every
// run, so a failure can be replayed): the write API with a valid token, the officer's forms
// with a valid session and CSRF token, and sign-in. Bodies far over the limit, of the wrong
// type, malformed or deeply nested JSON, wrong types, control characters and direction
// controls. Whatever comes, the server never fails (no 5xx), and a refused request (4xx)
// changes nothing in the database.
//
// Left out of the comparison: sign_in_throttle. A refused sign-in is counted there on
// purpose (it is what slows guessing, src/auth/signInThrottle.ts), so that table is
// expected to change on a 401 or 429; every other table must not.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { fieldName, rejectedFields } from '../../src/officer/entryForm';
import { seededRandom } from '../social/fakes/core';
import { dumpDatabase, formBody, harness, signIn, testPassword } from '../support/harness';

/** Seeded (mulberry32): the same requests on every run and runtime, so a failure replays. */
function prng(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

const hostileText = [
  '',
  ' ',
  '\u0000',
  'recount \u0008 note',
  'typo fixed\n[social] posted Log: FORGED LINE\u202E',
  'a\u202Eb',
  '\u2066\u2067\u2068',
  '\u2069\u202C',
  '\u200F\u061C',
  '\r\n\r\n',
  '\u0085\u009B',
  '\uD800',
  '\uFFFE',
  '😀'.repeat(300),
  'x'.repeat(501),
  '<script>alert(1)</script>',
  '{"votes":',
  '../../etc/passwd',
  '=HYPERLINK("http://evil")',
  '1,234',
  '-1',
  '1e309',
  'NaN',
];
const hostileValues: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, 12345678901, [], {}, [[[]]], { votes: 1 }, ...hostileText];

function hostileString(r: Random): string {
  return r.chance(0.2) ? String.fromCharCode(r.int(0xa0)).repeat(1 + r.int(3)) : r.pick(hostileText);
}

/** Keys a header can carry (ASCII, no NUL or line break), many of them not keys we keep. */
function idempotencyKey(r: Random): string | null {
  switch (r.int(6)) {
    case 0:
      return null;
    case 1:
      return 'k'.repeat(r.pick([0, 1, 199, 200, 201, 300, 8000]));
    case 2:
      return `tab\there${r.int(1e6)}`;
    case 3:
      return ` spaced ${r.int(1e6)} `;
    default:
      return crypto.randomUUID();
  }
}

/** Sets a random place in a copy of `value` (an object or list) to `replacement`, or deletes it. */
function mutate(value: unknown, r: Random, replacement: () => unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 3 || r.chance(0.25)) return replacement();
  const copy: any = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0) return replacement();
  const key = r.pick(keys);
  if (r.chance(0.1)) delete copy[key];
  else copy[key] = mutate(copy[key], r, replacement, depth + 1);
  return copy;
}

function deepNesting(r: Random): string {
  const depth = 1000 + r.int(30_000);
  return r.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `{"votes":${'{"a":'.repeat(depth / 5)}1${'}'.repeat(depth / 5)}}`;
}

function jsonBody(r: Random, valid: unknown): string {
  switch (r.int(8)) {
    case 0: {
      const text = JSON.stringify(valid);
      return text.slice(0, r.int(text.length));
    }
    case 1:
      return deepNesting(r);
    case 2:
      // Far over the limit: up to 2 MB.
      return `{"votes":[${'0,'.repeat(40_000 + r.int(1_000_000))}0]}`;
    case 3:
      return JSON.stringify(r.pick(hostileValues));
    default:
      return JSON.stringify(mutate(valid, r, () => (r.chance(0.5) ? r.pick(hostileValues) : hostileString(r))));
  }
}

const contentTypes = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/xml', null];

export function fuzzSuite(driver: string, open: () => Promise<Db>, requests: number): void {
  describe(`hostile input (${driver})`, () => {
    it(`survives ${requests} hostile requests: never a 5xx, and a refusal changes nothing`, { timeout: 90_000 }, async () => {
      const r = prng(20260504);
      const h = await harness(open);
      const browser = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      const wards = await Promise.all(['All Saints', 'Fort Pitt'].map((name) => h.medwaySubmission(name)));
      const contestIds = [...wards.map((w) => w.contestId), 'local.nowhere.2023-05-04', '%00', 'a\u202Eb'];

      const officerForm = (submission: (typeof wards)[number]['body']) => {
        const form: Record<string, string> = {
          _csrf: browser.csrf,
          [fieldName.key]: crypto.randomUUID(),
          [fieldName.pollingStations]: String(submission.ballotPapersVerified.pollingStations),
          [fieldName.postal]: String(submission.ballotPapersVerified.postal),
        };
        for (const v of submission.votes) form[fieldName.votes(v.candidate)] = String(v.votes);
        for (const reason of rejectedFields) form[fieldName.rejected(reason)] = String(submission.rejected[reason]);
        return form;
      };

      function nextRequest(): { path: string; init: RequestInit; what: string } {
        const ward = r.pick(wards);
        const contestId = r.chance(0.85) ? ward.contestId : r.pick(contestIds);
        const method = r.chance(0.05) ? r.pick(['PUT', 'DELETE', 'PATCH', 'GET']) : 'POST';
        // Sign-in is one in twenty, mostly as the officer (refused unhashed after 100 failures):
        // each wrong password costs a full PBKDF2 hash, by design, and the run must stay short.
        const target = r.next();
        switch (target < 0.55 ? 0 : target < 0.95 ? 2 : 3) {
          case 0: {
            const status = r.chance(0.3);
            const path = `/api/v1/contests/${encodeURIComponent(contestId)}/${status ? 'status' : 'declaration'}`;
            const headers: Record<string, string> = { authorization: `Bearer ${h.officer.token}` };
            const type = r.chance(0.8) ? 'application/json' : r.pick(contentTypes);
            if (type) headers['content-type'] = type;
            const key = idempotencyKey(r);
            if (key !== null) headers['idempotency-key'] = key;
            const valid = status ? { status: r.pick(['counting', 'recount', 'declared', 'nonsense']) } : { ...ward.body, ...(r.chance(0.3) ? { reason: hostileString(r) } : {}) };
            return { path, what: `${method} ${path}`, init: { method, headers, body: method === 'GET' ? undefined : jsonBody(r, valid) } };
          }
          case 2: {
            const action = r.pick(['review', 'declare', 'edit', 'status']);
            const path = `/officer/contests/${encodeURIComponent(contestId)}/${action}`;
            const form: Record<string, string> = action === 'status' ? { _csrf: browser.csrf, status: r.pick(['counting', 'nonsense', hostileString(r)]) } : officerForm(ward.body);
            const spoilt = r.int(4);
            for (let i = 0; i < 1 + r.int(3); i++) form[r.chance(0.8) ? r.pick(Object.keys(form)) : hostileString(r)] = spoilt === 0 ? 'x'.repeat(70_000 + r.int(500_000)) : hostileString(r);
            if (r.chance(0.4)) form.reason = hostileString(r);
            if (r.chance(0.3)) form[fieldName.key] = idempotencyKey(r) ?? '';
            if (r.chance(0.05)) form._csrf = 'forged';
            const type = r.chance(0.85) ? 'application/x-www-form-urlencoded' : r.pick(contentTypes);
            const headers: Record<string, string> = { cookie: browser.cookie, origin: 'http://localhost', accept: 'text/html' };
            if (type) headers['content-type'] = type;
            const body = type === 'application/json' ? JSON.stringify(form) : formBody(form).toString();
            return { path, what: `${method} ${path}`, init: { method, headers, body: method === 'GET' ? undefined : body } };
          }
          default: {
            const form = { name: r.chance(0.9) ? h.officer.user.name : hostileString(r), password: r.chance(0.1) ? 'x'.repeat(100_000) : hostileString(r), next: hostileString(r) };
            const type = r.chance(0.9) ? 'application/x-www-form-urlencoded' : r.pick(contentTypes);
            const headers: Record<string, string> = { origin: 'http://localhost', accept: 'text/html' };
            if (type) headers['content-type'] = type;
            return { path: '/login', what: `${method} /login`, init: { method, headers, body: method === 'GET' ? undefined : formBody(form).toString() } };
          }
        }
      }

      const comparable = async () => {
        const { sign_in_throttle: _counted, ...rest } = await dumpDatabase(h.db);
        return rest;
      };
      let before = await comparable();
      const seen = new Map<number, number>();
      for (let i = 0; i < requests; i++) {
        const { path, init, what } = nextRequest();
        const res = await h.app.request(path, init);
        await res.arrayBuffer();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect(res.status, `request ${i}: ${what}`).toBeLessThan(500);
        const after = await comparable();
        if (res.status >= 400) expect(after, `request ${i} (${res.status}): ${what}`).toEqual(before);
        before = after;
      }
      // The fuzz reached every kind of answer it is meant to provoke, not only the first refusal.
      for (const status of [200, 303, 401, 404, 405, 413, 415, 422]) expect(seen.get(status) ?? 0, `answers ${status}`).toBeGreaterThan(0);
    });
  });
}
