// Our own scripts as real processes: the server as `npm start` runs it (the bundle,
// dist/node.js, built once per test run by test/globalSetup.ts), the CLI, the simulator.
// TypeScript files run with `node --import tsx`, never the tsx command: that forks a second
// node process, which a kill of the first (or a timeout) would leave running. Every process
// has a time limit and is killed outright when it passes, so a stuck child fails its test
// instead of outliving the run.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const fromRepo = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;

/** The server as `npm start` runs it. */
export const serverEntry = 'dist/node.js';

/** How node runs one of our files: TypeScript through tsx, the bundle as it is. */
const nodeArgs = (path: string) => (path.endsWith('.ts') ? ['--import', 'tsx', fromRepo(path)] : [fromRepo(path)]);

/**
 * For a test that runs several of our processes one after another: each takes 1 to 2 s to
 * start here, several times that on a loaded two-core CI machine, and each is killed at 25 s.
 */
export const slowProcesses = 60_000;

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a file of ours (TypeScript, or the server's bundle) to the end, with `env` added to cleanEnv(). A non-zero
 * exit is a result (code and output), not an exception.
 */
export function runScript(path: string, args: string[], env: Record<string, string> = {}, timeoutMs = 25_000): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs(path), ...args], { env: cleanEnv(env), timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr: error?.killed ? `${stderr}\n(killed after ${timeoutMs} ms)` : stderr });
    });
  });
}

/**
 * The environment a child gets: what finding programs and temporary files needs, and
 * nothing else, so a variable set on the developer's machine (DB_PATH, DECLARE_TOKEN, a
 * real X_APP_KEY...) can neither change what the test sees nor reach a real platform.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
  return { ...kept, ...extra };
}

/**
 * A loopback port nothing listens on now, for a test that wants its connection refused. Not
 * for a server to listen on: another process may take it first. Servers start on port 0.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  /** The port it listens on, as its first line says. */
  port: number;
  /** Everything it has printed so far, stdout and stderr. */
  output(): string;
}

const servers: ChildProcess[] = [];

/** "Declare is running on http://localhost:41234 (database: ...)": the port it got. */
function portOnFirstLine(line: string): number | undefined {
  const port = line.match(/^Declare is running on http:\/\/[^/:]+:(\d+) /)?.[1];
  return port === undefined ? undefined : Number(port);
}

/**
 * The server as `npm start` runs it, with this environment (added to cleanEnv()), once its
 * first line says where it is running. PORT=0 unless `env` names one: the system chooses a
 * free port as the server binds it, and the first line gives it (never a port probed free,
 * then closed, then taken). One process unless `env` sets WEB_CONCURRENCY.
 */
export function startNodeServer(env: Record<string, string>, timeoutMs = 20_000): Promise<RunningServer> {
  const child = spawn(process.execPath, nodeArgs(serverEntry), { env: cleanEnv({ PORT: '0', WEB_CONCURRENCY: '1', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  // Known before it starts, so stopServers() kills it even if the test gives up waiting.
  servers.push(child);
  let out = '';
  let stdout = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms: ${out}`)), timeoutMs);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      stdout += chunk;
      const firstLineEnd = stdout.indexOf('\n');
      if (firstLineEnd < 0) return;
      clearTimeout(timer);
      const port = portOnFirstLine(stdout.slice(0, firstLineEnd));
      if (port === undefined) reject(new Error(`the server's first line does not say where it is running: ${out}`));
      else resolve({ child, port, output: () => out });
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}): ${out}`));
    });
  });
}

/** Kills outright every server startNodeServer started that is still running. */
export function stopServers(): void {
  for (const child of servers.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Kills a server outright (no shutdown handler runs) and waits until it has gone. */
export async function killOutright(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await gone;
}
