// The HTML answer to an address that leads nowhere, for people (API clients get JSON).
import { PublicLayout } from './PublicLayout';

export function NotFoundPage({ message }: { message: string }) {
  return (
    <PublicLayout title="Page not found">
      <h1>Page not found</h1>
      <p>{message}</p>
      <p>
        <a href="/">Go to the latest election results</a>
      </p>
    </PublicLayout>
  );
}
