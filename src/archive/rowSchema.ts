// One row of an exported table, as zod: made from the table's own columns (db/schema.ts), so a
// new column is exported and checked without a second list to keep in step. A replay checks
// every row with it; the export passes its rows through it too, so nothing but these columns
// (never a secret) can reach the file.
import type { Column } from 'drizzle-orm';
import { z } from 'zod';
import { exportedColumns, type ArchiveKey } from '../../db/electionArchive';
import { declarationSubmission } from '../declare/submission';

// Times are kept as ISO 8601 in UTC (db/schema.ts); by convention their names end so.
const timeNames = new Set(['at', 'countStarts', 'expectedDeclaration']);
const isTime = (name: string) => timeNames.has(name) || /(At|Until)$/.test(name);

// The JSON columns, by what they hold.
const jsonColumns: Record<string, z.ZodType> = {
  acceptedWarnings: z.array(z.string(), { error: 'acceptedWarnings must be a list of the warnings confirmed' }),
  detail: z.record(z.string(), z.json(), { error: 'detail must be an object' }),
  remoteMeta: z.record(z.string(), z.string(), { error: 'remoteMeta must be an object of texts' }),
  // A declaration awaiting a second pair of eyes, as the officer entered it.
  submission: declarationSubmission,
  secondSubmission: declarationSubmission,
};

// Values a column held under an older name, read as today's: an export made before the
// rename still replays. The outbox state "dead" is "failed" since migration 0012.
const renamedValues: Partial<Record<ArchiveKey, Record<string, Record<string, string>>>> = {
  outbox: { status: { dead: 'failed' } },
};

function fieldOf(name: string, column: Column): z.ZodType {
  const values = column.enumValues;
  if (values?.length) return z.enum(values as [string, ...string[]], { error: `${name} must be one of ${values.join(', ')}` });
  switch (column.dataType) {
    case 'string':
      return isTime(name)
        ? z.iso.datetime({ error: `${name} must be a time in UTC, like 2023-05-05T01:23:45.678Z` })
        : z.string({ error: `${name} must be text` });
    case 'number':
      return z.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(0, `${name} cannot be negative`);
    case 'boolean':
      return z.boolean({ error: `${name} must be true or false` });
    case 'json': {
      const known = jsonColumns[name];
      if (!known) throw new Error(`The export does not know what the JSON column ${name} holds: add it to jsonColumns.`);
      return known;
    }
    default:
      throw new Error(`The export does not know columns of type ${column.dataType} (${name}).`);
  }
}

/**
 * A row of the table. A column that may be empty (null) or has a default may be left out,
 * so an export made before a column was added still replays.
 */
export function rowSchemaOf(key: ArchiveKey) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, column] of Object.entries(exportedColumns(key))) {
    let field = fieldOf(name, column);
    const renamed = renamedValues[key]?.[name];
    if (renamed) field = z.preprocess((value) => (typeof value === 'string' && Object.hasOwn(renamed, value) ? renamed[value] : value), field);
    if (!column.notNull) field = field.nullable();
    if (!column.notNull || column.hasDefault) field = field.optional();
    shape[name] = field;
  }
  return z.object(shape, { error: 'each row must be an object' });
}
