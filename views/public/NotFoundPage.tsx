// The HTML answer to an address that leads nowhere, for people (API clients get JSON).
import { PublicLayout } from './PublicLayout';

/** `framed`: the address was a widget's, shown in a newsroom's frame, so links open a new tab. */
export function NotFoundPage({ message, framed = false }: { message: string; framed?: boolean }) {
  return (
    <PublicLayout title="Page not found" linksOpenNewTab={framed}>
      <h1>Page not found</h1>
      <p>{message}</p>
      <p>
        <a href="/">Go to the latest election results</a>
      </p>
    </PublicLayout>
  );
}
