// The count officer's phone pages: pick a ward, enter it, check it, declare it, correct it.
// Plain HTML forms throughout; htmx and views/client/officer.ts make them quicker.
import { Hono, type Context } from 'hono';
import type { Db } from '../../db/client';
import { setContestStatus } from '../../db/declarations';
import { pendingInElection } from '../../db/pendingDeclarations';
import { listElections, loadElection } from '../../db/results';
import { AwaitingPage } from '../../views/officer/AwaitingPage';
import { StatusBar } from '../../views/officer/ContestPage';
import { PublishedPage } from '../../views/officer/PublishedPage';
import { WardList, WardResults } from '../../views/officer/WardList';
import { ElectionsPage } from '../../views/officer/ElectionsPage';
import { requireRole } from '../auth/middleware';
import { confirmDeclaration } from '../declare/confirmDeclaration';
import { declareResult, loadContest, type DeclareRequest } from '../declare/declareResult';
import { requireIdempotencyKey } from '../declare/idempotencyKey';
import type { Answer } from '../declare/replay';
import { notDeclared } from '../declare/reviewModel';
import { isOpenContest } from '../declare/contestOpen';
import { ProblemsError, problemsFromZod, type Problem } from '../declare/problems';
import { declarationSubmission, statusSubmission, verificationSubmission, type DeclarationSubmission } from '../declare/submission';
import { settableStatuses, type SettableStatus } from '../domain/contestStatus';
import { verifyContest } from '../declare/verifyContest';
import { automaticStatusUpdate } from '../updates/statusUpdate';
import type { AppEnv } from '../env';
import { all, fieldName, formValues, statementFieldOf, submissionFromForm, verificationFromForm, type FormBody } from '../officer/entryForm';
import { actorOf } from './actor';
import { entryPage, reviewPage, statusPage } from './officerPages';
import { signedIn } from './signedIn';
import { officerContestPath, officerElectionPath } from '../http/paths';

type Ctx = Context<AppEnv>;

/** A status named in the address after a change: only a known status, never text from the URL. */
function changedStatus(value: string | undefined): SettableStatus | undefined {
  return settableStatuses.find((s) => s === value);
}

/** What a posted form asks of the declaring use cases. */
function formRequest(c: Ctx, contestId: string, submission: DeclarationSubmission, body: FormBody): DeclareRequest {
  const { user } = c.var.viewer!;
  return {
    contestId,
    submission,
    confirmedWarnings: all(body, fieldName.confirm),
    userId: user.id,
    userName: user.name,
    // A form without a key is a new submission; a key that is there must be one we keep.
    idempotencyKey: body[fieldName.key] ? requireIdempotencyKey(body[fieldName.key]) : crypto.randomUUID(),
    actor: actorOf(c),
    channels: c.var.channels,
  };
}

/** A declaration or confirmation the server refused: back to the review or the form, saying why. */
function refused(c: Ctx, contestId: string, body: FormBody, error: unknown) {
  if (!(error instanceof ProblemsError)) throw error;
  // Unticked warnings or an unresolved tie: back to the review, with the figures kept.
  if (error.problems.every((p) => p.field === 'acceptWarnings' || p.field === 'lotWinners')) {
    const unticked = error.problems.filter((p) => p.field === 'acceptWarnings').length;
    const lots = error.problems.filter((p) => p.field === 'lotWinners').map((p) => p.message);
    return reviewPage(c, contestId, body, 422, [...(unticked ? [notDeclared.warningsUnticked(unticked)] : []), ...lots].join(' '));
  }
  return entryPage(c, contestId, formValues(body), error.problems, error.status === 409 || error.status === 403 ? error.status : 422);
}

/**
 * The ward's form sent to declare (or confirm) it, and what became of it: published, awaiting
 * a second officer, or differing from the first entry; refused, back to the review or form.
 */
async function submitted(c: Ctx, submit: (db: Db, request: DeclareRequest) => Promise<Answer>) {
  const contestId = c.req.param('contestId')!;
  const body = await c.req.parseBody({ all: true });
  const { snapshot, contest } = await loadContest(c.var.db, contestId);
  const parsed = declarationSubmission.safeParse(submissionFromForm(body, contest));
  if (!parsed.success) return entryPage(c, contestId, formValues(body), problemsFromZod(parsed.error), 422);
  let answer: Answer;
  try {
    answer = await submit(c.var.db, formRequest(c, contestId, parsed.data, body));
  } catch (error) {
    return refused(c, contestId, body, error);
  }
  const electionId = snapshot.election.id;
  if (answer.status === 202) return c.html(<AwaitingPage electionId={electionId} answer={JSON.parse(answer.body)} signedIn={signedIn(c)} replayed={answer.replayed} />, 202);
  // The entries differ: the ward page again, with the differences and what was typed under a
  // new key (entered again, it is a new submission).
  if (answer.status === 409) return entryPage(c, contestId, { ...formValues(body), [fieldName.key]: '' }, [], 409);
  if (!answer.replayed) c.set('declared', true);
  return c.html(<PublishedPage electionId={electionId} result={JSON.parse(answer.body)} signedIn={signedIn(c)} replayed={answer.replayed} />, 201);
}

export const officer = new Hono<AppEnv>()
  .use('/officer', requireRole('officer'))
  .use('/officer/*', requireRole('officer'))
  .get('/officer', async (c) => {
    const elections = await listElections(c.var.db);
    if (elections.length === 1) return c.redirect(officerElectionPath(elections[0]!.id), 303);
    return c.html(<ElectionsPage elections={elections} signedIn={signedIn(c)} />);
  })
  .get('/officer/elections/:electionId', async (c) => {
    const snapshot = await loadElection(c.var.db, c.req.param('electionId'));
    if (!snapshot) return c.notFound();
    const query = c.req.query('q') ?? '';
    const awaiting = await pendingInElection(c.var.db, snapshot.election.id);
    if (c.req.header('hx-request')) {
      return c.html(<WardResults electionId={snapshot.election.id} contests={snapshot.contests} query={query} awaiting={awaiting} />);
    }
    return c.html(
      <WardList
        electionId={snapshot.election.id}
        electionName={snapshot.election.name}
        contests={snapshot.contests}
        query={query}
        awaiting={awaiting}
        secondPairOfEyes={snapshot.election.secondPairOfEyes}
        signedIn={signedIn(c)}
      />,
    );
  })
  .get('/officer/contests/:contestId', (c) =>
    entryPage(c, c.req.param('contestId'), null, [], 200, { changed: changedStatus(c.req.query('changed')) }, { justPublished: c.req.query('verified') === 'yes' }),
  )
  .post('/officer/contests/:contestId/verification', async (c) => {
    const contestId = c.req.param('contestId');
    const body = await c.req.parseBody();
    const parsed = verificationSubmission.safeParse(verificationFromForm(body));
    const refused = (problems: Problem[]) => {
      const errors = new Map<string, string>();
      for (const p of problems) {
        const field = statementFieldOf(p);
        errors.set(field.startsWith('statement.') ? field : 'general', p.message);
      }
      return entryPage(c, contestId, null, [], 422, {}, { values: formValues(body), errors });
    };
    if (!parsed.success) return refused(problemsFromZod(parsed.error));
    try {
      await verifyContest(c.var.db, contestId, parsed.data, actorOf(c));
    } catch (error) {
      if (!(error instanceof ProblemsError) || error.status !== 422) throw error;
      return refused(error.problems);
    }
    return c.redirect(`${officerContestPath(contestId)}?verified=yes#verification`, 303);
  })
  .post('/officer/contests/:contestId/edit', async (c) => entryPage(c, c.req.param('contestId'), formValues(await c.req.parseBody({ all: true }))))
  .post('/officer/contests/:contestId/review', async (c) => reviewPage(c, c.req.param('contestId'), await c.req.parseBody({ all: true })))
  .post('/officer/contests/:contestId/declare', (c) => submitted(c, declareResult))
  // A second officer's entry of a ward awaiting confirmation: published if every figure matches.
  .post('/officer/contests/:contestId/confirm', (c) => submitted(c, confirmDeclaration))
  .post('/officer/contests/:contestId/status', async (c) => {
    const contestId = c.req.param('contestId');
    const body = await c.req.parseBody();
    const parsed = statusSubmission.safeParse(body);
    const { snapshot, contest } = await loadContest(c.var.db, contestId);
    const open = isOpenContest(contest);
    // A status is public at once: the first press asks, the second (confirmed) publishes.
    const confirmed = body.confirmed === 'yes';
    const changed = parsed.success && open && confirmed ? parsed.data.status : undefined;
    if (changed) {
      const actor = actorOf(c);
      const update = await automaticStatusUpdate(c.var.db, snapshot.election, contest, changed, actor, c.var.channels);
      await setContestStatus(c.var.db, snapshot.election.id, contestId, changed, actor, null, update);
      // Its automatic update from the count is posted at once.
      if (update) c.set('declared', true);
    }
    const asking = parsed.success && open && !confirmed ? parsed.data.status : undefined;
    if (c.req.header('hx-request')) {
      const { contest: updated } = await loadContest(c.var.db, contestId);
      return c.html(<StatusBar contest={updated} csrfToken={signedIn(c).csrfToken} asking={asking} changed={changed} />);
    }
    if (asking) return statusPage(c, contestId, { asking });
    return c.redirect(`${officerContestPath(contestId)}${changed ? `?changed=${changed}` : ''}`, 303);
  });
