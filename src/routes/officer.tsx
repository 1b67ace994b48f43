// The count officer's phone pages: pick a ward, enter it, check it, declare it, correct it.
// Plain HTML forms throughout; htmx and views/client/officer.ts make them quicker.
import { Hono, type Context } from 'hono';
import { setContestStatus } from '../../db/declarations';
import { listElections, loadElection, type ContestSnapshot } from '../../db/results';
import { ContestPage, StatusBar } from '../../views/officer/ContestPage';
import { EntryForm } from '../../views/officer/EntryForm';
import { PublishedPage } from '../../views/officer/PublishedPage';
import { ReviewPanel } from '../../views/officer/ReviewPanel';
import { WardList, WardResults } from '../../views/officer/WardList';
import { Layout } from '../../views/Layout';
import { requireRole } from '../auth/middleware';
import { declaredFigures, declareResult, loadContest, reviewContest, reviewOfSubmission, statementBeforeDeclaring } from '../declare/declareResult';
import { requireIdempotencyKey, validIdempotencyKey } from '../declare/idempotencyKey';
import { notDeclared } from '../declare/reviewModel';
import { isOpenWard } from '../declare/wardOpen';
import { ProblemsError, problemsFromZod, type Problem } from '../declare/problems';
import { declarationSubmission, statusChoices, statusSubmission, verificationSubmission, type StatusChoice } from '../declare/submission';
import { verifyContest } from '../declare/verifyContest';
import { automaticStatusUpdate } from '../updates/statusUpdate';
import { turnoutPercent, verifiedTotal } from '../domain';
import { VerificationPanel } from '../../views/officer/VerificationPanel';
import type { AppEnv } from '../env';
import {
  all,
  fieldName,
  formFieldOf,
  formValues,
  rejectedFields,
  statementFieldOf,
  submissionFromForm,
  verificationFromForm,
  type FormBody,
  type FormValues,
} from '../officer/entryForm';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;


/** What the form shows first: the last declared figures when correcting, else the electorate and the verification statement. */
function initialValues(contest: ContestSnapshot): FormValues {
  const latest = contest.versions.at(-1);
  // Empty boxes, not "0": a figure typed after a pre-filled 0 became "03" or "30". An empty
  // rejected box counts as none, and the review shows it as 0.
  if (!latest) {
    // The verification statement published before the count is where the declaration starts.
    const verified = contest.verifiedPollingStations !== null && contest.verifiedPostal !== null;
    return {
      [fieldName.electorate]: String(contest.electorate),
      ...(verified ? { [fieldName.pollingStations]: String(contest.verifiedPollingStations), [fieldName.postal]: String(contest.verifiedPostal) } : {}),
    };
  }
  return {
    ...Object.fromEntries(latest.votes.map((v) => [fieldName.votes(v.candidateId), String(v.votes)])),
    [fieldName.rejected('noOfficialMark')]: String(latest.rejectedNoOfficialMark),
    [fieldName.rejected('tooManyVotes')]: String(latest.rejectedTooManyVotes),
    [fieldName.rejected('identifiable')]: String(latest.rejectedIdentifiable),
    [fieldName.rejected('unmarkedOrUncertain')]: String(latest.rejectedUnmarkedOrUncertain),
    [fieldName.pollingStations]: String(latest.verifiedPollingStations),
    [fieldName.postal]: String(latest.verifiedPostal),
    [fieldName.electorate]: String(latest.electorate),
  };
}

interface StatementState {
  values?: FormValues;
  errors?: Map<string, string>;
  justPublished?: boolean;
}

function publishedStatement(contest: ContestSnapshot) {
  if (contest.verifiedPollingStations === null || contest.verifiedPostal === null || contest.verifiedAt === null) return null;
  const total = verifiedTotal({ pollingStations: contest.verifiedPollingStations, postal: contest.verifiedPostal });
  return { total, turnoutPercent: turnoutPercent(total, contest.electorate), at: contest.verifiedAt };
}

/** A status named in the address after a change: only a known status, never text from the URL. */
function changedStatus(value: string | undefined): StatusChoice | undefined {
  return statusChoices.find((s) => s === value);
}

/** The ward page with only its status bar asking to confirm (the path without JavaScript). */
async function statusPage(c: Ctx, contestId: string, status: { asking: StatusChoice }) {
  const { snapshot, contest } = await loadContest(c.var.db, contestId);
  return c.html(<ContestPage electionId={snapshot.election.id} contest={contest} signedIn={signedIn(c)} status={status}>{null}</ContestPage>);
}

async function entryPage(
  c: Ctx,
  contestId: string,
  values: FormValues | null,
  problems: Problem[] = [],
  status: 200 | 409 | 422 = 200,
  statusNotice: { changed?: StatusChoice } = {},
  statement: StatementState = {},
) {
  const { snapshot, contest } = await loadContest(c.var.db, contestId);
  const errors = new Map<string, string>();
  const general: string[] = [];
  for (const p of problems) {
    const field = formFieldOf(p, contest);
    if (field === 'votes' || field === 'contestId' || field === 'Idempotency-Key' || field === 'body') general.push(p.message);
    else if (!errors.has(field)) errors.set(field, p.message);
  }
  // Problems whose field has no input on this form still need saying.
  const shown = new Set(['reason', ...contest.candidates.map((x) => fieldName.votes(x.id)), ...rejectedFields.map((r) => fieldName.rejected(r)), fieldName.pollingStations, fieldName.postal, fieldName.electorate]);
  for (const [field, message] of errors) if (!shown.has(field)) general.push(message);
  return c.html(
    <ContestPage electionId={snapshot.election.id} contest={contest} signedIn={signedIn(c)} status={statusNotice} hasError={problems.length > 0 || (statement.errors?.size ?? 0) > 0}>
      {contest.versions.length === 0 && isOpenWard(contest) && contest.status !== 'postponed' && (
        <VerificationPanel
          contestId={contest.id}
          contestName={contest.name}
          published={publishedStatement(contest)}
          values={statement.values ?? {}}
          errors={statement.errors ?? new Map()}
          csrfToken={signedIn(c).csrfToken}
          justPublished={statement.justPublished}
        />
      )}
      <EntryForm
        contest={contest}
        parties={new Map(snapshot.parties.map((p) => [p.id, p]))}
        values={values ?? initialValues(contest)}
        errors={errors}
        general={general}
        csrfToken={signedIn(c).csrfToken}
        idempotencyKey={validIdempotencyKey(values?.[fieldName.key]) ?? crypto.randomUUID()}
        declared={declaredFigures(contest)}
        statement={statementBeforeDeclaring(contest)}
      />
    </ContestPage>,
    status,
  );
}

async function reviewPage(c: Ctx, contestId: string, body: FormBody, status: 200 | 422 = 200, problem?: string) {
  const loaded = await loadContest(c.var.db, contestId);
  const parsed = declarationSubmission.safeParse(submissionFromForm(body, loaded.contest));
  if (!parsed.success) return entryPage(c, contestId, formValues(body), problemsFromZod(parsed.error), 422);
  try {
    // Refuses candidates or figures that do not fit the ward, as declaring would.
    reviewContest(loaded, parsed.data);
    return c.html(
      <ContestPage electionId={loaded.snapshot.election.id} contest={loaded.contest} signedIn={signedIn(c)} hasError={status !== 200}>
        <ReviewPanel
          contestId={contestId}
          model={reviewOfSubmission(loaded, parsed.data)}
          values={formValues(body)}
          csrfToken={signedIn(c).csrfToken}
          problem={problem}
        />
      </ContestPage>,
      status,
    );
  } catch (error) {
    if (error instanceof ProblemsError && error.status === 422) return entryPage(c, contestId, formValues(body), error.problems, 422);
    throw error;
  }
}

export const officer = new Hono<AppEnv>()
  .use('/officer', requireRole('officer'))
  .use('/officer/*', requireRole('officer'))
  .get('/officer', async (c) => {
    const elections = await listElections(c.var.db);
    if (elections.length === 1) return c.redirect(`/officer/elections/${encodeURIComponent(elections[0]!.id)}`, 303);
    return c.html(
      <Layout title="Elections · Declare" signedIn={signedIn(c)}>
        <h1>Elections</h1>
        <ul class="wards">
          {elections.map((e) => (
            <li>
              <a href={`/officer/elections/${encodeURIComponent(e.id)}`}>{e.name}</a>
            </li>
          ))}
        </ul>
        {elections.length === 0 && <p>No election is set up yet: import one with <code>npm run cli -- import file.json</code>.</p>}
      </Layout>,
    );
  })
  .get('/officer/elections/:electionId', async (c) => {
    const snapshot = await loadElection(c.var.db, c.req.param('electionId'));
    if (!snapshot) return c.notFound();
    const query = c.req.query('q') ?? '';
    if (c.req.header('hx-request')) {
      return c.html(<WardResults electionId={snapshot.election.id} contests={snapshot.contests} query={query} />);
    }
    return c.html(
      <WardList electionId={snapshot.election.id} electionName={snapshot.election.name} contests={snapshot.contests} query={query} signedIn={signedIn(c)} />,
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
    return c.redirect(`/officer/contests/${encodeURIComponent(contestId)}?verified=yes#verification`, 303);
  })
  .post('/officer/contests/:contestId/edit', async (c) => entryPage(c, c.req.param('contestId'), formValues(await c.req.parseBody({ all: true }))))
  .post('/officer/contests/:contestId/review', async (c) => reviewPage(c, c.req.param('contestId'), await c.req.parseBody({ all: true })))
  .post('/officer/contests/:contestId/declare', async (c) => {
    const contestId = c.req.param('contestId');
    const body = await c.req.parseBody({ all: true });
    const { snapshot, contest } = await loadContest(c.var.db, contestId);
    const parsed = declarationSubmission.safeParse(submissionFromForm(body, contest));
    if (!parsed.success) return entryPage(c, contestId, formValues(body), problemsFromZod(parsed.error), 422);
    try {
      const answer = await declareResult(c.var.db, {
        contestId,
        submission: parsed.data,
        confirmedWarnings: all(body, fieldName.confirm),
        userId: c.var.viewer!.user.id,
        // A form without a key is a new submission; a key that is there must be one we keep.
        idempotencyKey: body[fieldName.key] ? requireIdempotencyKey(body[fieldName.key]) : crypto.randomUUID(),
        actor: actorOf(c),
        channels: c.var.channels,
      });
      if (!answer.replayed) c.set('declared', true);
      return c.html(
        <PublishedPage electionId={snapshot.election.id} result={JSON.parse(answer.body)} signedIn={signedIn(c)} replayed={answer.replayed} />,
        201,
      );
    } catch (error) {
      if (!(error instanceof ProblemsError)) throw error;
      // Unticked warnings or an unresolved tie: back to the review, with the figures kept.
      if (error.problems.every((p) => p.field === 'acceptWarnings' || p.field === 'lotWinners')) {
        const unticked = error.problems.filter((p) => p.field === 'acceptWarnings').length;
        const lots = error.problems.filter((p) => p.field === 'lotWinners').map((p) => p.message);
        return reviewPage(c, contestId, body, 422, [...(unticked ? [notDeclared.warningsUnticked(unticked)] : []), ...lots].join(' '));
      }
      return entryPage(c, contestId, formValues(body), error.problems, error.status === 409 ? 409 : 422);
    }
  })
  .post('/officer/contests/:contestId/status', async (c) => {
    const contestId = c.req.param('contestId');
    const body = await c.req.parseBody();
    const parsed = statusSubmission.safeParse(body);
    const { snapshot, contest } = await loadContest(c.var.db, contestId);
    const open = isOpenWard(contest);
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
    return c.redirect(`/officer/contests/${encodeURIComponent(contestId)}${changed ? `?changed=${changed}` : ''}`, 303);
  });
