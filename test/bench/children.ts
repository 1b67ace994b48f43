// Running the benchmark's servers and drivers as child processes, so that autocannon (which
// needs a core of its own) never shares an event loop with what it measures.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onClientCpu, onServerCpus } from './loadGenerator';

export interface Child<T> {
  process: ChildProcess;
  /** The first line the child prints, as JSON. */
  ready: T;
  stop(): Promise<void>;
}

/**
 * Starts `script` (next to this file) under tsx and waits for its first line of JSON. A
 * server under test runs on the servers' CPUs; a client that measures them, on the load
 * generator's.
 */
export async function startChild<T>(script: string, args: string[], env: Record<string, string>, placement: 'server' | 'client'): Promise<Child<T>> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const node: [string, string[]] = [process.execPath, ['--import', 'tsx', file, ...args]];
  const [command, commandArgs] = placement === 'server' ? onServerCpus(...node) : onClientCpu(...node);
  const child = spawn(command, commandArgs, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<T>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line) as T));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  return {
    process: child,
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The next line of JSON a running child prints (its result). */
export function nextLine<T>(child: ChildProcess): Promise<T> {
  const lines = createInterface({ input: child.stdout! });
  return new Promise<T>((resolve) => lines.once('line', (line) => resolve(JSON.parse(line) as T)));
}
