// Admin → Elections → Edit: an election's definition on forms, the council's part and each
// ward's, while no result is in. Each save is checked by the definition file's own rules and
// written like an import, with an audit entry saying what changed (src/setup/edit/).
import { Hono, type Context } from 'hono';
import { loadElection } from '../../db/results';
import { countDeclarations, DefinitionChangedError, DefinitionLockedError } from '../../db/setup';
import { DefinitionPage, definitionPath, wardDefinitionPath } from '../../views/admin/DefinitionPage';
import type { EditState } from '../../views/admin/DefinitionFormParts';
import { WardDefinitionPage } from '../../views/admin/WardDefinitionPage';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { applyCouncilForm, councilFormValues, partyChoices, readCouncilForm, type CouncilFormValues } from '../setup/edit/councilForm';
import { definitionOf } from '../setup/edit/definitionOf';
import { saveEditedDefinition, type DefinitionForm } from '../setup/edit/editedDefinition';
import type { FormBody } from '../setup/edit/formValues';
import { applyWardForm, readWardForm, wardFormValues, type WardFormValues } from '../setup/edit/wardForm';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

/** The election as its edit pages need it: its definition, whether results are in, its change stamp. */
async function editing(c: Ctx) {
  const snapshot = await loadElection(c.var.db, c.req.param('electionId') ?? '');
  if (!snapshot) return null;
  const definition = definitionOf(snapshot);
  return { definition, basis: snapshot.election.updatedAt, state: { results: await countDeclarations(c.var.db, definition.id) } as EditState };
}
type Editing = NonNullable<Awaited<ReturnType<typeof editing>>>;

/** The ward named in the address, with the election and its parties to choose from. */
async function editingWard(c: Ctx) {
  const e = await editing(c);
  const index = e?.definition.contests.findIndex((w) => w.id === c.req.param('contestId')) ?? -1;
  if (!e || index < 0) return null;
  return { e, index, ward: e.definition.contests[index]!, parties: partyChoices(e.definition) };
}

/**
 * Saves what a form made of the definition, or says why not: with the form as typed when a
 * box is at fault, or as the election now stands when it changed under the form (typed
 * values from a stale form saved again would undo the other change).
 */
async function save<V>(
  c: Ctx,
  e: Editing,
  body: FormBody,
  values: { typed: V; now: V },
  form: () => DefinitionForm,
  show: (state: EditState, values: V, status: 409 | 422) => Response | Promise<Response>,
  done: string,
) {
  const refused = (words: string) => show({ ...e.state, refused: words }, values.now, 409);
  if (e.state.results > 0) return refused(`Results have been entered for ${e.definition.name}, so its definition can no longer be changed.`);
  const changedMeanwhile = `${e.definition.name} was changed by someone else after you opened this page: the form now shows it as it stands. Make your change again.`;
  if (body.basis !== e.basis) return refused(changedMeanwhile);
  try {
    const outcome = await saveEditedDefinition(c.var.db, e.definition, form(), e.basis, actorOf(c));
    if (!outcome.saved) return show({ ...e.state, problems: outcome.problems }, values.typed, 422);
    return c.redirect(`${done}?saved=${outcome.changes.length}`, 303);
  } catch (error) {
    if (error instanceof DefinitionLockedError) return refused(`A result was entered for ${e.definition.name} just now, so its definition can no longer be changed.`);
    if (error instanceof DefinitionChangedError) {
      return refused(`${e.definition.name} was changed by someone else at the same moment. Open this page again to see it as it now stands, then make your change.`);
    }
    throw error;
  }
}

/** The notice after a save, from `?saved=<number of changes>`. */
function savedState(c: Ctx, state: EditState): EditState {
  const saved = c.req.query('saved');
  if (saved === undefined) return state;
  return { ...state, saved: saved === '0' ? 'Nothing was changed: the form was saved as it stood.' : 'Saved. The public pages show it now, and the audit log says what changed.' };
}

export const adminDefinition = new Hono<AppEnv>()
  .use('/admin/elections/*', requireRole('admin'))
  .get('/admin/elections/:electionId/edit', async (c) => {
    const e = await editing(c);
    if (!e) return c.notFound();
    return c.html(<DefinitionPage definition={e.definition} values={councilFormValues(e.definition)} basis={e.basis} state={savedState(c, e.state)} signedIn={signedIn(c)} />);
  })
  .post('/admin/elections/:electionId/edit', async (c) => {
    const e = await editing(c);
    if (!e) return c.notFound();
    const body = await c.req.parseBody();
    const typed = readCouncilForm(body);
    const show = (state: EditState, values: CouncilFormValues, status: 409 | 422) =>
      c.html(<DefinitionPage definition={e.definition} values={values} basis={e.basis} state={state} signedIn={signedIn(c)} />, status);
    const values = { typed, now: councilFormValues(e.definition) };
    return save(c, e, body, values, () => applyCouncilForm(e.definition, typed), show, definitionPath(e.definition.id));
  })
  .get('/admin/elections/:electionId/edit/wards/:contestId', async (c) => {
    const found = await editingWard(c);
    if (!found) return c.notFound();
    const { e, ward, parties } = found;
    return c.html(
      <WardDefinitionPage election={e.definition} ward={ward} parties={parties} values={wardFormValues(ward, parties)} basis={e.basis} state={savedState(c, e.state)} signedIn={signedIn(c)} />,
    );
  })
  .post('/admin/elections/:electionId/edit/wards/:contestId', async (c) => {
    const found = await editingWard(c);
    if (!found) return c.notFound();
    const { e, index, ward, parties } = found;
    const body = await c.req.parseBody();
    const typed = readWardForm(body, ward.candidates.length);
    const show = (state: EditState, values: WardFormValues, status: 409 | 422) =>
      c.html(<WardDefinitionPage election={e.definition} ward={ward} parties={parties} values={values} basis={e.basis} state={state} signedIn={signedIn(c)} />, status);
    const values = { typed, now: wardFormValues(ward, parties) };
    return save(c, e, body, values, () => applyWardForm(e.definition, index, typed, parties), show, wardDefinitionPath(e.definition.id, ward.id));
  });
