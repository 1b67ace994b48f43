// Admin → Elections → Edit → a ward: its name, seats, electorate, previous result and each
// candidate as on the ballot paper (names, description, party, and their place on it).
// Editable only while no result is in for the election.
import type { PartyChoice } from '../../src/setup/edit/editedDefinition';
import { wardField, type WardFormValues } from '../../src/setup/edit/wardForm';
import { Layout, type SignedIn } from '../Layout';
import { Box, EditForm, EditNotices, errorsByField, PartySelect, type EditState } from './DefinitionFormParts';
import { definitionPath, wardDefinitionPath } from './DefinitionPage';

export interface WardDefinitionPageProps {
  election: { id: string; name: string };
  ward: { id: string; name: string };
  parties: PartyChoice[];
  values: WardFormValues;
  basis: string;
  state: EditState;
  signedIn: SignedIn;
}

function Previous({ values, parties, errors }: { values: WardFormValues; parties: PartyChoice[]; errors: Map<string, string> }) {
  return (
    <fieldset>
      <legend>Previous result</legend>
      <p class="hint">Who held the ward's seats before this election, for gains and holds. Leave a row empty for none; a party not listed is added on the council's page.</p>
      {values.previous.map((row, i) => (
        <fieldset class="candidate">
          <legend>Previous result {i + 1}</legend>
          <PartySelect name={wardField.previousParty(i)} label={`Party ${i + 1}`} none="None" parties={parties} value={row.party} error={errors.get(wardField.previousParty(i))} />
          <Box name={wardField.previousSeats(i)} label={`Seats it held`} numeric value={row.seats} error={errors.get(wardField.previousSeats(i))} />
        </fieldset>
      ))}
    </fieldset>
  );
}

function Candidates({ values, parties, errors }: { values: WardFormValues; parties: PartyChoice[]; errors: Map<string, string> }) {
  return (
    <fieldset>
      <legend>Candidates</legend>
      <p class="hint">In the ballot paper's order. To change the order, give each candidate their position on the ballot paper (1 for the first).</p>
      {values.candidates.map((row, i) => {
        const field = (part: Parameters<typeof wardField.candidate>[1]) => wardField.candidate(i, part);
        const box = (part: Parameters<typeof wardField.candidate>[1], label: string, extra: { numeric?: boolean; hint?: string } = {}) => (
          <Box name={field(part)} label={label} value={row[part]} error={errors.get(field(part))} {...extra} />
        );
        return (
          <fieldset class="candidate">
            <legend>
              Candidate {i + 1}: {row.otherNames} {row.surname}
            </legend>
            {box('position', 'Position on the ballot paper', { numeric: true })}
            {box('surname', 'Surname')}
            {box('otherNames', 'Other names')}
            {box('knownAs', 'Known as (optional)', { hint: 'The name they use, when the ballot paper gives one.' })}
            {box('description', 'Description on the ballot paper')}
            <PartySelect name={field('party')} label="Party" parties={parties} value={row.party} error={errors.get(field('party'))} />
          </fieldset>
        );
      })}
    </fieldset>
  );
}

export function WardDefinitionPage({ election, ward, parties, values, basis, state, signedIn }: WardDefinitionPageProps) {
  const errors = errorsByField(state.problems);
  return (
    <Layout title={`${state.problems?.length || state.refused ? 'Error: ' : ''}Edit ${ward.name} · ${election.name} · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a> › <a href={definitionPath(election.id)}>Edit {election.name}</a>
      </p>
      <h1>{ward.name}</h1>
      <EditNotices state={state} electionName={election.name} />
      <EditForm action={wardDefinitionPath(election.id, ward.id)} csrf={signedIn.csrfToken} basis={basis} state={state} button={`Save ${ward.name}`}>
        <Box name={wardField.name} label="Ward name" value={values.name} error={errors.get(wardField.name)} />
        <Box name={wardField.seats} label="Seats up for election" numeric value={values.seats} error={errors.get(wardField.seats)} />
        <Box name={wardField.electorate} label="Electorate" hint="Electors on the register; 0 when not known yet." numeric value={values.electorate} error={errors.get(wardField.electorate)} />
        <Previous values={values} parties={parties} errors={errors} />
        <Candidates values={values} parties={parties} errors={errors} />
      </EditForm>
    </Layout>
  );
}
