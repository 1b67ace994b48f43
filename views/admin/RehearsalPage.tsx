// Admin → Rehearsal: practise the night with real phones, then start clean. While an election
// is a rehearsal every public page, the widget and every feed entry say so, and posts go to
// the log channel only.
import type { ElectionRow } from '../../db/results';
import { countOf } from '../../src/domain';
import { Layout, type SignedIn } from '../Layout';

export const rehearsalConfirmWords = { reset: 'reset', real: 'real' } as const;

export interface RehearsalPageProps {
  election: ElectionRow;
  declared: number;
  notice?: string | null;
  problem?: string | null;
  signedIn: SignedIn;
}

function TypedConfirm({ action, word, label, button, csrf }: { action: string; word: string; label: string; button: string; csrf: string }) {
  const id = `confirm-${word}`;
  return (
    <form method="post" action={action}>
      <input type="hidden" name="_csrf" value={csrf} />
      <div class="field">
        <label for={id}>{label}</label>
        <input id={id} name="confirm" autocomplete="off" autocapitalize="none" />
      </div>
      <button type="submit" class="secondary">
        {button}
      </button>
    </form>
  );
}

export function RehearsalPage({ election, declared, notice = null, problem = null, signedIn }: RehearsalPageProps) {
  const path = `/admin/elections/${encodeURIComponent(election.id)}/rehearsal`;
  const csrf = signedIn.csrfToken;
  return (
    <Layout title={`${problem ? 'Error: ' : ''}Rehearsal · ${election.name} · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Rehearsal</h1>
      <p>
        {election.name} is {election.rehearsal ? <strong>a rehearsal</strong> : <strong>the real election</strong>}, with{' '}
        {countOf(declared, 'result', 'results')} entered (every version counted).
      </p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem} Nothing was changed.
        </p>
      )}
      {election.rehearsal ? (
        <>
          <h2>Reset the rehearsal</h2>
          <p>Removes every result, status, verification statement and queued post of this election. The wards, candidates, timetable and accounts stay.</p>
          <TypedConfirm action={`${path}/reset`} word={rehearsalConfirmWords.reset} label={`Type "${rehearsalConfirmWords.reset}" to confirm`} button="Reset the rehearsal" csrf={csrf} />
          <h2>Make this the real election</h2>
          <p>Once the rehearsal is reset: the banners go, and results are posted to every channel and newsroom subscriber.</p>
          <TypedConfirm action={`${path}/end`} word={rehearsalConfirmWords.real} label={`Type "${rehearsalConfirmWords.real}" to confirm`} button="Make this the real election" csrf={csrf} />
        </>
      ) : (
        declared === 0 && (
          <form method="post" action={`${path}/start`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="secondary">
              Make this a rehearsal
            </button>
          </form>
        )
      )}
    </Layout>
  );
}
