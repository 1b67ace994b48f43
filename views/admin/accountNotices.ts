// What the accounts screen says after an action: fixed words chosen by a code in the address
// (?done=unlocked&user=<id>), with names read from the database. Never text from the address:
// a crafted link could otherwise put false instructions in front of an admin.
export const accountNotices = {
  'signed-out': (user: string) => `Signed ${user} out everywhere and revoked their API tokens.`,
  unlocked: (user: string) => `Sign-in for ${user} is unlocked.`,
  disabled: (user: string) => `${user} is disabled. Their sessions and API tokens no longer work.`,
  enabled: (user: string) => `${user} can sign in again.`,
  'token-revoked': (user: string, token: string) => `Revoked the API token ${token} of ${user}.`,
} as const;

export type AccountNoticeCode = keyof typeof accountNotices;

export function isAccountNoticeCode(code: string | undefined): code is AccountNoticeCode {
  return !!code && Object.hasOwn(accountNotices, code);
}
