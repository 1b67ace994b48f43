// The page shell every page shares. No inline script or style anywhere: the Content
// Security Policy allows scripts and styles from our own origin only.
import type { Child } from 'hono/jsx';

export interface LayoutProps {
  title: string;
  children: Child;
  /** Extra scripts from /static, loaded deferred after htmx. */
  scripts?: string[];
  /** The signed-in user, shown with a sign-out button. */
  signedIn?: { name: string; csrfToken: string };
}

export function Layout({ title, children, scripts = [], signedIn }: LayoutProps) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {/* No inline indicator style and no eval: both would break the Content Security Policy. */}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
        <script src="/static/htmx.min.js" defer></script>
        {scripts.map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body>
        {signedIn && (
          <header class="bar">
            <a href="/officer" class="bar-home">Declare</a>
            <form method="post" action="/logout" class="bar-out">
              <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
              <span>{signedIn.name}</span> <button type="submit" class="link">Sign out</button>
            </form>
          </header>
        )}
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
