// Node answers residents' repeated GETs from answers kept ready before the app runs
// (src/published/readyAnswers.ts). What a resident must never notice: a different answer from
// the one the app would give, or a result missing after the officer was told it is published.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setContestStatus } from '../../db/declarations';
import { openSqlite } from '../../db/sqlite';
import { importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';
import { medwaySubmissions, officerToken, postDeclaration } from '../support/declareOverHttp';
import { slowProcesses, startNodeServer, stopServers } from '../support/processes';
import { PublishedPages } from '../../src/published/publishedPages';
import { harness } from '../support/harness';
import { textOf } from '../support/pageText';
import { getRaw, serveLikeNode } from '../support/likeNode';

const base = 'http://localhost';

/** The app on a SQLite file, with Node's render cache: answers kept ready, versions trusted for `recheckMs`. */
async function node(recheckMs: number) {
  const file = join(mkdtempSync(join(tmpdir(), 'declare-ready-')), 'declare.db');
  const published = new PublishedPages({ versionRecheckMs: recheckMs, keepAnswersReady: true });
  // A configured public address, as on the night: feeds are then kept for everyone.
  const h = await harness(async () => openSqlite(file).db, { published, publicUrl: 'https://results.example.gov.uk' });
  const server = await serveLikeNode(published, h.app);
  return { ...h, file, published, get: server.get };
}

const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'));

describe('answers kept ready (Node)', () => {
  it('gives exactly what the app gives: page, gzip, fragment, 304, JSON and Atom, headers and bytes', async () => {
    const h = await node(60_000);
    const declared = await h.medwaySubmission('Chatham Central and Brompton');
    expect((await h.declare(declared.contestId, declared.body)).status).toBe(201);
    const page = `/elections/${h.def.id}`;
    const etag = (await h.app.request(`${page}/live`)).headers.get('etag')!;
    const asked: [string, Record<string, string>][] = [
      [page, {}],
      [page, { 'accept-encoding': 'gzip, deflate, br' }],
      [`${page}/live`, { 'accept-encoding': 'gzip' }],
      [`${page}/live`, { 'if-none-match': etag }],
      [`/api/v1/elections/${h.def.id}`, {}],
      [`/api/v1/elections/${h.def.id}/declarations.atom`, { 'accept-encoding': 'gzip' }],
    ];
    for (const [path, headers] of asked) await h.get(path, headers);
    for (const [path, headers] of asked) {
      const ready = await h.get(path, headers);
      const fromApp = await h.app.request(new Request(`${base}${path}`, { headers }));
      expect(ready.fromMemory, `${path} ${JSON.stringify(headers)}`).toBe(true);
      expect(ready.status).toBe(fromApp.status);
      expect(ready.headers).toEqual(headersOf(fromApp));
      expect(new Uint8Array(ready.body)).toEqual(new Uint8Array(await fromApp.arrayBuffer()));
    }
  });

  it('shows a declaration made through this server on the very next request, however long versions are trusted', async () => {
    const h = await node(60_000);
    const page = `/elections/${h.def.id}/live`;
    await h.get(page);
    expect((await h.get(page)).fromMemory).toBe(true);
    const { contestId, body } = await h.medwaySubmission('Strood Rural');
    expect((await h.declare(contestId, body)).status).toBe(201);
    const next = await h.get(page);
    expect(next.fromMemory).toBe(false);
    expect(textOf(next.text())).toContain('1 of 24 wards declared');
  });

  it('shows a change written by another process (the CLI, a second server) within the recheck time', async () => {
    const h = await node(1000);
    const page = `/elections/${h.def.id}/live`;
    await h.get(page);
    expect((await h.get(page)).fromMemory).toBe(true);
    // Another connection to the same file, as the CLI or a second server process has.
    const other = openSqlite(h.file);
    const contest = await h.contest('Rochester West and Borstal');
    await setContestStatus(other.db, h.def.id, contest.id, 'recount', { userId: null });
    other.close();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = await h.get(page);
    expect(later.fromMemory).toBe(false);
    expect(textOf(later.text())).toMatch(/Rochester West and Borstal.{0,80}[Rr]ecount/);
  });

  it('leaves to the app whatever it has not answered with a render: a query, another method, an unknown id', async () => {
    const h = await node(60_000);
    const page = `/elections/${h.def.id}`;
    await h.get(page);
    expect((await h.get(`${page}?utm_source=x`)).fromMemory).toBe(false);
    expect(h.published.readyAnswer('POST', page, {})).toBeUndefined();
    expect(h.published.readyAnswer('HEAD', page, {})).toBeUndefined();
    // The absolute form a proxy may send: the app reads it.
    expect(h.published.readyAnswer('GET', `${base}${page}`, {})).toBeUndefined();
    await h.get('/elections/no-such-election');
    expect((await h.get('/elections/no-such-election')).fromMemory).toBe(false);
    // A Host header @hono/node-server refuses: refused here too, not answered from memory.
    const badHost = await h.get(page, { host: 'results example' });
    expect(badHost.fromMemory).toBe(false);
    expect(badHost.status).toBe(400);
    expect((await h.get(page, { host: 'results.example.gov.uk' })).fromMemory).toBe(true);
  });
});

describe('answers kept ready, over real HTTP (the server as `npm start` runs it)', { timeout: slowProcesses }, () => {
  afterAll(stopServers);

  it('answers a repeated GET with the status, headers and bytes of the first, and shows a declaration on the next one', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'declare-ready-http-')), 'declare.db');
    const setup = openSqlite(dbPath);
    const def = freshMedway();
    await importElection(setup.db, def);
    const token = await officerToken(setup.db);
    const ward = (await medwaySubmissions(setup.db, def.id)).get('Strood Rural')!;
    setup.close();
    const server = await startNodeServer({ DB_PATH: dbPath, HOST: '127.0.0.1', SOCIAL_LOG: 'off' });

    const page = `/elections/${def.id}`;
    const etag = (await getRaw(server.port, `${page}/live`, {})).headers.etag as string;
    const asked: [string, Record<string, string>][] = [
      [page, {}],
      [page, { 'accept-encoding': 'gzip, deflate, br' }],
      [`${page}/live`, { 'accept-encoding': 'gzip' }],
      [`${page}/live`, { 'if-none-match': etag }],
      [`/api/v1/elections/${def.id}`, { 'accept-encoding': 'gzip' }],
      [`/api/v1/elections/${def.id}/declarations.atom`, {}],
    ];
    for (const [path, headers] of asked) {
      // The first from the app (nothing kept yet, or kept for other headers), then twice more.
      const [first, second, third] = [await getRaw(server.port, path, headers), await getRaw(server.port, path, headers), await getRaw(server.port, path, headers)];
      expect(first.status, `${path} ${JSON.stringify(headers)}`).toBe(headers['if-none-match'] ? 304 : 200);
      for (const again of [second, third]) {
        expect(again.status).toBe(first.status);
        expect(again.headers).toEqual(first.headers);
        expect(again.body.equals(first.body)).toBe(true);
      }
    }

    expect((await postDeclaration(`http://127.0.0.1:${server.port}`, token, ward.contestId, ward.body)).status).toBe(201);
    const next = await getRaw(server.port, `${page}/live`, { 'if-none-match': etag });
    expect(next.status).toBe(200);
    expect(textOf(next.body.toString('utf8'))).toContain('1 of 24 wards declared');
  });
});
