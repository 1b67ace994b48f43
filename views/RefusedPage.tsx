import { Layout } from './Layout';

/**
 * What a browser gets for a request refused before it was read (too large, the wrong
 * method or kind of body): what happened, and that nothing changed.
 */
export function RefusedPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={`${title} · Declare`}>
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      <p>Nothing was saved or published.</p>
      <p>
        <a href="/officer">Back to the wards</a>
      </p>
    </Layout>
  );
}
