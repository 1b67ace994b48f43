// Double entry: two officers' entries of one ward, figure by figure. Every figure the
// declaration publishes is compared (the verification figures, the electorate, each
// candidate's votes, each reason for rejection) and who won any drawing of lots; the
// differences come in the order of the form, named as the form names them.
import type { PendingSubmission } from '../../db/schema';
import type { EntryDifference } from '../results/publicSchemas';
import { rejectedBoxes, verificationBoxes, voteBox, type FormBox } from '../officer/entryForm';
import { figuresByField } from './reviewModel';

export interface NamedCandidate {
  id: string;
  name: string;
}

/** The form's boxes in page order, each with the API's name of its figure. */
function comparedFigures(candidates: NamedCandidate[]): { box: FormBox; field: string; candidate?: string }[] {
  return [
    ...verificationBoxes.map((box) => ({ box, field: box.name.replace(/^verified\./, 'ballotPapersVerified.') })),
    ...candidates.map((c, i) => ({ box: voteBox(c, i), field: 'votes', candidate: c.id })),
    ...rejectedBoxes.map((box) => ({ box, field: box.name })),
  ];
}

/** Every figure in which the second entry differs from the first; none when they match. */
export function entryDifferences(candidates: NamedCandidate[], first: PendingSubmission, second: PendingSubmission): EntryDifference[] {
  const [a, b] = [figuresByField(first), figuresByField(second)];
  const differences: EntryDifference[] = [];
  for (const { box, field, candidate } of comparedFigures(candidates)) {
    if (a[box.name] === b[box.name]) continue;
    differences.push({ field, ...(candidate ? { candidate } : {}), label: box.label, first: a[box.name] ?? 0, second: b[box.name] ?? 0 });
  }
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  const lots = (s: PendingSubmission) => (s.lotWinners ?? []).map((id) => names.get(id) ?? id).sort().join(', ') || 'none';
  if (lots(first) !== lots(second)) differences.push({ field: 'lotWinners', label: 'Won the drawing of lots', first: lots(first), second: lots(second) });
  return differences;
}
