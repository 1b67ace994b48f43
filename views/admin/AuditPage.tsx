// Admin → Audit: every change made through Declare, newest first, who made it and when (UK
// time), in words; filtered by ward and by person, and downloadable as CSV as filtered.
import type { UserRow } from '../../db/users';
import type { AuditLine } from '../../src/audit/auditWords';
import { formatNumber } from '../../src/domain/format';
import { Layout, type SignedIn } from '../Layout';
import { londonDateTime } from '../shared/londonTime';

export interface AuditChoices {
  wards: { id: string; name: string; electionName: string }[];
  people: Pick<UserRow, 'name' | 'role'>[];
}

export interface AuditPageProps {
  choices: AuditChoices;
  /** The filter as asked (names as typed in the address only when they were found). */
  chosen: { ward?: string; person?: string };
  /** What was wrong with the address's filter; then no entries are listed. */
  problem: string | null;
  lines: AuditLine[];
  total: number;
  /** Set on an older page: the newest entries are a link away. */
  paged: boolean;
  olderBefore: number | null;
  signedIn: SignedIn;
}

/** The audit's address with this filter (and page). */
export function auditPath(path: string, filter: { ward?: string; person?: string; before?: number }): string {
  const query = new URLSearchParams();
  if (filter.ward) query.set('ward', filter.ward);
  if (filter.person) query.set('person', filter.person);
  if (filter.before !== undefined) query.set('before', String(filter.before));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** "1 change matches", "1,234 changes in all" */
function countInWords(total: number, filtered: boolean): string {
  const changes = total === 1 ? '1 change' : `${formatNumber(total)} changes`;
  return `${changes} ${filtered ? (total === 1 ? 'matches' : 'match') : 'in all'}`;
}

function Filters({ choices, chosen }: Pick<AuditPageProps, 'choices' | 'chosen'>) {
  const elections = [...new Set(choices.wards.map((w) => w.electionName))];
  return (
    <form method="get" action="/admin/audit" role="search">
      <label for="ward">Ward</label>
      <select id="ward" name="ward">
        <option value="">All wards, and changes about no ward</option>
        {elections.map((election) => (
          <optgroup label={election}>
            {choices.wards
              .filter((w) => w.electionName === election)
              .map((w) => (
                <option value={w.id} selected={w.id === chosen.ward}>
                  {w.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <label for="person">Person</label>
      <select id="person" name="person">
        <option value="">Everyone</option>
        {choices.people.map((p) => (
          <option value={p.name} selected={p.name === chosen.person}>
            {p.name} ({p.role})
          </option>
        ))}
      </select>
      <p class="hint">A person's entries are the changes they made and those made to their account.</p>
      <button type="submit" class="secondary">
        Show
      </button>
    </form>
  );
}

function Entries({ lines }: { lines: AuditLine[] }) {
  if (lines.length === 0) return <p class="muted">No changes match.</p>;
  return (
    <table class="votes stacks-on-phone">
      <caption class="visually-hidden">Changes, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When (UK time)</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Ward</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr id={`entry-${line.id}`}>
            <td>
              <time datetime={line.at}>{londonDateTime(line.at, 'second')}</time>
            </td>
            <td class="breaks-anywhere">{line.who}</td>
            <td>{line.what}</td>
            <td data-label="Ward">{line.ward ?? <span class="muted">none</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditPage(props: AuditPageProps) {
  const { chosen, problem, total, lines } = props;
  return (
    <Layout title="Audit · Admin · Declare" signedIn={props.signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Audit log</h1>
      <p>
        Every declaration, correction and status, every change to the election, the accounts and the social posts, and every
        sign-in: who made it and when.
      </p>
      {problem && (
        <div class="error-summary" role="alert">
          <h2>This filter cannot be shown</h2>
          <p>{problem} Nothing is listed until it is fixed.</p>
        </div>
      )}
      <Filters choices={props.choices} chosen={chosen} />
      {!problem && (
        <>
          <p role="status">
            {countInWords(total, !!(chosen.ward || chosen.person))}. <a href={auditPath('/admin/audit.csv', chosen)}>Download these as CSV</a>
          </p>
          <Entries lines={lines} />
          <p>
            {props.paged && <a href={auditPath('/admin/audit', chosen)}>Newest changes</a>}
            {props.paged && props.olderBefore !== null && ' · '}
            {props.olderBefore !== null && <a href={auditPath('/admin/audit', { ...chosen, before: props.olderBefore })}>Older changes</a>}
          </p>
        </>
      )}
    </Layout>
  );
}
