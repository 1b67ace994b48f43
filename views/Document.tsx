// The HTML document every page shares: our stylesheet and htmx, both from our own origin
// and nothing else, and no inline script or style (the Content Security Policy forbids them).
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

/**
 * htmx without the features the policy forbids (its inline indicator style, eval, script
 * tags in swapped content), and a 304 from a poll (nothing changed) leaves the page as it is.
 */
const htmxConfig = {
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  responseHandling: [
    { code: '204', swap: false },
    { code: '304', swap: false },
    { code: '[23]..', swap: true },
    { code: '[45]..', swap: false, error: true },
  ],
};

export interface DocumentProps {
  title: string;
  description?: string;
  /** Extra scripts from our origin, loaded deferred after htmx. */
  scripts?: string[];
  bodyClass?: string;
  /**
   * Every link opens in a new tab (`<base target="_blank">`, no href, so the policy's
   * base-uri 'none' is kept): for pages shown in another site's frame.
   */
  linksOpenNewTab?: boolean;
  /** "light dark" for pages with dark colours too (the widget follows its reader's setting). */
  colorScheme?: 'light' | 'light dark';
  children: Child;
}

export function Document({ title, description, scripts = [], bodyClass, linksOpenNewTab = false, colorScheme = 'light', children }: DocumentProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en-GB">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content={colorScheme} />
          <title>{title}</title>
          {linksOpenNewTab && <base target="_blank" />}
          {description && <meta name="description" content={description} />}
          <link rel="stylesheet" href="/static/app.css" />
          {/* No icon: saves every phone a request for /favicon.ico that would only 404. */}
          <link rel="icon" href="data:," />
          <meta name="htmx-config" content={JSON.stringify(htmxConfig)} />
          <script src="/static/htmx.min.js" defer></script>
          {scripts.map((src) => (
            <script src={src} defer></script>
          ))}
        </head>
        <body class={bodyClass}>{children}</body>
      </html>
    </>
  );
}
