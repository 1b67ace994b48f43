// The fixtures' passwords, hashed once per test process rather than once per user. Each hash
// is the production PBKDF2 (100,000 rounds, unchanged here), about a tenth of a second, and
// the route suites make a user or two for every test; signing in still checks the password
// the slow way, as it does for real. Users given the same password share its salt, which
// nothing a test looks at can tell.
import { hashPassword } from '../../src/auth/password';

const hashes = new Map<string, Promise<string>>();

export function fixturePasswordHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}
