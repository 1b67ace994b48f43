// Admin → Elections → Edit: the council's part of an election's definition (its name, the
// seats on the whole council, who ran it before, its parties) and every ward, each with a link
// to its own form. Editable only while no result is in.
import { countOf, formatNumber } from '../../src/domain';
import type { ElectionDefinition } from '../../src/setup/definition';
import { councilField, partyChoices, type CouncilFormValues } from '../../src/setup/edit/councilForm';
import { neutralColour } from '../../src/setup/parties';
import { Layout, type SignedIn } from '../Layout';
import { PartySwatch } from '../shared/PartySwatch';
import { Box, boxId, EditForm, EditNotices, errorsByField, PartySelect, type EditState } from './DefinitionFormParts';

export const definitionPath = (electionId: string) => `/admin/elections/${encodeURIComponent(electionId)}/edit`;
export const wardDefinitionPath = (electionId: string, contestId: string) => `${definitionPath(electionId)}/wards/${encodeURIComponent(contestId)}`;

export interface DefinitionPageProps {
  definition: ElectionDefinition;
  values: CouncilFormValues;
  /** The election's updatedAt when the page was made: the form carries it back. */
  basis: string;
  state: EditState;
  signedIn: SignedIn;
}

function Parties({ definition, values, errors }: { definition: ElectionDefinition; values: CouncilFormValues; errors: Map<string, string> }) {
  const parties = definition.parties ?? [];
  return (
    <fieldset>
      <legend>Parties</legend>
      <p class="hint">A party's colour is used for its bars and swatches. Councillors continuing are those not up for election this time.</p>
      {parties.map((party, row) => {
        const typed = values.parties[row];
        const removeId = boxId(councilField.remove(row));
        return (
          <fieldset class="candidate">
            <legend>
              <PartySwatch colour={party.colour ?? neutralColour} /> {party.name}
            </legend>
            <Box name={councilField.colour(row)} label={`Colour of ${party.name}`} type="color" value={typed?.colour ?? ''} error={errors.get(councilField.colour(row))} />
            <Box name={councilField.continuing(row)} label={`Councillors continuing for ${party.name}`} numeric value={typed?.continuing ?? ''} error={errors.get(councilField.continuing(row))} />
            {errors.get(councilField.remove(row)) && (
              <span class="error" id={`${removeId}-error`}>
                {errors.get(councilField.remove(row))}
              </span>
            )}
            <label class="check" for={removeId}>
              <input type="checkbox" id={removeId} name={councilField.remove(row)} value="yes" checked={typed?.remove} /> Remove {party.name} (only when nothing names it)
            </label>
          </fieldset>
        );
      })}
      <fieldset class="candidate">
        <legend>Add a party</legend>
        <p class="hint">For example one that held a ward before and stands nowhere this time.</p>
        <Box name={councilField.newName} label="Name of the new party" value={values.newParty.name} error={errors.get(councilField.newName)} />
        <Box name={councilField.newColour} label="Its colour, like #1a2b3c (leave empty for the usual one, or grey)" value={values.newParty.colour} error={errors.get(councilField.newColour)} />
        <Box name={councilField.newContinuing} label="Its councillors continuing" numeric value={values.newParty.continuing} error={errors.get(councilField.newContinuing)} />
      </fieldset>
    </fieldset>
  );
}

function Wards({ definition }: { definition: ElectionDefinition }) {
  return (
    <table class="votes" aria-labelledby="wards-heading">
      <thead>
        <tr>
          <th scope="col">Ward</th>
          <th scope="col" class="num">Seats</th>
          <th scope="col" class="num">Electorate</th>
        </tr>
      </thead>
      <tbody>
        {definition.contests.map((c) => (
          <tr>
            <th scope="row">
              <a href={wardDefinitionPath(definition.id, c.id)}>{c.name}</a> <span class="muted">({countOf(c.candidates.length, 'candidate', 'candidates')})</span>
            </th>
            <td class="num">{formatNumber(c.seats)}</td>
            <td class="num">{c.electorate > 0 ? formatNumber(c.electorate) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DefinitionPage({ definition, values, basis, state, signedIn }: DefinitionPageProps) {
  const errors = errorsByField(state.problems);
  const seats = definition.contests.reduce((sum, c) => sum + c.seats, 0);
  return (
    <Layout title={`${state.problems?.length || state.refused ? 'Error: ' : ''}Edit ${definition.name} · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Edit {definition.name}</h1>
      <p>
        {definition.organisation}, {definition.date}: {countOf(definition.contests.length, 'ward', 'wards')}, {countOf(seats, 'seat', 'seats')} up for election.
        Changes show on the public pages as soon as they are saved, and each is in the audit log.
      </p>
      <EditNotices state={state} electionName={definition.name} />
      <h2 id="wards-heading">Wards</h2>
      <p>Each ward's seats, electorate, previous result and candidates are on its own page.</p>
      <Wards definition={definition} />
      <h2>The council</h2>
      <EditForm action={definitionPath(definition.id)} csrf={signedIn.csrfToken} basis={basis} state={state} button="Save the council's details">
        <Box name={councilField.name} label="Name of the election" value={values.name} error={errors.get(councilField.name)} />
        <Box
          name={councilField.totalSeats}
          label="Seats on the whole council"
          hint="Every seat, those not up for election this time included."
          numeric
          value={values.totalSeats}
          error={errors.get(councilField.totalSeats)}
        />
        <PartySelect
          name={councilField.previousControl}
          label="Who ran the council before"
          none="No overall control"
          parties={partyChoices(definition)}
          value={values.previousControl}
          error={errors.get(councilField.previousControl)}
        />
        <Parties definition={definition} values={values} errors={errors} />
      </EditForm>
    </Layout>
  );
}
