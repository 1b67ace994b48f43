// The Idempotency-Key a submission carries (the API's header, or the phone form's hidden
// field): one definition, so both ways in keep the same keys, and neither stores a key the
// other would refuse.
import { ProblemsError, type Problem } from './problems';

// Printable ASCII, which any header can carry: a UUID (the phone), a script's own scheme
// (`simulate:<contest id>`). Long enough for those, short enough to keep by the thousand.
const wellFormed = /^[\x20-\x7E]{1,200}$/;

const problem: Problem = {
  field: 'Idempotency-Key',
  message: 'Send an Idempotency-Key of 1 to 200 printable ASCII characters: a new random value for each submission, reused only for retries.',
};

/** The key as sent (trimmed), or null when there is none or it is not one we keep. */
export function validIdempotencyKey(sent: unknown): string | null {
  const key = typeof sent === 'string' ? sent.trim() : '';
  return wellFormed.test(key) ? key : null;
}

/** The key, or a 422 that says what a key must be. */
export function requireIdempotencyKey(sent: unknown): string {
  const key = validIdempotencyKey(sent);
  if (key === null) throw new ProblemsError(422, [problem]);
  return key;
}
