// Admin → Elections → Edit → the council: the election's name, the seats on the whole
// council, who ran it before, and its parties (colour, councillors continuing, a party
// added, say one that held a ward before and stands nowhere tonight, or one removed that
// nothing names). As with a ward, the form's own rules are a form's; the definition's are
// the file's (editedDefinition.ts).
import { z } from 'zod';
import type { ElectionDefinition } from '../definition';
import { identifyParty, looseKey } from '../parties';
import type { DefinitionForm, FieldProblem, PartyChoice } from './editedDefinition';
import { boxOf, numberFrom, rowsSent, textOf, type FormBody } from './formValues';

type Party = NonNullable<ElectionDefinition['parties']>[number];

export interface CouncilFormValues {
  name: string;
  totalSeats: string;
  /** A party's id, or '' for no overall control. */
  previousControl: string;
  /** The election's parties, in the order the form lists them. */
  parties: { colour: string; continuing: string; remove: boolean }[];
  newParty: { name: string; colour: string; continuing: string };
}

export const councilField = {
  name: 'name',
  totalSeats: 'totalSeats',
  previousControl: 'previousControl',
  colour: (row: number) => `parties.${row}.colour`,
  continuing: (row: number) => `parties.${row}.continuing`,
  remove: (row: number) => `parties.${row}.remove`,
  newName: 'newParty.name',
  newColour: 'newParty.colour',
  newContinuing: 'newParty.continuing',
} as const;

/** More rows than any council has parties: a body claiming more is not this form's. */
const mostParties = 200;

/** The election's parties with their ids, as the forms list them. */
export function partyChoices(def: ElectionDefinition): PartyChoice[] {
  return (def.parties ?? []).map((p) => ({ id: p.id ?? p.name, name: p.name }));
}

export function councilFormValues(def: ElectionDefinition): CouncilFormValues {
  const continuing = new Map((def.continuing ?? []).map((c) => [c.party, c.seats]));
  return {
    name: def.name,
    totalSeats: boxOf(def.totalSeats),
    previousControl: partyChoices(def).find((p) => p.name === def.previousControl)?.id ?? '',
    parties: (def.parties ?? []).map((p) => ({ colour: p.colour ?? '', continuing: boxOf(continuing.get(p.name)), remove: false })),
    newParty: { name: '', colour: '', continuing: '' },
  };
}

export function readCouncilForm(body: FormBody): CouncilFormValues {
  const parties = rowsSent(body, councilField.colour, mostParties);
  return {
    name: textOf(body, councilField.name),
    totalSeats: textOf(body, councilField.totalSeats),
    previousControl: textOf(body, councilField.previousControl),
    parties: Array.from({ length: parties }, (_, row) => ({
      colour: textOf(body, councilField.colour(row)),
      continuing: textOf(body, councilField.continuing(row)),
      remove: textOf(body, councilField.remove(row)) === 'yes',
    })),
    newParty: { name: textOf(body, councilField.newName), colour: textOf(body, councilField.newColour), continuing: textOf(body, councilField.newContinuing) },
  };
}

/** Continuing councillors as typed: none when the box is empty or 0. */
const continues = (text: string) => text.trim() !== '' && numberFrom(text) !== 0;

/** Where in the election a party is named, in words; empty when nowhere (it may be removed). */
function usesOf(def: ElectionDefinition, name: string): string[] {
  const standing = def.contests.filter((c) => c.candidates.some((cand) => cand.party === name)).map((c) => c.name);
  const held = def.contests.filter((c) => c.previous?.some((p) => p.party === name)).map((c) => c.name);
  return [
    ...(standing.length ? [`its candidates stand in ${standing.join(', ')}`] : []),
    ...(held.length ? [`it held seats before in ${held.join(', ')}`] : []),
  ];
}

/** What only this form can get wrong. */
function formRules(def: ElectionDefinition) {
  const parties = def.parties ?? [];
  const choices = partyChoices(def);
  return z
    .object({
      previousControl: z.string().refine((id) => id === '' || choices.some((p) => p.id === id), 'Choose who ran the council before from the list'),
      parties: z.array(z.object({ continuing: z.string(), remove: z.boolean() })).length(parties.length, 'The parties changed since this page was opened: open it again'),
      newParty: z.object({ name: z.string().trim(), colour: z.string().trim(), continuing: z.string() }),
    })
    .superRefine((form, ctx) => {
      form.parties.forEach((row, i) => {
        if (!row.remove) return;
        const party = parties[i]!;
        const uses = [...usesOf(def, party.name), ...(choices[i]!.id === form.previousControl ? ['it ran the council before'] : []), ...(continues(row.continuing) ? ['it has councillors continuing'] : [])];
        if (uses.length) ctx.addIssue({ code: 'custom', path: ['parties', i, 'remove'], message: `${party.name} cannot be removed: ${uses.join('; ')}` });
      });
      const added = form.newParty;
      if (!added.name && (added.colour || continues(added.continuing))) {
        ctx.addIssue({ code: 'custom', path: ['newParty', 'name'], message: 'Give the new party its name, or leave its colour and councillors empty' });
      }
      if (added.name) {
        const { id } = identifyParty(added.name);
        const same = parties.find((p) => p.id === id || looseKey(p.name) === looseKey(added.name));
        if (same) ctx.addIssue({ code: 'custom', path: ['newParty', 'name'], message: `${same.name} is already a party in this election` });
      }
    });
}

export function applyCouncilForm(def: ElectionDefinition, values: CouncilFormValues): DefinitionForm {
  const parties = def.parties ?? [];
  const problems: FieldProblem[] = [];
  const checked = formRules(def).safeParse(values);
  for (const issue of checked.success ? [] : checked.error.issues) {
    const [section, row, part] = issue.path as [string, number | string, string];
    const field =
      section === 'previousControl' ? councilField.previousControl
      : section === 'newParty' ? councilField.newName
      : typeof row === 'number' && part === 'remove' ? councilField.remove(row)
      : null;
    problems.push({ field, message: issue.message });
  }

  // Each kept party with the form's colour (a colour box sends lower case: the same colour is no change).
  const kept = parties.map((party, formRow) => ({ party, formRow, row: values.parties[formRow] })).filter(({ row }) => row && !row.remove);
  const recoloured: { party: Party; formRow: number | 'new' }[] = kept.map(({ party, formRow, row }) => ({
    party: { ...party, colour: row!.colour.toLowerCase() === party.colour?.toLowerCase() ? party.colour : row!.colour },
    formRow,
  }));
  const added = values.newParty.name.trim();
  if (added) recoloured.push({ party: { name: added, ...(values.newParty.colour.trim() ? { colour: values.newParty.colour.trim() } : {}) }, formRow: 'new' });

  const continuing = [
    ...kept.filter(({ row }) => continues(row!.continuing)).map(({ party, formRow, row }) => ({ party: party.name, seats: numberFrom(row!.continuing), formRow: formRow as number | 'new' })),
    ...(added && continues(values.newParty.continuing) ? [{ party: added, seats: numberFrom(values.newParty.continuing), formRow: 'new' as const }] : []),
  ];
  const control = partyChoices(def).find((p) => p.id === values.previousControl);

  const fieldOf = (path: PropertyKey[]): string | null => {
    const [section, index] = path;
    if (section === 'name' || section === 'totalSeats' || section === 'previousControl') return councilField[section];
    const formRow = typeof index !== 'number' ? undefined : section === 'parties' ? recoloured[index]?.formRow : section === 'continuing' ? continuing[index]?.formRow : undefined;
    if (formRow === undefined) return null;
    if (formRow === 'new') return section === 'continuing' ? councilField.newContinuing : path.at(-1) === 'colour' ? councilField.newColour : councilField.newName;
    return section === 'continuing' ? councilField.continuing(formRow) : councilField.colour(formRow);
  };

  return {
    draft: {
      ...def,
      name: values.name,
      totalSeats: numberFrom(values.totalSeats),
      previousControl: control?.name ?? null,
      parties: recoloured.map((r) => r.party),
      continuing: continuing.map(({ party, seats }) => ({ party, seats })),
    },
    problems,
    fieldOf,
  };
}
