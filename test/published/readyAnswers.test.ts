// Node answers residents' repeated GETs from answers kept ready before the app runs
// (src/published/readyAnswers.ts). What a resident must never notice: a different answer from
// the one the app would give, or a result missing after the officer was told it is published.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setContestStatus } from '../../db/declarations';
import { openSqlite } from '../../db/sqlite';
import { PublishedPages } from '../../src/published/publishedPages';
import { harness } from '../support/harness';
import { textOf } from '../support/pageText';

const base = 'http://localhost';

/** The app on a SQLite file, with Node's render cache: answers kept ready, versions trusted for `recheckMs`. */
async function node(recheckMs: number) {
  const file = join(mkdtempSync(join(tmpdir(), 'declare-ready-')), 'declare.db');
  const published = new PublishedPages({ versionRecheckMs: recheckMs, keepAnswersReady: true });
  // A configured public address, as on the night: feeds are then kept for everyone.
  const h = await harness(async () => openSqlite(file).db, { published, publicUrl: 'https://results.example.gov.uk' });
  /** As src/node.ts: a ready answer if there is one, else the app. */
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const request = new Request(`${base}${path}`, { headers });
    // With the headers as Node parsed them (lower-case names), as src/nodeServer.ts passes them.
    const ready = published.readyAnswer(request, Object.fromEntries(request.headers));
    return { fromMemory: ready !== undefined, res: ready ?? (await h.app.request(request)) };
  };
  return { ...h, file, published, get };
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
      const ready = h.published.readyAnswer(new Request(`${base}${path}`, { headers }), headers);
      const fromApp = await h.app.request(new Request(`${base}${path}`, { headers }));
      expect(ready, `${path} ${JSON.stringify(headers)}`).toBeDefined();
      expect(ready!.status).toBe(fromApp.status);
      expect(headersOf(ready!)).toEqual(headersOf(fromApp));
      expect(new Uint8Array(await ready!.arrayBuffer())).toEqual(new Uint8Array(await fromApp.arrayBuffer()));
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
    expect(textOf(await next.res.text())).toContain('1 of 24 wards declared');
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
    expect(textOf(await later.res.text())).toMatch(/Rochester West and Borstal.{0,80}[Rr]ecount/);
  });

  it('leaves to the app whatever it has not answered with a render: a query, another method, an unknown id', async () => {
    const h = await node(60_000);
    const page = `/elections/${h.def.id}`;
    await h.get(page);
    expect((await h.get(`${page}?utm_source=x`)).fromMemory).toBe(false);
    expect(h.published.readyAnswer(new Request(`${base}${page}`, { method: 'POST' }), {})).toBeUndefined();
    await h.get('/elections/no-such-election');
    expect((await h.get('/elections/no-such-election')).fromMemory).toBe(false);
  });
});
