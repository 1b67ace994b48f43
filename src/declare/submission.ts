// What a count officer or count software submits for one ward, checked field by field.
// Messages are for a person at a count, so they say what is wrong in plain words.
import { z } from 'zod';
import { settableStatuses } from '../domain/contestStatus';
import { publishableText, severalLines } from '../validation/textField';

// A ward has a few thousand electors; a figure past ten million is a typing slip.
const mostPlausible = 10_000_000;

const figure = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`)
    .max(mostPlausible, `${what} is too large to be real (over ${mostPlausible.toLocaleString('en-GB')})`);

// The verification statement's figures, in the declaration and on their own before the count.
const ballotPapersVerified = z.object(
  {
    pollingStations: figure('ballot papers verified from polling stations'),
    postal: figure('postal ballot papers verified'),
  },
  { error: 'ballotPapersVerified must give pollingStations and postal' },
);

export const declarationSubmission = z.object({
  votes: z
    .array(
      z.object({
        candidate: z.string({ error: 'candidate must be a candidate id' }).min(1, 'candidate must be a candidate id'),
        votes: figure('votes'),
      }),
      { error: 'votes must be a list of {candidate, votes}' },
    )
    .min(1, 'votes must list every candidate'),
  rejected: z.object(
    {
      noOfficialMark: figure('rejected for want of an official mark'),
      tooManyVotes: figure('rejected for voting for too many candidates'),
      identifiable: figure('rejected for writing or mark identifying the voter'),
      unmarkedOrUncertain: figure('rejected as unmarked or void for uncertainty'),
    },
    { error: 'rejected must give the four reasons' },
  ),
  ballotPapersVerified,
  electorate: figure('electorate').min(1, 'electorate must be at least 1').optional(),
  lotWinners: z.array(z.string()).optional(),
  acceptWarnings: z.boolean({ error: 'acceptWarnings must be true or false' }).optional(),
  reason: publishableText('reason', severalLines).optional(),
});

export type DeclarationSubmission = z.infer<typeof declarationSubmission>;

/** A ward's verification statement, published before the count. */
export const verificationSubmission = z.object({ ballotPapersVerified });
export type VerificationSubmission = z.infer<typeof verificationSubmission>;

export const statusSubmission = z.object({
  status: z.enum(settableStatuses, { error: `status must be one of ${settableStatuses.join(', ')}` }),
});
