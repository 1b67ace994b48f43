// The SQLite backup (Node only): SQLite's online backup through better-sqlite3, so the copy is
// the database as it stood at one moment, even while declarations arrive. Through the
// server's own connection it copies 100 pages at a time between requests, and writes made
// meanwhile through that connection are copied as they happen. Through another connection
// (the CLI, while the server runs) a write would start the copy again, and a busy night could
// keep restarting it: so there it copies everything in one step, a read that in WAL mode
// holds up no writer.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type Database from 'better-sqlite3';
import type { BackupFile, MakeBackup } from '../archive/databaseBackup';

const allPages = 0x7fffffff;

/**
 * Writes a consistent copy of the open database to `file`. `inOneStep` when others write
 * through another connection (see above).
 */
export async function backupToFile(sqlite: Database.Database, file: string, { inOneStep = false } = {}): Promise<void> {
  // A step as large as SQLite takes copies every page at once, however large the file has grown.
  await sqlite.backup(file, inOneStep ? { progress: () => allPages } : undefined);
}

/**
 * A backup for download: made into a temporary folder, streamed from there, and the folder
 * removed once the stream is done with (sent, or the download abandoned) or the backup failed.
 */
export function sqliteBackup(sqlite: Database.Database, options: { tempDir?: string } = {}): MakeBackup {
  return async (): Promise<BackupFile> => {
    const folder = await mkdtemp(join(options.tempDir ?? tmpdir(), 'declare-backup-'));
    const removeFolder = () => rm(folder, { recursive: true, force: true });
    try {
      const file = join(folder, 'declare.sqlite');
      await backupToFile(sqlite, file);
      const { size } = await stat(file);
      const stream = createReadStream(file);
      stream.once('close', () => void removeFolder());
      return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size };
    } catch (error) {
      await removeFolder();
      throw error;
    }
  };
}
