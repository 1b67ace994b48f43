// `npm run cli -- export ELECTION_ID FILE`, `import --replay FILE` and `backup FILE`: the
// commands of README "Export, backup and replay", for src/cli/main.ts to dispatch to. Each
// writes a new file whole or not at all, and never over an existing one (an earlier backup
// is worth more than a typo).
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Db } from '../../db/client';
import { sqliteConnectionOf } from '../../db/sqlite';
import { ExportFailed, exportElection, exportText } from '../archive/exportElection';
import { readExportFile } from '../archive/exportFile';
import { replayElection, ReplayRefused } from '../archive/replayElection';
import { backupToFile } from '../backup/sqliteBackup';
import { countOf } from '../domain';

/** A command refused: its message says why and that nothing was changed or written. */
export class CommandRefused extends Error {}

export const exportUsage = `  npm run cli -- export <election id> <file.json>   the whole election as one file (README "Export, backup and replay")
  npm run cli -- import --replay <file.json>         load an export into a database without that election
  npm run cli -- backup <file.sqlite>                a consistent copy of the database file, while the server runs`;

function newFile(file: string | undefined, what: string): string {
  if (!file) throw new CommandRefused(`Say where to write the ${what}.\n${exportUsage}`);
  if (existsSync(file)) throw new CommandRefused(`${file} already exists: choose a new name, so that no earlier ${what} is overwritten. Nothing was written.`);
  return file;
}

/** Written beside the target and renamed into place: a failure leaves no half-written file. */
async function writeWhole(file: string, write: (path: string) => Promise<void> | void) {
  const partial = `${file}.partial-${process.pid}`;
  try {
    await write(partial);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

export async function exportCommand(db: Db, [electionId, target]: string[]) {
  if (!electionId) throw new CommandRefused(`Say which election to export.\n${exportUsage}`);
  const file = newFile(target, 'export');
  const exported = await exportElection(db, electionId).catch((error: unknown) => {
    throw error instanceof ExportFailed ? new CommandRefused(error.message) : error;
  });
  if (!exported) throw new CommandRefused(`There is no election ${electionId} in this database. Nothing was written.`);
  await writeWhole(file, (path) => writeFileSync(path, exportText(exported)));
  const { tables } = exported;
  return {
    lines: [
      `Exported ${tables.elections[0]!.name} (${electionId}) to ${file}: ${countOf(tables.contests.length, 'ward', 'wards')}, ` +
        `${countOf(tables.declarations.length, 'declaration', 'declarations')}, ${countOf(tables.outbox.length, 'post', 'posts')}, ` +
        `${countOf(tables.auditLog.length, 'audit entry', 'audit entries')}. It holds no password, token or subscriber secret.`,
    ],
  };
}

export async function replayCommand(db: Db, [file]: (string | undefined)[]) {
  if (!file) throw new CommandRefused(`Say which export to replay.\n${exportUsage}`);
  const reading = readExportFile(readFileSync(file, 'utf8'));
  if (!reading.ok) throw new CommandRefused(`${file} was not replayed; nothing was changed:\n${reading.problems.map((p) => `  - ${p}`).join('\n')}`);
  try {
    const replayed = await replayElection(db, reading.file, {});
    return {
      lines: [
        `Replayed ${replayed.name} (${replayed.electionId}): ${countOf(replayed.wards, 'ward', 'wards')}, ` +
          `${countOf(replayed.declarations, 'declaration', 'declarations')}, ${countOf(replayed.posts, 'post', 'posts')}, ` +
          `${countOf(replayed.auditEntries, 'audit entry', 'audit entries')}.`,
        ...(replayed.postsWaiting ? [`${countOf(replayed.postsWaiting, 'post', 'posts')} had not gone out: approve or cancel them at /admin/social. Nothing is posted again by itself.`] : []),
        ...replayed.notes,
      ],
    };
  } catch (error) {
    if (error instanceof ReplayRefused) throw new CommandRefused(`${file} was not replayed; nothing was changed:\n${error.problems.map((p) => `  - ${p}`).join('\n')}`);
    throw error;
  }
}

/** A backup through the command's own connection, while the server may be writing through another. */
export async function backupCommand(db: Db, [target]: (string | undefined)[]) {
  const file = newFile(target, 'backup');
  const sqlite = sqliteConnectionOf(db);
  await writeWhole(file, (path) => backupToFile(sqlite, path, { inOneStep: true }));
  return { lines: [`Backed up ${sqlite.name} to ${file}. It holds password and token hashes and subscribers' secrets: keep it as safe as the server.`] };
}
