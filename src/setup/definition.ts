// The election definition a council supplies at setup (`npm run cli -- import file.json`).
// Extra fields, such as the declared results in a replay file, are ignored.
import { z } from 'zod';
import { oneLine, publishableText } from '../validation/textField';
import { namedTwice } from './namedTwice';

const text = (what: string) => publishableText(what, oneLine).min(1, `${what} must not be empty`);
const count = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`);
const seats = count('seats').min(1, 'seats must be at least 1');
const partySeats = z.object({ party: text('party'), seats: count('seats') });

const candidate = z.object({
  id: text('candidate id').optional(),
  surname: text('surname'),
  otherNames: text('otherNames'),
  knownAs: text('knownAs').optional(),
  description: text('description'),
  party: text('party'),
  // Democracy Club's person id ("12345" or 12345), passed on to results-dc.csv's person_id.
  dcPersonId: z
    .union([z.string().regex(/^\d{1,12}$/, 'dcPersonId must be Democracy Club\'s person id, a whole number'), z.number().int().positive().max(1e12)], {
      error: "dcPersonId must be Democracy Club's person id, a whole number",
    })
    .transform(String)
    .optional(),
});

// A time with its zone ("2023-05-05T02:30:00+01:00" or "...Z"), kept in UTC.
const timeWithZone = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `${what} must be a date and time with its zone, like 2023-05-05T02:30:00+01:00` })
    .transform((t) => new Date(t).toISOString());

const contest = z.object({
  id: text('contest id'),
  name: text('contest name'),
  seats,
  electorate: count('electorate'),
  previous: z.array(partySeats).optional(),
  expectedDeclaration: timeWithZone('expectedDeclaration').optional(),
  candidates: z.array(candidate).min(1, 'a contest needs at least one candidate'),
});

export const electionDefinition = z
  .object({
    // "current" is the address of whichever election is current (/api/v1/elections/current).
    id: text('election id').refine((id) => id !== 'current', 'election id cannot be "current": that address means whichever election is current'),
    name: text('election name'),
    organisation: text('organisation'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be written YYYY-MM-DD'),
    totalSeats: seats.describe('totalSeats'),
    previousControl: text('previousControl').nullable().optional(),
    continuing: z.array(partySeats).optional(),
    countStarts: timeWithZone('countStarts').optional(),
    // A first import as a rehearsal (see README); a re-import keeps the election's state.
    rehearsal: z.boolean({ error: 'rehearsal must be true or false' }).optional(),
    // Each declaration waits for a second officer's matching entry before it is published.
    secondPairOfEyes: z.boolean({ error: 'secondPairOfEyes must be true or false' }).optional(),
    parties: z
      .array(
        z.object({
          name: text('party name'),
          colour: z
            .string()
            .regex(/^#[0-9a-fA-F]{6}$/, 'colour must be written like #1a2b3c')
            .optional(),
          id: text('party id').optional(),
        }),
      )
      .optional(),
    contests: z.array(contest).min(1, 'an election needs at least one contest'),
  })
  .superRefine((election, ctx) => {
    for (const { path, message } of namedTwice(election)) ctx.addIssue({ code: 'custom', path, message });
    const declared =
      election.contests.reduce((sum, c) => sum + c.seats, 0) +
      (election.continuing ?? []).reduce((sum, c) => sum + c.seats, 0);
    if (declared > election.totalSeats) {
      ctx.addIssue({
        code: 'custom',
        path: ['totalSeats'],
        message: `totalSeats is ${election.totalSeats}, but the contests and continuing councillors add up to ${declared} seats`,
      });
    }
  });

export type ElectionDefinition = z.infer<typeof electionDefinition>;
