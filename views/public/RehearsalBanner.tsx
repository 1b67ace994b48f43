// "Rehearsal: not real results", first in every live section of a rehearsal's pages and
// widget: part of the section htmx refreshes, so it goes away on open pages once the
// election is made the real one.
import { rehearsalWords } from '../../src/results/rehearsal';


export function RehearsalBanner({ rehearsal }: { rehearsal: boolean }) {
  if (!rehearsal) return null;
  return (
    <p class="rehearsal-banner" role="note">
      <strong>{rehearsalWords}.</strong> These figures are a practice run, not the council's election results.
    </p>
  );
}
