// The part of a page that keeps itself up to date. htmx asks for the same section again
// every few seconds, sending the version it holds (If-None-Match): an unchanged section
// answers 304 and nothing moves; a changed one replaces this element whole, carrying the
// new version. Without JavaScript it is simply the page as it was when loaded.
import type { Child } from 'hono/jsx';

export const pollEvery = '3s';

export interface LiveSectionProps {
  /** Where the fresh section is fetched from. */
  url: string;
  /** The ETag of the section's current content. */
  etag: string;
  children: Child;
}

export function LiveSection({ url, etag, children }: LiveSectionProps) {
  return (
    <div id="live" class="live" hx-get={url} hx-trigger={`every ${pollEvery}`} hx-swap="outerHTML"
      hx-headers={JSON.stringify({ 'If-None-Match': etag })}>
      {children}
    </div>
  );
}

/**
 * The sentence a screen reader announces when the page updates. It stays in place while the
 * live section is replaced (a live region must exist before its text changes); a fresh
 * section brings its new text along and htmx puts it in here (an out-of-band swap).
 */
export function Announcement({ text, outOfBand = false }: { text: string; outOfBand?: boolean }) {
  return outOfBand ? (
    <div id="announcement" hx-swap-oob="innerHTML">{text}</div>
  ) : (
    <div id="announcement" class="visually-hidden" role="status" aria-live="polite">{text}</div>
  );
}
