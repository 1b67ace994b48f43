// An app over a real, migrated database with the Medway election imported under fresh
// ids, an officer and an admin with API tokens: what the route suites drive over HTTP.
import { getTableName, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { createApp } from '../../src/app';
import type { PublishedPages } from '../../src/published/publishedPages';
import { hashToken, newApiToken } from '../../src/auth/secrets';
import { readTogether, type Db, type Statement } from '../../db/client';
import { loadElection, type ContestSnapshot } from '../../db/results';
import * as schema from '../../db/schema';
import { addApiToken, createUser } from '../../db/users';
import type { DeclarationSubmission } from '../../src/declare/submission';
import type { ElectionDefinition } from '../../src/setup/definition';
import { importElection } from '../../src/setup/importElection';
import { freshMedway, medwaySubmissionFor } from '../fixtures';
import { fixturePasswordHash } from './fixturePassword';

export const testPassword = 'correct horse battery';

export async function harness(
  open: () => Promise<Db>,
  options: {
    channels?: string[];
    define?: (def: ElectionDefinition) => ElectionDefinition;
    publicUrl?: string;
    /** The environment the social channels are configured from (names shown on admin pages). */
    socialEnv?: Record<string, string>;
    startedAt?: number;
    /** The public pages' render cache (Node's, with answers kept ready, in its own tests). */
    published?: PublishedPages;
  } = {},
) {
  const db = await open();
  const def = (options.define ?? ((d) => d))(freshMedway());
  await importElection(db, def);
  const { socialEnv, startedAt } = options;
  const app = createApp({
    db: () => db,
    channels: options.channels ?? ['log', 'x'],
    publicUrl: options.publicUrl,
    socialEnv: socialEnv && (() => socialEnv),
    startedAt,
    published: options.published,
  });
  const tag = def.id.split('.').at(-1);

  async function userWithToken(role: 'officer' | 'admin', name = `${role}-${tag}`) {
    const user = await createUser(db, { name, role, passwordHash: await fixturePasswordHash(testPassword) });
    const token = newApiToken();
    await addApiToken(db, user.id, 'tests', await hashToken(token));
    return { user, token };
  }
  const officer = await userWithToken('officer');

  async function contest(name: string): Promise<ContestSnapshot> {
    const snapshot = await loadElection(db, def.id);
    const found = snapshot?.contests.find((c) => c.name === name);
    if (!found) throw new Error(`no ward ${name}`);
    return found;
  }

  /** The declared Medway figures of a ward, as the API takes them. */
  async function medwaySubmission(name: string): Promise<{ contestId: string; body: DeclarationSubmission }> {
    const c = await contest(name);
    return { contestId: c.id, body: medwaySubmissionFor(c) };
  }

  function declare(contestId: string, body: unknown, init: { token?: string | null; key?: string | null } = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = init.token === undefined ? officer.token : init.token;
    if (token) headers.authorization = `Bearer ${token}`;
    const key = init.key === undefined ? crypto.randomUUID() : init.key;
    if (key) headers['idempotency-key'] = key;
    return app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function getJson(path: string) {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as any };
  }

  return { db, def, app, officer, userWithToken, contest, medwaySubmission, declare, getJson };
}

/** Every row of every table, in a stable order: "nothing changed" means this is equal. */
export async function dumpDatabase(db: Db): Promise<Record<string, unknown[]>> {
  const names = Object.values(schema)
    .filter((table) => typeof table === 'object' && table !== null && 'getSQL' in table)
    .map((table) => getTableName(table as SQLiteTable));
  // One round trip on D1 (a batch), so a test may dump after every request.
  const reads = names.map((name) => db.all(sql`select * from ${sql.identifier(name)} order by 1, 2`));
  const rows = (await readTogether(db, reads as unknown as [Statement, ...Statement[]])) as unknown as unknown[][];
  // When a token was last used is the bookkeeping of the request itself, not something the
  // request changed: a refused request still used its token.
  const tables = names.map((name, i) =>
    name === 'api_tokens' ? (rows[i]! as Record<string, unknown>[]).map(({ last_used_at: _lastUsed, ...rest }) => rest) : rows[i]!,
  );
  return Object.fromEntries(names.map((name, i) => [name, tables[i]!]));
}

/** A browser's session: the cookie from a real login, and the CSRF token its pages carry. */
export interface Browser {
  cookie: string;
  csrf: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, form: Record<string, string | string[]>, headers?: Record<string, string>): Promise<Response>;
}

const origin = 'http://localhost';

export function formBody(form: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v);
  return body;
}

/**
 * Signs in through POST /login as a person would, keeps the session cookie, and reads the
 * CSRF token from a page of the signed-in user (`page`) as a browser would have it.
 */
export async function signIn(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  name: string,
  password: string,
  page: string,
): Promise<Browser> {
  const res = await app.request('/login', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: formBody({ name, password, next: '/officer' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  const get = (path: string, headers: Record<string, string> = {}) =>
    Promise.resolve(app.request(path, { headers: { cookie, accept: 'text/html', ...headers } }));
  const csrf = (await (await get(page)).text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${page}`);
  return {
    cookie,
    csrf,
    get,
    post: (path, form, headers = {}) =>
      Promise.resolve(
        app.request(path, {
          method: 'POST',
          headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
          body: formBody(form),
        }),
      ),
  };
}
