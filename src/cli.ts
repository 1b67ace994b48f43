// `npm run cli -- <command>`: setup and accounts, against the same DB_PATH as the server.
// Secrets are printed alone on the last line, so scripts can take them with `tail -n 1`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DefinitionLockedError } from '../db/setup';
import { openSqlite } from '../db/sqlite';
import { addApiToken, createUser, DuplicateUserError, findUserByName } from '../db/users';
import { userRoles } from '../db/schema';
import { generatePassword, hashPassword } from './auth/password';
import { hashToken, randomToken } from './auth/secrets';
import { databasePath } from './config';
import { importElection, SetupError } from './setup/importElection';
import { readDefinition } from './setup/readDefinition';

const usage = `Usage:
  npm run cli -- import <file.json>                 load or update an election definition
  npm run cli -- user add <name> --role officer|admin   create a login; prints its password
  npm run cli -- token add <user name> [--label text]   create an API token; prints it`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, label: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  const words = [command, ...rest.slice(0, command === 'import' ? 0 : 1)].join(' ');
  const { db, close } = openSqlite(databasePath());
  try {
    if (command === 'import' && rest[0]) {
      const definition = readDefinition(readFileSync(rest[0], 'utf8'));
      const outcome = await importElection(db, definition);
      console.log(
        `${outcome.created ? 'Imported' : 'Updated'} ${definition.name} (${definition.id}): ` +
          `${outcome.contests} contests, ${outcome.candidates} candidates.`,
      );
    } else if (words === 'user add' && rest[1]) {
      const role = values.role;
      if (!role || !(userRoles as readonly string[]).includes(role)) throw new UsageError('--role must be officer or admin');
      const password = generatePassword();
      await createUser(db, { name: rest[1], role: role as (typeof userRoles)[number], passwordHash: await hashPassword(password) });
      console.log(`Created ${role} ${rest[1]}. Their password (shown once):`);
      console.log(password);
    } else if (words === 'token add' && rest[1]) {
      const user = await findUserByName(db, rest[1]);
      if (!user) throw new UsageError(`There is no user called ${rest[1]}; create one with "user add".`);
      const token = randomToken();
      await addApiToken(db, user.id, values.label ?? `cli ${new Date().toISOString()}`, await hashToken(token));
      console.log(`API token for ${user.name} (shown once; send it as "Authorization: Bearer <token>"):`);
      console.log(token);
    } else {
      throw new UsageError(usage);
    }
  } finally {
    close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof SetupError) {
    console.error('The election file was not imported; nothing was changed:');
    for (const problem of error.problems) console.error(`  - ${problem}`);
  } else if (error instanceof UsageError || error instanceof DefinitionLockedError || error instanceof DuplicateUserError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`Cannot read ${(error as NodeJS.ErrnoException).path}: no such file.`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
