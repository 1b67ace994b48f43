// The export file (README "Export, backup and replay"), format "declare-export" version 1:
//
//   { "format": "declare-export", "version": 1, "exportedAt": "<UTC time>",
//     "electionId": "<id>", "tables": { "<table>": [<row>, ...], ... } }
//
// one key per table of db/electionArchive.ts, each row with the table's columns by their
// names in db/schema.ts. Reading one checks it all and names every problem in words.
import { z } from 'zod';
import { archiveKeys, type ArchiveKey } from '../../db/electionArchive';
import type * as schema from '../../db/schema';
import { describeIssues } from '../validation/zodIssues';
import { rowSchemaOf } from './rowSchema';

export const exportFormat = 'declare-export';
export const exportVersion = 1;

type Row<T extends { $inferSelect: object }> = T['$inferSelect'];

/** The tables as the file holds them (rows checked against db/schema.ts's columns). */
export interface ExportTables {
  people: Omit<Row<typeof schema.users>, 'passwordHash'>[];
  elections: Row<typeof schema.elections>[];
  parties: Row<typeof schema.parties>[];
  continuingSeats: Row<typeof schema.continuingSeats>[];
  contests: Row<typeof schema.contests>[];
  previousSeats: Row<typeof schema.previousSeats>[];
  candidates: Row<typeof schema.candidates>[];
  declarations: Row<typeof schema.declarations>[];
  declarationVotes: Row<typeof schema.declarationVotes>[];
  pendingDeclarations: Row<typeof schema.pendingDeclarations>[];
  countUpdates: Row<typeof schema.countUpdates>[];
  outbox: Row<typeof schema.outbox>[];
  subscribers: Omit<Row<typeof schema.subscribers>, 'secret'>[];
  auditLog: Row<typeof schema.auditLog>[];
}

export interface ExportFile {
  format: typeof exportFormat;
  version: typeof exportVersion;
  exportedAt: string;
  electionId: string;
  tables: ExportTables;
}

// Every table of the archive must be typed above, and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyTableTyped: Same<keyof ExportTables, ArchiveKey> = true;
void _everyTableTyped;

// Exports made before updates from the count existed have no countUpdates: none, then.
const addedLater: ReadonlySet<ArchiveKey> = new Set(['countUpdates']);

const tablesSchema = z.object(
  Object.fromEntries(
    archiveKeys.map((key) => {
      const rows = z.array(rowSchemaOf(key), { error: `${key} must be a list of rows` });
      return [key, addedLater.has(key) ? rows.default([]) : rows];
    }),
  ),
  { error: 'tables must be an object with a list of rows for each table' },
);

/** What the file says it is, read first: another kind of file gets one clear sentence. */
const envelope = z.object({ format: z.unknown().optional(), version: z.unknown().optional() }, { error: 'The file is not an export of Declare: it is not a JSON object.' });

const fileSchema = z.object({
  format: z.literal(exportFormat),
  version: z.literal(exportVersion),
  exportedAt: z.iso.datetime({ error: 'exportedAt must be a time in UTC, like 2023-05-05T01:23:45.678Z' }),
  electionId: z.string({ error: 'electionId must be text' }).min(1, 'electionId must not be empty'),
  tables: tablesSchema,
});

export type ExportReading = { ok: true; file: ExportFile } | { ok: false; problems: string[] };

export function readExportFile(text: string): ExportReading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`The file is not valid JSON: ${(error as Error).message}`] };
  }
  return checkExport(data);
}

/** The file's content checked whole: its kind and version, every row, every reference. */
export function checkExport(data: unknown): ExportReading {
  const outer = envelope.safeParse(data);
  if (!outer.success) return { ok: false, problems: [outer.error.issues[0]!.message] };
  if (outer.data.format !== exportFormat) {
    return {
      ok: false,
      problems: [`The file is not an export of Declare (its "format" is not "${exportFormat}"). An election's definition file is imported with Upload an election instead.`],
    };
  }
  if (outer.data.version !== exportVersion) {
    return {
      ok: false,
      problems: [`The export is version ${JSON.stringify(outer.data.version)} of the format; this Declare reads version ${exportVersion}. Replay it with the Declare that made it, or a newer one.`],
    };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  // The row schemas are made from the same tables ExportTables names (checked above).
  const file = parsed.data as unknown as ExportFile;
  const problems = inconsistencies(file);
  return problems.length ? { ok: false, problems } : { ok: true, file };
}

/**
 * What a replay needs to hold together beyond each row's own columns: one election, and
 * every reference (a ward, a candidate, a version, a party, a person) to a row in the file.
 * The database would refuse some of these itself, but not in words, and not all of them.
 */
function inconsistencies({ electionId, tables: t }: ExportFile): string[] {
  const problems: string[] = [];
  const at = (key: ArchiveKey, i: number, field: string) => `tables.${key}[${i}].${field}`;
  if (t.elections.length !== 1 || t.elections[0]!.id !== electionId) {
    problems.push(`tables.elections: must hold exactly the one election ${electionId} the file is an export of`);
  }
  for (const key of ['parties', 'continuingSeats', 'contests', 'countUpdates'] as const) {
    t[key].forEach((row, i) => {
      if (row.electionId !== electionId) problems.push(`${at(key, i, 'electionId')}: must be the election of the file, ${electionId}`);
    });
  }
  const unique = (key: ArchiveKey, ids: string[], what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) problems.push(`tables.${key}[${i}]: ${what} ${id} is given twice`);
      seen.add(id);
    });
    return seen;
  };
  const wards = unique('contests', t.contests.map((c) => c.id), 'ward');
  const candidates = unique('candidates', t.candidates.map((c) => c.id), 'candidate');
  const versions = unique('declarations', t.declarations.map((d) => `${d.contestId} version ${d.version}`), 'declaration');
  const parties = unique('parties', t.parties.map((p) => p.id), 'party');
  const people = unique('people', t.people.map((p) => p.id), 'person');
  const wardOfCandidate = new Map(t.candidates.map((c) => [c.id, c.contestId]));
  const updateVersions = unique('countUpdates', t.countUpdates.map((u) => `${u.id} version ${u.version}`), 'update');

  const mustName = <K extends ArchiveKey>(key: K, field: string, known: Set<string>, what: string, value: (row: ExportTables[K][number]) => string | null | undefined) => {
    (t[key] as ExportTables[K][number][]).forEach((row, i) => {
      const v = value(row);
      if (v != null && !known.has(v)) problems.push(`${at(key, i, field)}: ${what} ${v} is not in the file`);
    });
  };
  for (const key of ['previousSeats', 'candidates', 'declarations', 'declarationVotes', 'pendingDeclarations', 'outbox', 'countUpdates'] as const) {
    mustName(key, 'contestId', wards, 'the ward', (row) => row.contestId);
  }
  mustName('declarationVotes', 'version', versions, 'the declaration', (v) => `${v.contestId} version ${v.version}`);
  // A post is about a declaration version or an update's, never neither.
  mustName('outbox', 'version', versions, 'the declaration', (o) => (o.updateId === null ? `${o.contestId} version ${o.version}` : null));
  mustName('outbox', 'version', updateVersions, 'the update', (o) => (o.updateId === null ? null : `${o.updateId} version ${o.version}`));
  mustName('countUpdates', 'userId', people, 'the person', (u) => u.userId);
  t.declarationVotes.forEach((v, i) => {
    if (wardOfCandidate.get(v.candidateId) !== v.contestId) problems.push(`${at('declarationVotes', i, 'candidateId')}: ${v.candidateId} is not a candidate in the ward ${v.contestId}`);
  });
  mustName('candidates', 'partyId', parties, 'the party', (c) => c.partyId);
  mustName('previousSeats', 'partyId', parties, 'the party', (p) => p.partyId);
  mustName('continuingSeats', 'partyId', parties, 'the party', (p) => p.partyId);
  mustName('elections', 'previousControl', parties, 'the party', (e) => e.previousControl);
  mustName('declarations', 'userId', people, 'the person', (d) => d.userId);
  mustName('auditLog', 'userId', people, 'the person', (a) => a.userId);
  mustName('outbox', 'approvedBy', people, 'the person', (o) => o.approvedBy);
  mustName('pendingDeclarations', 'enteredBy', people, 'the person', (p) => p.enteredBy);
  mustName('pendingDeclarations', 'secondBy', people, 'the person', (p) => p.secondBy);
  mustName('subscribers', 'createdBy', people, 'the person', (s) => s.createdBy);
  return problems;
}
