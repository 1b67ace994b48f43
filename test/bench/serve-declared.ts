// Benchmark child: a real Declare server (SQLite file, WAL) with the Medway night fully
// declared through the API. Prints {base, page, token, wards} as one JSON line, then serves
// until stopped.
import { medwaySubmissions, officerToken } from '../support/declareOverHttp';
import { startServer } from '../support/server';

const server = await startServer();
// 127.0.0.1, not localhost: no IPv6-first lookup in the load generator.
const base = server.url.replace('localhost', '127.0.0.1');
const token = await officerToken(server.db);
const wards = [...(await medwaySubmissions(server.db, server.def.id)).values()];
// Declared in-process through the app, not with fetch(): once a Node 20 process has used
// fetch, every promise in it gets slower (measured here: an await loop 1.5 to 4.7 times
// slower), and that would slow the server under test.
for (const ward of wards) {
  const res = await server.app.request(`/api/v1/contests/${encodeURIComponent(ward.contestId)}/declaration`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
    body: JSON.stringify(ward.body),
  });
  if (res.status !== 201) throw new Error(`declaring ${ward.contestId}: ${res.status} ${await res.text()}`);
}
const page = `${base}/elections/${encodeURIComponent(server.def.id)}`;
process.stdout.write(`${JSON.stringify({ base, page, token, wards })}\n`);

process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
