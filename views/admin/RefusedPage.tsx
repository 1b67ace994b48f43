import { Layout, type SignedIn } from '../Layout';

/** An admin action that was not done, and why; nothing was changed. */
export function RefusedPage({ title, message, signedIn }: { title: string; message: string; signedIn: SignedIn }) {
  return (
    <Layout title={`${title} · Declare`} signedIn={signedIn}>
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      <p>
        <a href="/admin">Back to accounts</a>
      </p>
    </Layout>
  );
}
