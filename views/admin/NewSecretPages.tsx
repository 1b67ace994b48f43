// The pages that show an account's new secret once (views/admin/ShownOncePage.tsx): a new
// person's password, a reset password, a new API token; each says how to hand it over.
import type { SignedIn } from '../Layout';
import { ShownOncePage } from './ShownOncePage';

/** How a new password reaches its person: never by email or chat, where it would stay. */
const handOver = 'Give it to them in person or read it out; they sign in at /login with it.';

export function NewPersonPage({ name, role, password, signedIn }: { name: string; role: string; password: string; signedIn: SignedIn }) {
  return <ShownOncePage title={`Added ${name}`} what={`${name}'s password (${role})`} secret={password} advice={handOver} signedIn={signedIn} />;
}

export function NewPasswordPage({ name, password, signedIn }: { name: string; password: string; signedIn: SignedIn }) {
  return (
    <ShownOncePage
      title={`New password for ${name}`}
      what={`${name}'s new password`}
      secret={password}
      advice={`${handOver} Their old password no longer works, and they are signed out everywhere; their API tokens still work.`}
      signedIn={signedIn}
    />
  );
}

export function NewTokenPage({ name, label, token, signedIn }: { name: string; label: string; token: string; signedIn: SignedIn }) {
  return (
    <ShownOncePage
      title={`API token for ${name}`}
      what={`The token "${label}" for ${name}`}
      secret={token}
      advice='Put it in the count software or script now: it sends it as "Authorization: Bearer <token>". Revoke it here when it is no longer needed.'
      signedIn={signedIn}
    />
  );
}
