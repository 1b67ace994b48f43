// The CLI's run() in this process, as `npm run cli` would run it with this environment: the
// same output and exit code, without a process start-up (a second or two, more on a busy
// machine) for every command.
import { run } from '../../src/cli/run';
import type { Finished } from './processes';

export async function cliInProcess(args: string[], env: Record<string, string>): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: { write: (text) => (stdout += text) }, stderr: { write: (text) => (stderr += text) }, env });
  return { code, stdout, stderr };
}
