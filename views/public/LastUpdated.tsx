// "Last updated 01:23" in UK time: a reader of a live blog sees at once that the widget is
// live, and how fresh it is.
import { londonClock } from './londonTime';

export function LastUpdated({ at }: { at: string }) {
  return (
    <p class="muted last-updated">
      Last updated <time datetime={at}>{londonClock(at)}</time>
    </p>
  );
}
