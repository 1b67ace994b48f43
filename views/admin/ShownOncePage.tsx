// A new password or API token, shown this once: it is stored only as a hash, so nobody can
// see it again. The page says who it is for and what to do with it.
import { Layout, type SignedIn } from '../Layout';

export interface ShownOncePageProps {
  title: string;
  /** What it is and whose ("Sam's password"). */
  what: string;
  secret: string;
  /** How to hand it over and use it. */
  advice: string;
  signedIn: SignedIn;
}

export function ShownOncePage({ title, what, secret, advice, signedIn }: ShownOncePageProps) {
  return (
    <Layout title={`${title} · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>{title}</h1>
      <p role="status">{what}, shown this once:</p>
      <p>
        <code class="secret">{secret}</code>
      </p>
      <p>{advice}</p>
      <p>
        <a href="/admin">Back to accounts</a>
      </p>
    </Layout>
  );
}
