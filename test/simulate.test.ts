// `npm run simulate` replays the Medway night through the real API of a real server.
import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiToken, createUser } from '../db/users';
import { hashToken, newApiToken } from '../src/auth/secrets';
import { readDefinition } from '../src/setup/readDefinition';
import { medwayFile } from './fixtures';
import { startServer } from './support/server';

const run = promisify(execFile);
const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
const simulate = new URL('../src/simulate.ts', import.meta.url).pathname;

describe('npm run simulate', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let token: string;
  const file = join(mkdtempSync(join(tmpdir(), 'declare-sim-')), 'medway.json');

  beforeAll(async () => {
    writeFileSync(file, JSON.stringify(medwayFile));
    server = await startServer({ definition: readDefinition(JSON.stringify(medwayFile)) });
    const user = await createUser(server.db, { name: 'count-pc', role: 'officer', passwordHash: 'unused' });
    token = newApiToken();
    await addApiToken(server.db, user.id, 'simulator', await hashToken(token));
  });
  afterAll(() => server?.close());

  const replay = () => run(tsx, [simulate, file, '--speed', '2000', '--url', server.url, '--token', token]);

  it('declares every Medway ward through the API, and a second run declares nothing twice', async () => {
    const { stdout } = await replay();
    expect(stdout).toMatch(/24\/24 Wayfield and Weeds Wood: Lab 2 \[\d+ ms\]/);
    const election = (await (await fetch(`${server.url}/api/v1/elections/${medwayFile.id}`)).json()) as any;
    expect(election.progress.seatsDeclared).toBe(59);
    expect(election.control.summary).toBe('Labour gain from Conservative');

    const again = await replay();
    expect(again.stdout).not.toMatch(/not declared/);
    const after = (await (await fetch(`${server.url}/api/v1/elections/${medwayFile.id}`)).json()) as any;
    expect(after.contests.every((c: any) => c.version === 1)).toBe(true);
  });

  it('explains how to get a token when none is given', async () => {
    const result = await run(tsx, [simulate, file]).catch((e: { stderr: string; code: number }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toMatch(/npm run cli -- token add/);
  });
});
