// "Last updated 01:23 on Friday 5 May 2023" in UK time, on every public page and the widget: a
// reader sees at once that the page is live, and how fresh it is. The date matters after
// midnight, when a count runs into the next day.
import { londonDateTime } from '../shared/londonTime';

export function LastUpdated({ at }: { at: string }) {
  return (
    <p class="muted last-updated">
      Last updated <time datetime={at}>{londonDateTime(at)}</time>
    </p>
  );
}
