// Admin → Export and `npm run cli -- export`: the whole election as one JSON file.
import type { Db } from '../../db/client';
import { readElectionArchive } from '../../db/electionArchive';
import { checkExport, exportFormat, exportVersion, type ExportFile } from './exportFile';

export class ExportFailed extends Error {}

/**
 * The election's export, or null when there is no such election. It is checked as a replay
 * would check it before it is handed over: a file that could not be replayed is refused
 * now, saying why, rather than found out on the day it is needed. The check also keeps out
 * any column the format does not name, so no secret can reach the file.
 */
export async function exportElection(db: Db, electionId: string, exportedAt = new Date().toISOString()): Promise<ExportFile | null> {
  const tables = await readElectionArchive(db, electionId);
  if (!tables) return null;
  const checked = checkExport({ format: exportFormat, version: exportVersion, exportedAt, electionId, tables });
  if (!checked.ok) throw new ExportFailed(`The export of ${electionId} would not replay, so it was not made:\n${checked.problems.join('\n')}`);
  return checked.file;
}

/** The file's text: one row a line, so it reads and compares line by line and stays small. */
export function exportText(file: ExportFile): string {
  const tables = (Object.entries(file.tables) as [string, object[]][])
    .map(([key, rows]) => `    ${JSON.stringify(key)}: [${rows.length ? `\n${rows.map((row) => `      ${JSON.stringify(row)}`).join(',\n')}\n    ` : ''}]`)
    .join(',\n');
  const { tables: _tables, ...envelope } = file;
  const head = JSON.stringify(envelope, null, 2).slice(0, -2);
  return `${head},\n  "tables": {\n${tables}\n  }\n}\n`;
}

/** Text for a file name, in characters every system takes. */
const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-');

/** A time for a file name: 2023-05-05T031245Z. */
export const fileStamp = (iso: string) => safe(iso.replace(/\.\d+Z$/, 'Z').replace(/:/g, ''));

/** A file name for the download: the election and the time. */
export function exportFileName(file: Pick<ExportFile, 'electionId' | 'exportedAt'>): string {
  return `declare-export-${safe(file.electionId)}-${fileStamp(file.exportedAt)}.json`;
}
