// The public JSON's shapes as zod schemas: the one definition of them. The TypeScript types
// the code builds answers with are inferred from these (electionResults.ts, contestResult.ts,
// declarationFeed.ts), and the OpenAPI document (src/api/openApiDocument.ts) is generated
// from them, so the published description cannot drift from what is sent.
import { z } from 'zod';
import { contestStatuses } from '../domain/contestStatus';

/** The named shapes, which the OpenAPI document lists under components.schemas. */
export const publicJsonSchemas = z.registry<{ id: string }>();

const contestStatus = z.enum(contestStatuses);
const time = z.iso.datetime().describe('ISO 8601, UTC');
const count = z.int().min(0);

export const partyRefSchema = z.object({ id: z.string(), name: z.string(), colour: z.string().describe('#rrggbb') });

export const partyStandingSchema = partyRefSchema.extend({
  shortName: z.string(),
  seatsWon: count,
  seatsContinuing: count,
  seatsTotal: count,
  gains: count.nullable().describe('seats won from another party; null when no ward has previous results (not known, rather than 0)'),
  losses: count.nullable().describe('seats lost to another party; null when no ward has previous results'),
  votes: count,
  voteSharePercent: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .describe("the party's share of every vote cast for a candidate in the wards declared so far, 2 dp; null before any votes are declared"),
});

export const contestHeadlineSchema = z.object({
  id: z.string(),
  name: z.string(),
  seats: count,
  status: contestStatus,
  declaredAt: time.nullable(),
  version: z.int().min(1).nullable(),
  summary: z.string(),
  elected: z.array(z.string()).describe('candidate ids'),
  turnoutPercent: z.number().min(0).nullable().describe('from the declaration, or before it from the verification statement; else null'),
  expectedDeclaration: time.nullable().describe('when the declaration is expected, from the timetable; null if not given'),
});

export const countUpdateSchema = z
  .object({
    id: z.string().describe('made when the update is first published and never changed; the feeds\' entry id is urn:declare:update:{id}'),
    version: z.int().min(1).describe('1 when published; each correction or withdrawal adds one'),
    text: z.string().describe('the words as they now stand (a withdrawn update keeps its last words, marked withdrawn)'),
    contestId: z.string().nullable().describe('the ward it is about; null for the whole count'),
    contestName: z.string().nullable(),
    corrected: z.boolean().describe('the words were corrected after the update was first published'),
    withdrawn: z.boolean().describe('withdrawn: it no longer stands, and stays listed so nobody wonders where it went'),
    postedAt: time.describe('when it was first published'),
    updatedAt: time.describe('when its latest version was published'),
  })
  .register(publicJsonSchemas, { id: 'Update' });

export const electionResultsSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organisation: z.string(),
    date: z.iso.date(),
    updatedAt: time.describe('time of the last change anyone can see; pass it as `since` next time'),
    seats: z.object({ total: count, majorityNeeded: count }),
    progress: z.object({ contestsDeclared: count, contestsTotal: count, seatsDeclared: count, seatsContested: count }),
    rehearsal: z.boolean().describe('true while the election is a rehearsal: not real results'),
    countStarts: time.nullable().describe('when the count starts, from the timetable; null if not given'),
    turnout: z
      .object({ percent: z.number().min(0), contests: count.describe('the wards it covers: verified or declared so far') })
      .nullable()
      .describe('ballot papers over electors in the wards known so far; null before the first'),
    declaredWithoutPrevious: count.describe(
      "declared wards with no previous results in the definition: left out of every party's gains and losses",
    ),
    control: z.object({
      status: z.enum(['undecided', 'majority', 'noc']),
      party: partyRefSchema.nullable(),
      change: z.enum(['gain', 'hold']).nullable(),
      summary: z.string(),
    }),
    parties: z.array(partyStandingSchema),
    contests: z.array(contestHeadlineSchema),
    updates: z.array(countUpdateSchema).describe('updates from the count, most recently first published first'),
  })
  .register(publicJsonSchemas, { id: 'Election' });

export const electionChangesSchema = electionResultsSchema
  .extend({ since: time.describe('the time asked about; `contests` and `updates` list only those changed after it') })
  .register(publicJsonSchemas, { id: 'ElectionChanges' });

export const candidateResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  party: partyRefSchema,
  votes: count.nullable(),
  sharePercent: z.number().min(0).max(100).nullable(),
  elected: z.boolean(),
  electedByLot: z.boolean(),
});

const figure = count.nullable();

export const contestResultSchema = z
  .object({
    id: z.string(),
    electionId: z.string(),
    name: z.string(),
    seats: count,
    status: contestStatus,
    electorate: count,
    declaredAt: time.nullable(),
    version: z.int().min(1).nullable(),
    ballotPapersVerified: z
      .object({ pollingStations: figure, postal: figure, total: figure })
      .describe("the declaration's figures; before it, the verification statement's (see verifiedAt)"),
    verifiedAt: time.nullable().describe('when the verification statement was published before the count; null if it was not'),
    expectedDeclaration: time.nullable().describe('when the declaration is expected, from the timetable; null if not given'),
    rejected: z.object({ noOfficialMark: figure, tooManyVotes: figure, identifiable: figure, unmarkedOrUncertain: figure, total: figure }),
    turnoutPercent: z.number().min(0).nullable(),
    validVotes: figure,
    majority: figure,
    summary: z.string(),
    candidates: z.array(candidateResultSchema),
    corrections: z.array(z.object({ version: z.int().min(2), at: time, reason: z.string() })),
  })
  .register(publicJsonSchemas, { id: 'Contest' });

export const feedEntrySchema = z.object({
  id: z.string().describe('urn:declare:{contestId}:v{version}, stable for ever'),
  contestId: z.string(),
  contestName: z.string(),
  version: z.int().min(1),
  correction: z.boolean(),
  reason: z.string().nullable(),
  declaredAt: time,
  publishedAt: time,
  title: z.string(),
  summary: z.string(),
  elected: z.array(z.object({ id: z.string(), name: z.string(), party: z.string(), votes: count.nullable(), electedByLot: z.boolean() })),
});

export const updateFeedEntrySchema = z.object({
  id: z.string().describe('urn:declare:update:{updateId}, stable for ever: a correction or withdrawal changes the entry (version, updatedAt), never its id'),
  updateId: z.string(),
  version: z.int().min(1),
  contestId: z.string().nullable(),
  contestName: z.string().nullable(),
  text: z.string(),
  corrected: z.boolean(),
  withdrawn: z.boolean(),
  publishedAt: time.describe('when the update was first published'),
  updatedAt: time.describe('when its latest version was published'),
  title: z.string(),
});

export const verificationFeedEntrySchema = z.object({
  id: z.string().describe('urn:declare:{contestId}:verification, stable for ever: a statement published again changes the entry, never its id'),
  contestId: z.string(),
  contestName: z.string(),
  ballotPapersVerified: z.object({ pollingStations: count, postal: count, total: count }),
  turnoutPercent: z.number().min(0).nullable(),
  verifiedAt: time.describe('when the statement was (last) published'),
  title: z.string(),
});

export const declarationsFeedSchema = z
  .object({
    electionId: z.string(),
    updatedAt: time,
    declarations: z.array(feedEntrySchema.extend({ url: z.url() })),
    updates: z.array(updateFeedEntrySchema.extend({ url: z.url() })).describe('updates from the count, most recently changed first'),
    verifications: z
      .array(verificationFeedEntrySchema.extend({ url: z.url() }))
      .describe("wards' verification statements published before their counts, most recent first"),
  })
  .register(publicJsonSchemas, { id: 'Declarations' });

const problemSchema = z.object({ field: z.string(), message: z.string(), code: z.string().optional() });

export const errorSchema = z
  .object({
    error: z.string(),
    message: z.string().optional(),
    // The write API's refusals (not_found, conflict, forbidden) name the field they are about.
    problems: z.array(problemSchema).optional(),
  })
  .register(publicJsonSchemas, { id: 'Error' });

export const problemsSchema = z
  .object({
    error: z.literal('invalid'),
    message: z.string().optional(),
    problems: z.array(problemSchema),
  })
  .register(publicJsonSchemas, { id: 'Problems' });

export const statusAnswerSchema = z.object({ id: z.string(), status: contestStatus }).register(publicJsonSchemas, { id: 'StatusAnswer' });

// A second pair of eyes (README "A second pair of eyes"): what the write API answers while
// a declaration waits for a second officer, and when the two entries differ.
export const awaitingConfirmationSchema = z
  .object({
    status: z.literal('awaiting_confirmation'),
    id: z.string().describe('the contest id'),
    name: z.string(),
    version: z.int().min(1).describe('the version it becomes once confirmed'),
    enteredBy: z.string().describe('user name of the officer who entered it'),
    enteredAt: time,
    replaced: z.boolean().describe("true when this replaced the same officer's earlier entry"),
    message: z.string(),
    confirm: z.string().describe('where a different officer posts the figures again'),
  })
  .register(publicJsonSchemas, { id: 'AwaitingConfirmation' });

export const entryDifferenceSchema = z.object({
  field: z.string().describe('votes, rejected.tooManyVotes, ballotPapersVerified.postal, electorate or lotWinners'),
  candidate: z.string().optional().describe('the candidate id, for votes'),
  label: z.string().describe('the candidate or figure, as the form names it'),
  first: z.union([z.int(), z.string()]).describe('in the entry awaiting confirmation'),
  second: z.union([z.int(), z.string()]).describe("in the confirming officer's entry"),
});

export const entriesDifferSchema = z
  .object({
    error: z.literal('mismatch'),
    message: z.string(),
    enteredBy: z.string().describe('user name of the officer whose entry awaits confirmation'),
    secondBy: z.string().describe('user name of the officer whose entry differs from it'),
    differences: z.array(entryDifferenceSchema).min(1),
  })
  .register(publicJsonSchemas, { id: 'EntriesDiffer' });

export const pendingEntrySchema = awaitingConfirmationSchema
  .omit({ replaced: true, message: true })
  .extend({
    yours: z.boolean().describe('whether the asker entered it'),
    entry: z
      .object({
        votes: z.array(z.object({ candidate: z.string(), votes: count })),
        rejected: z.object({ noOfficialMark: count, tooManyVotes: count, identifiable: count, unmarkedOrUncertain: count }),
        ballotPapersVerified: z.object({ pollingStations: count, postal: count }),
        electorate: count,
        lotWinners: z.array(z.string()).optional(),
        reason: z.string().optional(),
      })
      .nullable()
      .describe('the figures as entered, only to the officer who entered them: the confirming officer enters them blind'),
    reason: z.string().nullable().describe("a correction's reason, as entered"),
    secondBy: z.string().nullable().describe('user name of the last officer whose entry differed'),
    differences: z.array(entryDifferenceSchema).nullable().describe('to the two officers whose entries differ; null to anyone else, or when none differed'),
  })
  .register(publicJsonSchemas, { id: 'PendingEntry' });

export type AwaitingConfirmation = z.infer<typeof awaitingConfirmationSchema>;
export type EntryDifference = z.infer<typeof entryDifferenceSchema>;
export type EntriesDiffer = z.infer<typeof entriesDifferSchema>;
export type PendingEntryAnswer = z.infer<typeof pendingEntrySchema>;
