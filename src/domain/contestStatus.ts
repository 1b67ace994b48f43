// A contest's status on the night, in the one list every layer uses: the schema's column
// (db/schema.ts), the public JSON (src/results/publicSchemas.ts), the API's and the phone's
// status change (src/declare/submission.ts) and the labels shown for each.

export const contestStatuses = ['awaiting', 'counting', 'recount', 'declared', 'uncontested', 'postponed'] as const;
export type ContestStatus = (typeof contestStatuses)[number];

/**
 * The statuses an officer sets by hand (the API or the phone). "declared" comes only with a
 * result, and "uncontested" only from the election's definition.
 */
export const settableStatuses = ['awaiting', 'counting', 'recount', 'postponed'] as const satisfies readonly ContestStatus[];
export type SettableStatus = (typeof settableStatuses)[number];

/**
 * Whether a contest has its result: declared, or uncontested (its candidates elected unopposed
 * from the start). After that its figures and status are no longer set by hand: a change is
 * a correction.
 */
export function hasResult(status: ContestStatus): boolean {
  return status === 'declared' || status === 'uncontested';
}
