// The CLI's commands: what each does to the database, and the lines it prints. run.ts reads
// the command line and says what went wrong; main.ts is the process that runs it.
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/client';
import { userRoles } from '../../db/schema';
import { unlockSignIn } from '../../db/signInThrottle';
import { addApiToken, createUser, findUserByName, revokeApiTokens, setUserDisabled, type Role } from '../../db/users';
import { generatePassword, hashPassword } from '../auth/password';
import { hashToken, newApiToken } from '../auth/secrets';
import { importElection } from '../setup/importElection';
import { readDefinition } from '../setup/readDefinition';
import { backupCommand, exportCommand, exportUsage, replayCommand } from './export';

export const usage = `Usage:
  npm run cli -- import <file.json>                     load or update an election definition
  npm run cli -- user add <name> --role officer|admin   create a login; prints its password
  npm run cli -- token add <user name> [--label text]   create an API token; prints it
  npm run cli -- token revoke <user name> [--label text]
                                        revoke the user's API tokens (only those with that label)
  npm run cli -- user disable <name>    stop the user's sessions and API tokens at once
  npm run cli -- user enable <name>     let a disabled user sign in again (their tokens work again)
  npm run cli -- user unlock <name>     end any wait after wrong passwords for the account
${exportUsage}
Add --sql <file> to also append the change as SQL for a D1 database (Workers).`;

/** A command used wrongly, or a name that is not there: said in its own words, exit code 1. */
export class UsageError extends Error {}

interface Options {
  role?: string;
  label?: string;
  replay?: boolean;
}

interface Outcome {
  lines: string[];
  /** Printed alone on the last line. */
  secret?: string;
}

export const commands: Record<string, (db: Db, args: string[], options: Options) => Promise<Outcome>> = {
  async import(db, [file], { replay }) {
    if (replay) return replayCommand(db, [file]);
    if (!file) throw new UsageError(usage);
    const definition = readDefinition(readFileSync(file, 'utf8'));
    const outcome = await importElection(db, definition);
    return {
      lines: [
        `${outcome.created ? 'Imported' : 'Updated'} ${definition.name} (${definition.id}): ${outcome.contests} contests, ${outcome.candidates} candidates.`,
        ...outcome.warnings.map((warning) => `Check the file: ${warning}`),
      ],
    };
  },
  export: exportCommand,
  backup: backupCommand,
  async 'user add'(db, [name], { role }) {
    if (!name) throw new UsageError(usage);
    if (!role || !(userRoles as readonly string[]).includes(role)) throw new UsageError('--role must be officer or admin');
    const password = generatePassword();
    await createUser(db, { name, role: role as Role, passwordHash: await hashPassword(password) });
    return { lines: [`Created ${role} ${name}. Their password (shown once):`], secret: password };
  },
  async 'token add'(db, [name], { label }) {
    const user = await existingUser(db, name);
    const token = newApiToken();
    await addApiToken(db, user.id, label ?? `cli ${new Date().toISOString()}`, await hashToken(token));
    return { lines: [`API token for ${user.name} (shown once; send it as "Authorization: Bearer <token>"):`], secret: token };
  },
  async 'token revoke'(db, [name], { label }) {
    const user = await existingUser(db, name);
    const revoked = await revokeApiTokens(db, user.id, label === undefined ? { all: true } : { name: label }, {});
    if (revoked.length === 0) {
      throw new UsageError(`${user.name} has no API token${label === undefined ? '' : ` labelled ${label}`} still in force; nothing was changed.`);
    }
    return { lines: [`Revoked ${revoked.length} API token${revoked.length === 1 ? '' : 's'} of ${user.name}: ${revoked.join(', ')}.`] };
  },
  async 'user disable'(db, [name]) {
    const user = await existingUser(db, name);
    await setUserDisabled(db, user.id, true, {});
    return { lines: [`Disabled ${user.name}: their sessions and API tokens no longer work.`] };
  },
  async 'user enable'(db, [name]) {
    const user = await existingUser(db, name);
    await setUserDisabled(db, user.id, false, {});
    return { lines: [`Enabled ${user.name}: they can sign in again, and their API tokens work again.`] };
  },
  async 'user unlock'(db, [name]) {
    const user = await existingUser(db, name);
    await unlockSignIn(db, user, {});
    return { lines: [`Sign-in for ${user.name} is unlocked.`] };
  },
};

async function existingUser(db: Db, name: string | undefined) {
  if (!name) throw new UsageError(usage);
  const user = await findUserByName(db, name);
  if (!user) throw new UsageError(`There is no user called ${name}; see "user add".`);
  return user;
}
