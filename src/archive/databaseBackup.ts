// A copy of the whole database as one file, where the runtime has one to copy: on Node the
// SQLite file (src/backup/sqliteBackup.ts, handed to the app by src/node.ts). On Workers
// there is none: D1 is backed up with `wrangler d1 export` and Time Travel instead.

/** A consistent copy of the database, ready to send, and its size in bytes. */
export interface BackupFile {
  body: ReadableStream<Uint8Array>;
  size: number;
}

/** Makes a backup when asked (Admin → Export → Download a SQLite backup). */
export type MakeBackup = () => Promise<BackupFile>;
