import { Layout } from '../Layout';

/**
 * What a form post gets when its session has ended or its CSRF token is stale: nothing was
 * saved or published, and the way back keeps what was typed.
 */
export function SignedOutPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={`${title} · Declare`}>
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      <ol>
        <li>
          <a href="/login" target="_blank" rel="noopener">Sign in again in a new tab</a>.
        </li>
        <li>Come back to this tab and press Back: your figures are still in the form. Send it again.</li>
      </ol>
    </Layout>
  );
}
