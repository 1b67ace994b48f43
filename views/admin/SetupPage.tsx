// The first admin of a fresh deployment (src/routes/setup.tsx): the only page that makes an
// account without a signed-in admin, so it says plainly when it is closed and why.
import { Layout } from '../Layout';

export type SetupState =
  /** Ready: SETUP_TOKEN is set and there is no admin yet. */
  | { kind: 'open'; name?: string; error?: string }
  /** No SETUP_TOKEN, or one too short to be safe against guessing. */
  | { kind: 'off'; reason: 'unset' | 'short'; minLength: number }
  /** An admin exists: setup is over for good. */
  | { kind: 'closed' };

export function SetupPage({ state }: { state: SetupState }) {
  return (
    <Layout title={`${state.kind === 'open' && state.error ? 'Error: ' : ''}Set up Declare · Declare`}>
      <h1>Set up Declare</h1>
      {state.kind === 'closed' && (
        <p role="status">
          Declare already has an admin, so this page is closed. <a href="/login?next=/admin">Sign in</a>; an admin adds
          further accounts.
        </p>
      )}
      {state.kind === 'off' && (
        <>
          <p role="alert">
            {state.reason === 'unset'
              ? 'Setup is switched off: no setup token has been set for this deployment.'
              : `Setup is switched off: the setup token is shorter than ${state.minLength} characters, which could be guessed.`}
          </p>
          <p>
            Set <code>SETUP_TOKEN</code> to a random value of at least {state.minLength} characters (on Cloudflare:{' '}
            <code>npx wrangler secret put SETUP_TOKEN</code>; on Node: the <code>SETUP_TOKEN</code> environment variable), then
            reload this page.
          </p>
        </>
      )}
      {state.kind === 'open' && (
        <>
          <p>Create the first admin account. This works once: after it, the page closes and admins add everyone else.</p>
          {state.error && (
            <div class="error" role="alert" id="setup-error">
              <p>{state.error}</p>
            </div>
          )}
          <form method="post" action="/setup" class="stack">
            <label for="token">Setup token</label>
            <input id="token" name="token" type="password" autocomplete="off" required aria-describedby={state.error ? 'setup-error' : undefined} />
            <label for="name">Your user name</label>
            <input id="name" name="name" value={state.name ?? ''} autocomplete="username" autocapitalize="none" spellcheck={false} required />
            <label for="password">Choose a password (at least 12 characters)</label>
            <input id="password" name="password" type="password" autocomplete="new-password" minlength={12} required />
            <label for="confirm">Type the password again</label>
            <input id="confirm" name="confirm" type="password" autocomplete="new-password" required />
            <button type="submit" class="primary">Create the admin account</button>
          </form>
        </>
      )}
    </Layout>
  );
}
