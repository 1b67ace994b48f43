// The shell of the officer and admin pages: the shared document, with the signed-in user
// and a sign-out button on top.
import type { Child } from 'hono/jsx';
import { Document } from './Document';

export interface LayoutProps {
  title: string;
  children: Child;
  /** Extra scripts from /static, loaded deferred after htmx. */
  scripts?: string[];
  /** The signed-in user, shown with a sign-out button. */
  signedIn?: SignedIn;
}

export interface SignedIn {
  name: string;
  /** The session's CSRF token, which every form of the page carries. */
  csrfToken: string;
  /** Signed in over plain HTTP (ALLOW_HTTP_LOGIN=on, a rehearsal): said on every page. */
  plainHttp?: boolean;
}

export function Layout({ title, children, scripts = [], signedIn }: LayoutProps) {
  return (
    <Document title={title} scripts={scripts}>
      {signedIn && (
        <header class="bar">
          <a href="/officer" class="bar-home">Declare</a>
          <form method="post" action="/logout" class="bar-out">
            <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
            <span>{signedIn.name}</span> <button type="submit" class="link">Sign out</button>
          </form>
        </header>
      )}
      {signedIn?.plainHttp && (
        <p class="rehearsal-banner" role="alert">
          Rehearsal over plain HTTP: passwords and results cross the network unencrypted. Never use this address on election night.
        </p>
      )}
      <main id="main">{children}</main>
    </Document>
  );
}
