// `npm run simulate` replays the Medway night through the real API of a real server.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiToken, createUser } from '../db/users';
import { hashToken, newApiToken } from '../src/auth/secrets';
import { readDefinition } from '../src/setup/readDefinition';
import { medwayFile } from './fixtures';
import { runScript, slowProcesses } from './support/processes';
import { startServer } from './support/server';

describe('npm run simulate', { timeout: slowProcesses }, () => {
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

  const replay = async () => {
    const result = await runScript('src/simulate.ts', [file, '--speed', '2000', '--url', server.url, '--token', token]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result;
  };

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
    const result = await runScript('src/simulate.ts', [file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/npm run cli -- token add/);
  });
});
