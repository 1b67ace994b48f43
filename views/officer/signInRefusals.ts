// What the sign-in page says when it does not sign someone in. A name that does not exist
// and a wrong password get the same words, so a guesser learns nothing of which names exist;
// a disabled account is named only to someone who gave its password.
import type { SignInRefusal } from '../../src/auth/signIn';
import { waitInWords } from '../../src/auth/signInThrottle';
import { londonClock } from '../shared/londonTime';

export const formIncomplete = 'Enter your user name and password.';

export function refusalInWords(refusal: SignInRefusal, now: number): string {
  switch (refusal.kind) {
    case 'wait':
      return `Too many wrong passwords for this account. Try again in ${waitInWords(refusal.retryAt, now)} (at ${londonClock(new Date(refusal.retryAt).toISOString())}), or ask an admin to unlock it.`;
    case 'wrong':
      return 'That user name and password do not match.';
    case 'disabled':
      return 'This account is disabled. Ask an admin to enable it.';
  }
}
