// `npm run simulate -- <file.json> [--speed N] [--url U] [--token T]`: replays the declared
// results in a results file (like db/demo/medway-2023.json) through the declaration API,
// ward by ward, so anyone can watch the live page and the posts fill in.
// Each ward's Idempotency-Key is fixed, so running it twice declares nothing twice.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { contestApiPath, electionPath } from './http/paths';
import { candidateId } from './setup/candidateId';

const figure = z.number().int().min(0);
const resultsFile = z.object({
  id: z.string(),
  contests: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      electorate: figure,
      ballotPapersVerified: z.object({ pollingStations: figure, postal: figure }),
      rejected: z.object({ noOfficialMark: figure, tooManyVotes: figure, identifiable: figure, unmarkedOrUncertain: figure }),
      candidates: z.array(z.object({ id: z.string().optional(), surname: z.string(), otherNames: z.string(), votes: figure })),
    }),
  ),
});

// At --speed 1, a ward every 20 seconds: the rhythm of a busy count, watchable by a person.
const baseGapMs = 20_000;

async function post(url: string, token: string, key: string, body: unknown) {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { res, ms: Math.round(performance.now() - started), json: (await res.json()) as { summary?: string; message?: string } };
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { speed: { type: 'string', default: '1' }, url: { type: 'string' }, token: { type: 'string' } },
  });
  const file = positionals[0];
  const token = values.token ?? process.env.DECLARE_TOKEN;
  const base = (values.url ?? process.env.DECLARE_URL ?? `http://localhost:${process.env.PORT || 8787}`).replace(/\/$/, '');
  const speed = Number(values.speed);
  if (!file || !token || !(speed > 0)) {
    console.error('Usage: npm run simulate -- <file.json> [--speed N] [--url http://localhost:8787] --token <API token>');
    console.error('Create a token with: npm run cli -- user add count-pc --role officer && npm run cli -- token add count-pc');
    process.exitCode = 1;
    return;
  }
  const election = resultsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const gap = baseGapMs / speed;
  console.log(`Replaying ${election.contests.length} declarations to ${base}${electionPath(election.id)}, one every ${(gap / 1000).toFixed(1)} s`);
  for (const [i, c] of election.contests.entries()) {
    const api = `${base}${contestApiPath(c.id)}`;
    await post(`${api}/status`, token, `simulate:status:${c.id}`, { status: 'counting' });
    await new Promise((r) => setTimeout(r, gap / 2));
    const declared = await post(`${api}/declaration`, token, `simulate:${c.id}`, {
      votes: c.candidates.map((cand) => ({ candidate: candidateId(c.id, cand), votes: cand.votes })),
      rejected: c.rejected,
      ballotPapersVerified: { pollingStations: c.ballotPapersVerified.pollingStations, postal: c.ballotPapersVerified.postal },
      electorate: c.electorate,
      // The file holds what was declared: its discrepancies were accepted on the night.
      acceptWarnings: true,
    });
    const outcome =
      declared.res.status === 202
        ? 'awaiting confirmation (a second pair of eyes is on: another officer confirms it)'
        : declared.res.ok
          ? declared.json.summary
          : `not declared (${declared.res.status}): ${declared.json.message}`;
    console.log(`${String(i + 1).padStart(2)}/${election.contests.length} ${c.name}: ${outcome} [${declared.ms} ms]`);
    if (declared.res.status === 401) {
      process.exitCode = 1;
      return;
    }
    if (i < election.contests.length - 1) await new Promise((r) => setTimeout(r, gap / 2));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
