import { Layout } from '../Layout';

/** What a form post gets when the session has ended: nothing was saved or published. */
export function SignedOutPage() {
  return (
    <Layout title="Signed out · Declare">
      <h1>You are signed out</h1>
      <p role="alert">Your sign-in has ended, so nothing was saved or published.</p>
      <ol>
        <li>
          <a href="/login" target="_blank" rel="noopener">Sign in again in a new tab</a>.
        </li>
        <li>Come back to this tab, press Back: your figures are still in the form. Send it again.</li>
      </ol>
    </Layout>
  );
}
