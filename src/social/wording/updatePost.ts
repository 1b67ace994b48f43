// The words of a post about an update from the count: the officer's words as typed, after a
// few of ours, and the link to where the update is shown. A correction and a withdrawal
// follow the first post up (replying where the platform can), so they say which they are.
// An update is at most 280 characters, so on X (280, the link 23) and Bluesky (300) the
// words are cut with "…" when they do not fit whole; never the link. Pure.
import { isolateDirection } from '../../domain/text';
import type { Composed } from './compose';
import { graphemes } from './measure';
import type { UpdatePostKind } from './defaults';
import type { WordingRules } from './rules';

export interface UpdateFacts {
  electionId: string;
  updateId: string;
  version: number;
  /** The words of this version (a withdrawal keeps the last words). */
  text: string;
  /** The ward it is about, or null for the whole count. */
  ward: string | null;
}

/** Ours, before the officer's words. */
function lead(kind: UpdatePostKind, ward: string | null, text: string): string {
  // The ward is said unless the words already name it ("A recount in Rainham North").
  const named = ward !== null && !text.toLocaleLowerCase('en-GB').includes(ward.toLocaleLowerCase('en-GB')) ? isolateDirection(ward) : null;
  const about = named === null ? '' : ` about ${named}`;
  switch (kind) {
    case 'update':
      return `From the count${named === null ? '' : `, ${named}`}: `;
    case 'update-correction':
      return `Correction to our update from the count${about}: `;
    case 'update-withdrawal':
      return `Withdrawn: our update from the count${about} no longer stands: `;
  }
}

export function composeUpdatePost(facts: UpdateFacts, kind: UpdatePostKind, link: string, rules: WordingRules): Composed {
  const linkText = rules.linkText(link);
  const before = lead(kind, facts.ward, facts.text);
  // People's words: set apart when they hold a direction control, so nothing typed can turn
  // round the link after them. Set apart after any cut, so a cut can never leave one open.
  const render = (words: string) => {
    const shown = isolateDirection(words);
    return `${before}${kind === 'update-withdrawal' ? `“${shown}”` : shown} ${linkText}`;
  };
  const fits = (text: string) => rules.measure(text) <= rules.limit;
  const done = (text: string): Composed => ({ text, linkText, length: rules.measure(text), limit: rules.limit });
  if (fits(render(facts.text))) return done(render(facts.text));
  // Too long: whole words go from the end first, then letters, with "…" where they were cut.
  const words = facts.text.split(' ');
  while (words.length > 1) {
    words.pop();
    const cut = render(`${words.join(' ').trimEnd()}…`);
    if (fits(cut)) return done(cut);
  }
  const letters = graphemes(facts.text);
  while (letters.length > 0) {
    letters.pop();
    const cut = render(`${letters.join('').trimEnd()}…`);
    if (fits(cut)) return done(cut);
  }
  return done(`${before.trimEnd()} ${linkText}`);
}
