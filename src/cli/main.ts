// `npm run cli -- <command>` as a process: the CLI (run.ts) with this process's streams and
// environment, and its exit code.
import { run } from './run';

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
