// A table that may be wider than a phone (the upload's preview): it scrolls sideways in its
// own box, so the page itself never does. Focusable, so the keyboard can scroll it too.
import type { Child } from 'hono/jsx';

export function ScrollsSideways({ label, children }: { label: string; children: Child }) {
  return (
    <div class="scrolls-sideways" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
