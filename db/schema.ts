// The one schema. Both drivers (better-sqlite3 on Node, D1 on Workers) read it, and
// drizzle-kit generates db/migrations/ from it; never edit a migration by hand.
//
// Conventions:
// - ids are text: Democracy Club ids for elections and contests, Electoral Commission
//   register ids (or slugs) for parties, so journalists can join our data with theirs;
// - times are ISO 8601 strings in UTC, which sort and compare as text on both drivers;
// - a declaration is never updated: a correction adds the next version, and the
//   "current" result is the highest version of a contest.
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
// The one list of a contest's statuses (the domain's, so every layer shares it).
import { contestStatuses } from '../src/domain/contestStatus';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const elections = sqliteTable('elections', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  organisation: text('organisation').notNull(),
  date: text('date').notNull(),
  totalSeats: integer('total_seats').notNull(),
  // Party id of the group that ran the council before tonight; null means it was in no
  // overall control (or we were not told).
  previousControl: text('previous_control'),
  // When the count starts (ISO time), for the page residents bookmark before the night.
  countStarts: text('count_starts'),
  // Whether a ward's status change (counting, recount, postponed) also posts an update from
  // the count ("Recount in Rainham North."). Off unless an admin turns it on.
  autoStatusUpdates: integer('auto_status_updates', { mode: 'boolean' }).notNull().default(false),
  // A rehearsal: every public page and feed says so, posts go to the log channel only, and
  // an admin can reset it (results gone, definition kept) and then make it the real one.
  rehearsal: integer('rehearsal', { mode: 'boolean' }).notNull().default(false),
  // A second pair of eyes: each declaration waits, not public, until a different officer
  // enters the same figures again (README "A second pair of eyes"). Off unless asked for.
  secondPairOfEyes: integer('second_pair_of_eyes', { mode: 'boolean' }).notNull().default(false),
  // The election `/`, the widget's and the JSON's default lead to (Admin → Make current).
  // At most one is current (the partial unique index below); with none marked (a database
  // from before the flag), the latest by date is (db/currentElection.ts).
  current: integer('is_current', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  // Bumped by every write that changes what the public sees: caches and ETags key on it.
  updatedAt: text('updated_at').notNull(),
}, (t) => [uniqueIndex('elections_one_current').on(t.current).where(sql`is_current = 1`)]);

export const parties = sqliteTable(
  'parties',
  {
    electionId: text('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    colour: text('colour').notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.id] })],
);

// Councillors not up for election tonight (councils elected by thirds or halves).
export const continuingSeats = sqliteTable(
  'continuing_seats',
  {
    electionId: text('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    partyId: text('party_id').notNull(),
    seats: integer('seats').notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.partyId] })],
);

export const contests = sqliteTable(
  'contests',
  {
    id: text('id').primaryKey(),
    electionId: text('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    seats: integer('seats').notNull(),
    electorate: integer('electorate').notNull(),
    status: text('status', { enum: contestStatuses }).notNull().default('awaiting'),
    // Order in the setup file, so lists are stable for people and for diffs.
    position: integer('position').notNull(),
    // The verification statement, entered before the count (null until then): ballot papers
    // from polling stations and postal, checked against the ballot paper accounts.
    verifiedPollingStations: integer('verified_polling_stations'),
    verifiedPostal: integer('verified_postal'),
    verifiedAt: text('verified_at'),
    // When the declaration is expected (ISO time), from the timetable; null when not given.
    expectedDeclaration: text('expected_declaration'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('contests_election').on(t.electionId, t.position)],
);

// Who held the ward's seats before tonight, for gain/hold.
export const previousSeats = sqliteTable(
  'previous_seats',
  {
    contestId: text('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    partyId: text('party_id').notNull(),
    seats: integer('seats').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.partyId] })],
);

export const candidates = sqliteTable(
  'candidates',
  {
    id: text('id').primaryKey(),
    contestId: text('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    surname: text('surname').notNull(),
    otherNames: text('other_names').notNull(),
    knownAs: text('known_as'),
    description: text('description').notNull(),
    partyId: text('party_id').notNull(),
    // Democracy Club's person id, where the definition gives it: newsrooms join on it
    // (results-dc.csv's person_id).
    dcPersonId: text('dc_person_id'),
    // Ballot papers list candidates alphabetically by surname; kept explicit so a
    // council whose paper differs can say so in the setup file.
    ballotOrder: integer('ballot_order').notNull(),
  },
  (t) => [index('candidates_contest').on(t.contestId, t.ballotOrder)],
);

// One row per version of a contest's declared result.
export const declarations = sqliteTable(
  'declarations',
  {
    contestId: text('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    declaredAt: text('declared_at').notNull(),
    electorate: integer('electorate').notNull(),
    verifiedPollingStations: integer('verified_polling_stations').notNull(),
    verifiedPostal: integer('verified_postal').notNull(),
    rejectedNoOfficialMark: integer('rejected_no_official_mark').notNull(),
    rejectedTooManyVotes: integer('rejected_too_many_votes').notNull(),
    rejectedIdentifiable: integer('rejected_identifiable').notNull(),
    rejectedUnmarkedOrUncertain: integer('rejected_unmarked_or_uncertain').notNull(),
    // Why a correction was made; null on version 1.
    reason: text('reason'),
    // The arithmetic warnings the officer confirmed, as JSON: what was published knowingly.
    acceptedWarnings: text('accepted_warnings', { mode: 'json' }).$type<string[]>().notNull(),
    userId: text('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  // The primary key is what makes two racing submissions of the same version fail.
  (t) => [primaryKey({ columns: [t.contestId, t.version] })],
);

export const declarationVotes = sqliteTable(
  'declaration_votes',
  {
    contestId: text('contest_id').notNull(),
    version: integer('version').notNull(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    votes: integer('votes').notNull(),
    elected: integer('elected', { mode: 'boolean' }).notNull(),
    electedByLot: integer('elected_by_lot', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.version, t.candidateId] })],
);

// Updates from the count: a few words an officer or admin publishes on the night ("Counting
// has started."), optionally about one ward. Like a declaration, never edited in place: a
// correction or a withdrawal adds the next version, and every version is kept. The id is
// made once and stays for ever (the feeds' `urn:declare:update:{id}`).
export const countUpdates = sqliteTable(
  'count_updates',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    electionId: text('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    // The ward it is about; null for the whole count.
    contestId: text('contest_id').references(() => contests.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    // A withdrawn update stays on the page and in the feeds, marked withdrawn.
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
    userId: text('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  // As with declarations, the primary key makes two racing writers of one version fail.
  (t) => [primaryKey({ columns: [t.id, t.version] }), index('count_updates_election').on(t.electionId, t.createdAt)],
);
// A declaration entered while a second pair of eyes is on, awaiting a different officer's
// matching entry: not public, nothing queued. At most one per ward (a fix replaces it); the
// confirming write records the declaration and deletes this row in one atomic write.
export const pendingDeclarations = sqliteTable('pending_declarations', {
  contestId: text('contest_id')
    .primaryKey()
    .references(() => contests.id, { onDelete: 'cascade' }),
  // Made new by every entry and fix, so a write can tell the entry it compared is still there.
  id: text('id').notNull().unique(),
  // The version it becomes when confirmed (2 and up: a correction).
  version: integer('version').notNull(),
  // The submission as entered (the API's shape, electorate settled), as JSON.
  submission: text('submission', { mode: 'json' }).$type<PendingSubmission>().notNull(),
  enteredBy: text('entered_by')
    .notNull()
    .references(() => users.id),
  enteredAt: text('entered_at').notNull(),
  // The last second entry that did not match, kept so both officers see the differences;
  // null until then, and again once the first entry is fixed.
  secondSubmission: text('second_submission', { mode: 'json' }).$type<PendingSubmission>(),
  secondBy: text('second_by').references(() => users.id),
  secondAt: text('second_at'),
});

/** A declaration's figures as submitted, with its electorate settled (src/declare/submission.ts). */
export interface PendingSubmission {
  votes: { candidate: string; votes: number }[];
  rejected: { noOfficialMark: number; tooManyVotes: number; identifiable: number; unmarkedOrUncertain: number };
  ballotPapersVerified: { pollingStations: number; postal: number };
  electorate: number;
  lotWinners?: string[];
  reason?: string;
}

export const userRoles = ['officer', 'admin'] as const;

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  role: text('role', { enum: userRoles }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    // SHA-256 of the cookie token: a stolen database does not yield live sessions.
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

// The sign-in throttle (src/auth/signInThrottle.ts): one counter per account, per account and
// source address, and per account and known device. An attempt is reserved here (counted
// as a failure) in the same statement that checks the counter, so parallel guesses cannot
// overshoot; a successful sign-in deletes the counters it used.
export const throttleScopes = ['account', 'source', 'device'] as const;

export const signInThrottle = sqliteTable(
  'sign_in_throttle',
  {
    // As typed: names that exist and names that do not are throttled alike.
    userName: text('user_name').notNull(),
    scope: text('scope', { enum: throttleScopes }).notNull(),
    // The source address, the device cookie's hash, or '' for the whole account.
    subject: text('subject').notNull(),
    failures: integer('failures').notNull(),
    // Epoch milliseconds: the delay is computed in the same statement as the check.
    lastFailureAt: integer('last_failure_at').notNull(),
    // The attempt that last reserved this counter, so one attempt reserves all or none.
    attempt: text('attempt').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userName, t.scope, t.subject] })],
);

// A browser an account has signed in from before (a long-lived cookie, stored as a hash):
// it is exempt from the account-wide delay, so a stranger's guesses cannot lock it out.
export const knownDevices = sqliteTable(
  'known_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('known_devices_user').on(t.userId)],
);

export const apiTokens = sqliteTable('api_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  createdAt: createdAt(),
  revokedAt: text('revoked_at'),
  // When a request last came with it, to the minute (see noteTokenUse): an admin can tell a
  // token in use from one forgotten.
  lastUsedAt: text('last_used_at'),
});

// pending: waiting for its turn (or its retry time); held: waiting for an admin's approval;
// sending: claimed by a dispatcher; posted: on the platform (or treated as posted, see note);
// failed: gave up after too many attempts, or refused for good; cancelled: an admin chose not
// to post it, or a newer version superseded it before it went out.
export const outboxStatuses = ['pending', 'held', 'sending', 'posted', 'failed', 'cancelled'] as const;

// One row per (declaration version, channel), or per (update version, channel): written in
// the same atomic write as the declaration or update from the count, so nothing is published
// without its posts being queued. A row is about exactly one of the two: `contestId` for a
// declaration, `updateId` for an update (src/social/dispatch/preparePost.ts reads which).
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    contestId: text('contest_id').references(() => contests.id, { onDelete: 'cascade' }),
    // The update from the count (count_updates.id); `version` is then the update's version.
    updateId: text('update_id'),
    version: integer('version').notNull(),
    channel: text('channel').notNull(),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: text('claimed_until'),
    remoteId: text('remote_id'),
    remoteUrl: text('remote_url'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
    // The words as first composed, frozen so every retry sends exactly the same post (X
    // recognises a repeat by its text) and people see what went out.
    body: text('body'),
    /** The results page the post links to. */
    link: text('link'),
    // An earlier attempt may have reached the platform (a timeout or dropped connection
    // after sending, a 5xx, a dispatcher killed mid-send): the next attempt must check
    // before it sends.
    uncertain: integer('uncertain', { mode: 'boolean' }).notNull().default(false),
    firstAttemptAt: text('first_attempt_at'),
    /** What a reply needs beyond the id (Bluesky: the record's cid and its thread root). */
    remoteMeta: text('remote_meta', { mode: 'json' }).$type<Record<string, string>>(),
    /** Said to people next to the status, e.g. why a post counts as posted without an id. */
    note: text('note'),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
  },
  (t) => [
    uniqueIndex('outbox_once').on(t.contestId, t.version, t.channel),
    uniqueIndex('outbox_update_once').on(t.updateId, t.version, t.channel),
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_channel').on(t.channel, t.status),
  ],
);

// What an admin set for a social channel (credentials stay in the environment), and when the
// platform said to come back after a rate limit. A channel without a row has the defaults.
export const socialChannels = sqliteTable('social_channels', {
  channel: text('channel').primaryKey(),
  paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
  holdForApproval: integer('hold_for_approval', { mode: 'boolean' }).notNull().default(false),
  /** Null: the built-in wording. */
  declarationTemplate: text('declaration_template'),
  correctionTemplate: text('correction_template'),
  /** Whether updates from the count are posted here (and their corrections and withdrawals). */
  postUpdates: integer('post_updates', { mode: 'boolean' }).notNull().default(true),
  /** No request to this platform before this time (its rate-limit reset). */
  blockedUntil: text('blocked_until'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

// Newsrooms' own systems that get every declaration and correction pushed to them, signed
// (README "Push to subscribers"). Each is its own outbox channel, `subscriber:<id>`, so its
// deliveries retry, pause and fail independently of the others and of the social channels.
export const subscribers = sqliteTable('subscribers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  // One subscriber per address: a form sent twice cannot double every delivery.
  url: text('url').notNull().unique(),
  // Kept as given, not hashed: every delivery is signed with it (HMAC-SHA256), so it must be
  // at hand. Shown once, when generated; never on a page again.
  secret: text('secret').notNull(),
  // Paused: its deliveries are queued and wait; resumed, they go out in order.
  paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  createdBy: text('created_by'),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId)],
);

// A submission's key and its first answer: a replay gets that answer back, no second effect.
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
