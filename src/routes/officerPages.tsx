// The officer's ward page in its states: the entry form (or, with a second pair of eyes,
// the entry awaiting confirmation and the form to confirm or fix it), the review, the
// status question. Shared by the routes in officer.tsx, which only validate and call these.
import type { Context } from 'hono';
import { findPendingDeclaration, type PendingEntry } from '../../db/pendingDeclarations';
import type { ContestSnapshot } from '../../db/results';
import { AwaitingPanel } from '../../views/officer/AwaitingPanel';
import { ContestPage } from '../../views/officer/ContestPage';
import { EntryForm } from '../../views/officer/EntryForm';
import { ReviewPanel } from '../../views/officer/ReviewPanel';
import { VerificationPanel } from '../../views/officer/VerificationPanel';
import { entryModeOf, pendingDifferences, type EntryMode } from '../declare/awaitingConfirmation';
import { declaredFigures, loadContest, reviewContest, reviewOfSubmission, statementBeforeDeclaring, type ElectionOfContest } from '../declare/declareResult';
import { validIdempotencyKey } from '../declare/idempotencyKey';
import { ProblemsError, problemsFromZod, type Problem } from '../declare/problems';
import { figuresByField } from '../declare/reviewModel';
import { declarationSubmission } from '../declare/submission';
import type { SettableStatus } from '../domain/contestStatus';
import { isOpenContest } from '../declare/contestOpen';
import { turnoutPercent, verificationStatementOf, verifiedTotal } from '../domain';
import type { AppEnv } from '../env';
import { fieldName, formFieldOf, formValues, rejectedFields, submissionFromForm, type FormBody, type FormValues } from '../officer/entryForm';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

/** A ward as this officer works on it: the ward, any entry awaiting confirmation, and what the form does. */
interface OfficerWard {
  snapshot: ElectionOfContest;
  contest: ContestSnapshot;
  pending: PendingEntry | null;
  mode: EntryMode;
}

async function officerWard(c: Ctx, contestId: string): Promise<OfficerWard> {
  const { snapshot, contest } = await loadContest(c.var.db, contestId);
  const pending = await findPendingDeclaration(c.var.db, contest.id);
  return { snapshot, contest, pending, mode: entryModeOf(snapshot.election.secondPairOfEyes, pending, c.var.viewer!.user.id) };
}

const asValues = (figures: Record<string, number>): FormValues => Object.fromEntries(Object.entries(figures).map(([name, n]) => [name, String(n)]));

/**
 * What the form shows first: the officer's own entry awaiting confirmation (to fix it); to an
 * officer confirming another's entry, only the electorate (they type every counted figure
 * blind); the last declared figures when correcting; else the electorate and the
 * verification statement.
 */
function initialValues({ contest, pending, mode }: OfficerWard): FormValues {
  if (mode === 'confirm') return { [fieldName.electorate]: String(contest.electorate) };
  if (pending) return { ...asValues(figuresByField(pending.submission)), ...(pending.submission.reason ? { [fieldName.reason]: pending.submission.reason } : {}) };
  const declared = declaredFigures(contest);
  if (declared) return asValues(declared);
  // Empty boxes, not "0": a figure typed after a pre-filled 0 became "03" or "30". An empty
  // rejected box counts as none, and the review shows it as 0. The verification statement
  // published before the count is where the declaration starts.
  const statement = verificationStatementOf(contest);
  return {
    [fieldName.electorate]: String(contest.electorate),
    ...(statement ? { [fieldName.pollingStations]: String(statement.papers.pollingStations), [fieldName.postal]: String(statement.papers.postal) } : {}),
  };
}

export interface StatementState {
  values?: FormValues;
  errors?: Map<string, string>;
  justPublished?: boolean;
}

function publishedStatement(contest: ContestSnapshot) {
  const statement = verificationStatementOf(contest);
  if (!statement) return null;
  const total = verifiedTotal(statement.papers);
  return { total, turnoutPercent: turnoutPercent(total, contest.electorate), at: statement.at };
}

/** The entry awaiting confirmation, as this officer may see it (the differences only to the two whose entries differ). */
function Awaiting({ ward, userId }: { ward: OfficerWard; userId: string }) {
  const { pending, contest } = ward;
  if (!pending) return null;
  const yours = pending.enteredBy === userId;
  const differences = yours || pending.secondBy === userId ? pendingDifferences(contest, pending) : null;
  const mismatch = differences && pending.secondAt ? { by: pending.secondByName ?? '', at: pending.secondAt, differences } : null;
  return (
    <AwaitingPanel contestId={contest.id} version={pending.version} enteredBy={pending.enteredByName} enteredAt={pending.enteredAt} yours={yours} mismatch={mismatch} />
  );
}

/** The ward page with only its status bar asking to confirm (the path without JavaScript). */
export async function statusPage(c: Ctx, contestId: string, status: { asking: SettableStatus }) {
  const { snapshot, contest } = await loadContest(c.var.db, contestId);
  return c.html(
    <ContestPage electionId={snapshot.election.id} contest={contest} signedIn={signedIn(c)} secondPairOfEyes={snapshot.election.secondPairOfEyes} status={status}>
      {null}
    </ContestPage>,
  );
}

export async function entryPage(
  c: Ctx,
  contestId: string,
  values: FormValues | null,
  problems: Problem[] = [],
  status: 200 | 403 | 409 | 422 = 200,
  statusNotice: { changed?: SettableStatus } = {},
  statement: StatementState = {},
) {
  const ward = await officerWard(c, contestId);
  const { snapshot, contest } = ward;
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
    <ContestPage
      electionId={snapshot.election.id}
      contest={contest}
      signedIn={signedIn(c)}
      secondPairOfEyes={snapshot.election.secondPairOfEyes}
      status={statusNotice}
      hasError={problems.length > 0 || (statement.errors?.size ?? 0) > 0}
    >
      <Awaiting ward={ward} userId={c.var.viewer!.user.id} />
      {contest.versions.length === 0 && isOpenContest(contest) && contest.status !== 'postponed' && (
        <VerificationPanel
          contestId={contest.id}
          contestName={contest.name}
          published={publishedStatement(contest)}
          values={statement.values ?? {}}
          errors={statement.errors ?? new Map()}
          csrfToken={signedIn(c).csrfToken}
          justPublished={statement.justPublished}
          beforeCount={contest.status === 'awaiting'}
        />
      )}
      <EntryForm
        contest={contest}
        parties={new Map(snapshot.parties.map((p) => [p.id, p]))}
        values={values ?? initialValues(ward)}
        errors={errors}
        general={general}
        csrfToken={signedIn(c).csrfToken}
        idempotencyKey={validIdempotencyKey(values?.[fieldName.key]) ?? crypto.randomUUID()}
        declared={declaredFigures(contest)}
        statement={statementBeforeDeclaring(contest)}
        mode={ward.mode}
        reasonGiven={ward.mode === 'confirm' ? ward.pending?.submission.reason : null}
      />
    </ContestPage>,
    status,
  );
}

export async function reviewPage(c: Ctx, contestId: string, body: FormBody, status: 200 | 422 = 200, problem?: string) {
  const ward = await officerWard(c, contestId);
  const parsed = declarationSubmission.safeParse(submissionFromForm(body, ward.contest));
  if (!parsed.success) return entryPage(c, contestId, formValues(body), problemsFromZod(parsed.error), 422);
  try {
    // Refuses candidates or figures that do not fit the ward, as declaring would.
    reviewContest(ward, parsed.data);
    return c.html(
      <ContestPage electionId={ward.snapshot.election.id} contest={ward.contest} signedIn={signedIn(c)} secondPairOfEyes={ward.snapshot.election.secondPairOfEyes} hasError={status !== 200}>
        <ReviewPanel
          contestId={contestId}
          model={reviewOfSubmission(ward, parsed.data)}
          values={formValues(body)}
          csrfToken={signedIn(c).csrfToken}
          problem={problem}
          mode={ward.mode}
        />
      </ContestPage>,
      status,
    );
  } catch (error) {
    if (error instanceof ProblemsError && error.status === 422) return entryPage(c, contestId, formValues(body), error.problems, 422);
    throw error;
  }
}
