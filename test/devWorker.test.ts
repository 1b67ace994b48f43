// `npm run dev:worker` as a newcomer runs it: one command, and the Medway demo is served by
// a local Worker (workerd, D1), with /setup open for the first admin.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv } from './support/processes';
import { offline } from './support/wranglerDev';

const repo = new URL('../', import.meta.url).pathname;
let stop = () => {};
afterAll(() => stop());

describe('npm run dev:worker', () => {
  it('migrates an empty local D1, loads the demo and serves it from workerd', { timeout: 180_000 }, async () => {
    const persistTo = mkdtempSync(join(tmpdir(), 'declare-dev-worker-'));
    // Port 0: the system chooses as workerd binds, and wrangler's "Ready on" line names it.
    const child = spawn('npm', ['run', 'dev:worker', '--', '--ip', '127.0.0.1', '--port', '0', '--persist-to', persistTo, '--inspector-port', '0'], {
      cwd: repo,
      env: cleanEnv(offline),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    stop = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const base = () => `http://127.0.0.1:${out.match(/Ready on http:\/\/127\.0\.0\.1:(\d+)/)?.[1]}`;
    const page = async () => {
      const answer = await fetch(`${base()}/elections/local.medway.2023-05-04`).catch(() => null);
      return answer?.status === 200 ? answer.text() : `not yet: ${answer?.status ?? 'no answer'}\n${out}`;
    };
    await expect.poll(page, { timeout: 150_000, interval: 500 }).toContain('Medway Council local elections 2023');
    expect(await page()).toContain('Wayfield and Weeds Wood');
    expect(out).toMatch(/No admin yet: create one at \/setup with the setup token \S{40}/);
    expect((await fetch(`${base()}/setup`)).status).toBe(200);
  });
});
