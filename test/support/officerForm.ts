// The officer's phone form as a person fills it in for a Medway ward (figures typed with
// commas, as people type them): what the route suites post without JavaScript.
import { fieldName } from '../../src/officer/entryForm';
import type { DeclarationSubmission } from '../../src/declare/submission';
import type { harness } from './harness';

/** The form fields for a submission of a ward. */
export function formOf(body: DeclarationSubmission, electorate = '3,495'): Record<string, string> {
  const form: Record<string, string> = {
    [fieldName.pollingStations]: body.ballotPapersVerified.pollingStations.toLocaleString('en-GB'),
    [fieldName.postal]: String(body.ballotPapersVerified.postal),
    [fieldName.electorate]: electorate,
    [fieldName.key]: crypto.randomUUID(),
  };
  for (const v of body.votes) form[fieldName.votes(v.candidate)] = v.votes.toLocaleString('en-GB');
  for (const [reason, n] of Object.entries(body.rejected)) form[`rejected.${reason}`] = String(n);
  return form;
}

/** The form fields an officer fills in for a Medway ward, with its declared figures. */
export async function medwayForm(h: Awaited<ReturnType<typeof harness>>, name: string) {
  const { contestId, body } = await h.medwaySubmission(name);
  return { contestId, form: formOf(body) };
}
