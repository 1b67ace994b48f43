// The OpenAPI 3.1 document: valid against the OpenAPI 3.1 schema (a real validator, not a
// look at its top-level keys), covering every public address and the write API, and
// describing what the routes really send: real answers from a real night are validated
// against the schemas in the document itself.
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { medwayNight, type Night } from '../social/medwayNight';
import { updatesClient } from '../routes/updates.suite';
import { confirm, doubleEntry, misplacedBundle, pendingAs } from '../support/doubleEntry';
import { giveHostileName, publishedHostileName } from '../support/hostile';

let night: Night;
let doc: any;
let ajv: Ajv2020;

/** Checks a body against the 200/201/4xx answer the document gives for that path and method. */
function expectDescribed(path: string, method: 'get' | 'post' | 'put', status: number, body: unknown) {
  const schema = doc.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} ${status} is described`).toBeDefined();
  const validate = ajv.compile(schema);
  expect(validate(body) ? [] : validate.errors, `${method} ${path} ${status}`).toEqual([]);
}

beforeAll(async () => {
  night = await medwayNight(async () => openSqlite(':memory:').db);
  const res = await night.app.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = await res.json();
  ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The document's own components, so its $refs resolve as a client's would.
  ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi');
  const rewrite = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(rewrite)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? `openapi${v}` : rewrite(v)]))
        : value;
  doc = rewrite(doc);
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const raw = await (await night.app.request('/api/v1/openapi.json')).json();
    const result = await new Validator().validate(raw as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect((raw as any).openapi).toBe('3.1.0');
  });

  it('lists every public address and the write API, with the request bodies the code validates', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/elections/{electionId}',
        '/api/v1/elections/current',
        '/api/v1/elections/{electionId}/contests/{contestId}',
        '/api/v1/elections/{electionId}/declarations',
        '/api/v1/elections/{electionId}/declarations.atom',
        '/api/v1/elections/{electionId}/results.csv',
        '/api/v1/elections/{electionId}/results-dc.csv',
        '/api/v1/elections/{electionId}/nist.json',
        '/api/v1/openapi.json',
        '/api/v1/contests/{contestId}/declaration',
        '/api/v1/contests/{contestId}/declaration/confirm',
        '/api/v1/contests/{contestId}/declaration/pending',
        '/api/v1/contests/{contestId}/status',
        '/api/v1/elections/{electionId}/updates',
        '/api/v1/elections/{electionId}/updates/{updateId}',
        '/api/v1/elections/{electionId}/updates/{updateId}/withdraw',
      ].sort(),
    );
    const declaration = doc.paths['/api/v1/contests/{contestId}/declaration'].post;
    expect(declaration.security).toEqual([{ bearer: [] }]);
    expect(declaration.parameters.map((p: any) => p.name)).toContain('Idempotency-Key');
    const body = declaration.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['votes', 'rejected', 'ballotPapersVerified']);
    expect(doc.paths['/api/v1/contests/{contestId}/status'].post.requestBody.content['application/json'].schema.properties.status.enum).toEqual([
      'awaiting', 'counting', 'recount', 'postponed',
    ]);
  });

  it('describes what the routes really answer, on a night with a correction and a hostile name', async () => {
    const e = (rest = '') => `/api/v1/elections/${encodeURIComponent(night.def.id)}${rest}`;
    const luton = await night.contest('Luton');
    await giveHostileName(night.db, luton.candidates[0]!.id);
    const before = (await night.getJson(e())).body;
    const allSaints = await night.declareWard('All Saints');
    await night.declareWard('Luton');
    await night.correctWard('All Saints', 10);
    const awaiting = (await night.contest('Fort Pitt')).id;
    const updates = updatesClient(night);
    const posted = await updates.post({ text: `Counting has started. ${publishedHostileName}`, contestId: awaiting });
    expectDescribed('/api/v1/elections/{electionId}/updates', 'post', 201, await posted.json());
    const { id: updateId } = await (await updates.post({ text: 'Verification has finished in all wards.' })).json();
    expectDescribed('/api/v1/elections/{electionId}/updates/{updateId}', 'put', 200, await (await updates.correct(updateId, 'Verification has finished.')).json());
    expectDescribed('/api/v1/elections/{electionId}/updates/{updateId}/withdraw', 'post', 200, await (await updates.withdraw(updateId)).json());
    expectDescribed('/api/v1/elections/{electionId}/updates', 'post', 422, await (await updates.post({ text: '' })).json());

    expectDescribed('/api/v1/elections/{electionId}', 'get', 200, (await night.getJson(e())).body);
    expectDescribed('/api/v1/elections/{electionId}', 'get', 200, (await night.getJson(e(`?since=${encodeURIComponent(before.updatedAt)}`))).body);
    expectDescribed('/api/v1/elections/{electionId}', 'get', 400, (await night.getJson(e('?since=soon'))).body);
    expectDescribed('/api/v1/elections/{electionId}', 'get', 404, (await night.getJson('/api/v1/elections/nope')).body);
    expectDescribed('/api/v1/elections/current', 'get', 200, (await night.getJson('/api/v1/elections/current')).body);
    for (const id of [allSaints, luton.id, awaiting]) {
      expectDescribed('/api/v1/elections/{electionId}/contests/{contestId}', 'get', 200, (await night.getJson(e(`/contests/${encodeURIComponent(id)}`))).body);
    }
    expectDescribed('/api/v1/elections/{electionId}/declarations', 'get', 200, (await night.getJson(e('/declarations'))).body);

    const { contestId, body } = await night.medwaySubmission('Twydall');
    const declared = await night.declare(contestId, { ...body, acceptWarnings: true });
    expect(declared.status).toBe(201);
    expectDescribed('/api/v1/contests/{contestId}/declaration', 'post', 201, await declared.json());
    const refused = await night.declare(contestId, { ...body, votes: [] });
    expect(refused.status).toBe(422);
    expectDescribed('/api/v1/contests/{contestId}/declaration', 'post', 422, await refused.json());
    const status = await night.app.request(`/api/v1/contests/${encodeURIComponent((await night.contest('Watling')).id)}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${night.officer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'recount' }),
    });
    expectDescribed('/api/v1/contests/{contestId}/status', 'post', 200, await status.json());
  });

  it('describes what a second pair of eyes answers: awaiting, the entry, the differences, refused, published', async () => {
    const { h, second } = await doubleEntry(async () => openSqlite(':memory:').db);
    const { contestId, body } = await h.medwaySubmission('All Saints');
    const path = '/api/v1/contests/{contestId}/declaration';
    const answered = async (res: Response | Promise<Response>, status: number) => {
      const r = await res;
      expect(r.status).toBe(status);
      return r.json();
    };
    expectDescribed(path, 'post', 202, await answered(h.declare(contestId, await misplacedBundle(h, body)), 202));
    expectDescribed(`${path}/confirm`, 'post', 403, await answered(confirm(h, contestId, body), 403));
    expectDescribed(`${path}/confirm`, 'post', 409, await answered(confirm(h, contestId, body, { token: second.token }), 409));
    for (const token of [h.officer.token, second.token]) expectDescribed(`${path}/pending`, 'get', 200, (await pendingAs(h, contestId, token)).body);
    await h.declare(contestId, body);
    expectDescribed(`${path}/confirm`, 'post', 201, await answered(confirm(h, contestId, body, { token: second.token }), 201));
    expectDescribed(`${path}/pending`, 'get', 404, (await pendingAs(h, contestId, second.token)).body);
  });

  it('would catch an answer that does not match', () => {
    const contest = doc.paths['/api/v1/elections/{electionId}/contests/{contestId}'].get.responses[200].content['application/json'].schema;
    const validate = ajv.compile(contest);
    expect(validate({ id: 'x', name: 'X' })).toBe(false);
  });
});
