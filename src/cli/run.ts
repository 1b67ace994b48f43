// `npm run cli -- <command>`: setup and accounts, against the same DB_PATH as the server.
// Secrets are printed alone on the last line, so scripts can take them with `tail -n 1`.
// With --sql FILE the command's writes are also appended to FILE as SQL, to apply to a
// Workers deployment's D1 database with `npx wrangler d1 execute DB --remote --file FILE`.
// run() is the whole CLI but the process: main.ts hands it the process's streams and
// environment, tests their own, so they can run it in process.
import { appendFileSync } from 'node:fs';
import { inspect, parseArgs } from 'node:util';
import { DefinitionLockedError } from '../../db/setup';
import { openSqlite } from '../../db/sqlite';
import { DuplicateUserError } from '../../db/users';
import { databasePath } from '../config';
import { SetupError } from '../setup/importElection';
import { commands, usage, UsageError } from './commands';
import { CommandRefused } from './export';
import { SqlRecorder } from './sqlRecorder';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Where DB_PATH is read. */
  env: Record<string, string | undefined>;
}

/** Runs one command line (without `node main.ts`) and gives the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const say = (line: string) => io.stdout.write(`${line}\n`);
  const complain = (line: string) => io.stderr.write(`${line}\n`);
  try {
    for (const line of await runCommand(argv, io.env)) say(line);
    return 0;
  } catch (error: unknown) {
    if (error instanceof SetupError) {
      complain('The election file was not imported; nothing was changed:');
      for (const problem of error.problems) complain(`  - ${problem}`);
    } else if (error instanceof UsageError || error instanceof DefinitionLockedError || error instanceof DuplicateUserError || error instanceof CommandRefused) {
      complain(error.message);
    } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      complain(`Cannot read ${(error as NodeJS.ErrnoException).path}: no such file.`);
    } else {
      // As console.error would print it: an unexpected failure keeps its stack.
      complain(inspect(error));
    }
    return 1;
  }
}

/** The lines to print, the secret (if any) alone on the last one. */
async function runCommand(argv: string[], env: CliIo['env']): Promise<string[]> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, label: { type: 'string' }, sql: { type: 'string' }, replay: { type: 'boolean' } },
  });
  const [first = '', second = '', ...rest] = positionals;
  const [name, args] = ['import', 'export', 'backup'].includes(first) ? [first, [second, ...rest]] : [`${first} ${second}`, rest];
  const command = commands[name];
  if (!command) throw new UsageError(usage);

  const recorder = values.sql ? new SqlRecorder() : undefined;
  const { db, close } = openSqlite(databasePath(env), { logger: recorder });
  try {
    const { lines, secret } = await command(db, args, values);
    if (recorder && values.sql) {
      // Written only once the command succeeded: a refused change leaves nothing to apply.
      appendFileSync(values.sql, recorder.text());
      lines.push(`SQL appended to ${values.sql}: apply it with npx wrangler d1 execute DB --remote --file ${values.sql}`);
    }
    return secret ? [...lines, secret] : lines;
  } finally {
    close();
  }
}
