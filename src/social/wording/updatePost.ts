// The words of a post about an update from the count: the officer's words as typed, after a
// few of ours, and the link to where the update is shown. A correction and a withdrawal
// follow the first post up (replying where the platform can), so they say which they are.
// An update is at most 280 characters, so on X (280, the link 23) and Bluesky (300) the
// words are cut with "…" when they do not fit whole; never the link. Pure.
import { isolateDirection } from '../../domain/text';
import { cutToFit, type Composed } from './compose';
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
  // People's words: set apart when they hold a direction control, so nothing typed can turn
  // round the link after them.
  const words = isolateDirection(facts.text);
  const quoted = kind === 'update-withdrawal' ? `“${words}”` : words;
  const full = `${lead(kind, facts.ward, facts.text)}${quoted} ${linkText}`;
  const text = rules.measure(full) <= rules.limit ? full : cutToFit(full, linkText, rules);
  return { text, linkText, length: rules.measure(text), limit: rules.limit };
}
