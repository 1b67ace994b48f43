// Declare as it runs on the night: started as `npm start` starts it (the bundle, dist/node.js,
// built from the code as it is), its own process over a SQLite file holding the Medway
// election, with an officer's API token. The wards are declared over HTTP by whoever calls
// `declareAll`, as count software would. One server process unless `env` sets WEB_CONCURRENCY.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openSqlite } from '../../db/sqlite';
import { bundleFile, bundleNode } from '../../src/build/bundleNode';
import { importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';
import { medwaySubmissions, officerToken, postDeclaration } from '../support/declareOverHttp';
import { onServerCpus } from './loadGenerator';

export interface RunningDeclare {
  base: string;
  page: string;
  token: string;
  wards: { contestId: string; body: Record<string, unknown> }[];
  process: ChildProcess;
  /** Resident memory of the server's processes, in MB. */
  rssMb(): number;
  declareAll(): Promise<void>;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The bundle is built once per run, however many servers the bench starts. */
let bundled: Promise<void> | undefined;

export interface StartOptions {
  env?: Record<string, string>;
  /** Before the script (e.g. `--cpu-prof` to profile the server under load). */
  nodeArgs?: string[];
  /** On the servers' CPUs, apart from the load generator (the default); false for any core. */
  pinned?: boolean;
}

export async function startDeclare({ env = {}, nodeArgs = [], pinned = true }: StartOptions = {}): Promise<RunningDeclare> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'declare-bench-')), 'declare.db');
  const handle = openSqlite(dbPath);
  const def = freshMedway();
  await importElection(handle.db, def);
  const token = await officerToken(handle.db);
  const wards = [...(await medwaySubmissions(handle.db, def.id)).values()] as RunningDeclare['wards'];
  handle.close();

  await (bundled ??= bundleNode());
  const [command, args] = onServerCpus(process.execPath, [...nodeArgs, bundleFile], pinned);
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DB_PATH: dbPath, PORT: '0', HOST: '127.0.0.1', WEB_CONCURRENCY: '1', ...env },
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
  });
  const port = /localhost:(\d+)/.exec(first)?.[1];
  if (!port) throw new Error(`the server's first line names no port: ${first}`);
  // 127.0.0.1, not localhost: no IPv6-first lookup in the load generator.
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    page: `${base}/elections/${encodeURIComponent(def.id)}`,
    token,
    wards,
    process: child,
    rssMb: () => serverPids(child.pid!).reduce((sum, pid) => sum + rssKb(pid), 0) / 1024,
    async declareAll() {
      for (const ward of wards) {
        const res = await postDeclaration(base, token, ward.contestId, ward.body);
        if (res.status !== 201) throw new Error(`declaring ${ward.contestId}: ${res.status} ${await res.text()}`);
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The server and its worker processes (node:cluster's), from /proc. */
function serverPids(root: number): number[] {
  const children = (pid: number): number[] => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  return all;
}
