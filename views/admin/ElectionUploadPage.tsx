// Admin → Elections → Upload: the definition file or a Democracy Club candidates CSV, then a
// preview of what would be imported (wards, seats, candidates, parties as recognised, every
// problem named), then a confirmation. Nothing is written until the admin confirms.
import type { DefinitionRows } from '../../db/setup';
import { countOf, formatNumber } from '../../src/domain';
import type { ElectionDefinition } from '../../src/setup/definition';
import { Layout, type SignedIn } from '../Layout';
import { PartySwatch } from '../shared/PartySwatch';
import { ProblemSummary } from '../shared/ProblemSummary';
import { ScrollsSideways } from './ScrollsSideways';

export interface ElectionPreview {
  definition: ElectionDefinition;
  rows: Pick<DefinitionRows, 'parties' | 'candidates'>;
  /** The definition as it will be imported, carried by the confirmation form. */
  carried: string;
}

export interface ElectionUploadPageProps {
  signedIn: SignedIn;
  /** What the file was read as. */
  kind?: 'definition' | 'democracy-club';
  problems?: string[];
  warnings?: string[];
  preview?: ElectionPreview | null;
  /** Just imported: said, with where to go next. */
  imported?: { id: string; name: string; contests: number; created: boolean; current: boolean } | null;
  /** Filled in again after a refused upload. */
  council?: { organisation?: string; totalSeats?: string };
}

function Preview({ preview, csrf }: { preview: ElectionPreview; csrf: string }) {
  const { definition: def, rows } = preview;
  const seats = def.contests.reduce((sum, c) => sum + c.seats, 0);
  const partyOf = new Map(rows.parties.map((p) => [p.id, p]));
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Check before importing</h2>
      <p>
        <strong>{def.name}</strong> ({def.id}), {def.organisation}, on {def.date}: {countOf(def.contests.length, 'ward', 'wards')},{' '}
        {countOf(seats, 'seat', 'seats')} up for election of {formatNumber(def.totalSeats)},{' '}
        {countOf(rows.candidates.length, 'candidate', 'candidates')}.
      </p>
      <ScrollsSideways label="Parties as recognised">
        <table class="votes">
          <caption>Parties as recognised</caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">Id</th>
              <th scope="col" class="num">Candidates</th>
            </tr>
          </thead>
          <tbody>
            {rows.parties.map((p) => (
              <tr>
                <th scope="row">
                  <PartySwatch colour={p.colour} /> {p.name}
                </th>
                <td>{p.id}</td>
                <td class="num">{formatNumber(rows.candidates.filter((c) => c.partyId === p.id).length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollsSideways>
      <ScrollsSideways label="Wards">
        <table class="votes">
          <caption>Wards</caption>
          <thead>
            <tr>
              <th scope="col">Ward</th>
              <th scope="col" class="num">Seats</th>
              <th scope="col" class="num">Electorate</th>
              <th scope="col">Candidates, as on the ballot paper</th>
            </tr>
          </thead>
          <tbody>
            {def.contests.map((c) => (
              <tr>
                <th scope="row">{c.name}</th>
                <td class="num">{formatNumber(c.seats)}</td>
                <td class="num">{c.electorate > 0 ? formatNumber(c.electorate) : '–'}</td>
                <td class="reading-width">
                  {rows.candidates
                    .filter((cand) => cand.contestId === c.id)
                    .map((cand) => `${cand.otherNames} ${cand.surname} (${partyOf.get(cand.partyId)?.name ?? cand.partyId})`.trim())
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollsSideways>
      <form method="post" action="/admin/elections/import">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="definition" value={preview.carried} />
        <button type="submit" class="primary">
          Import {def.name}
        </button>
      </form>
    </section>
  );
}

export function ElectionUploadPage({ signedIn, kind, problems = [], warnings = [], preview = null, imported = null, council = {} }: ElectionUploadPageProps) {
  return (
    <Layout title={`${problems.length ? 'Error: ' : ''}Upload an election · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Upload an election</h1>
      {imported && (
        <div class="notice" role="status">
          <p>
            {imported.created ? 'Imported' : 'Updated'} {imported.name}: {countOf(imported.contests, 'ward', 'wards')}.
          </p>
          <p>
            {imported.current
              ? "It is the current election: the site's home page leads to it."
              : "The site's home page still leads to the current election: make this one current on the admin page if it should show there instead."}
          </p>
          <p>
            <a href={`/elections/${encodeURIComponent(imported.id)}`}>Its results page</a> ·{' '}
            <a href={`/admin/elections/${encodeURIComponent(imported.id)}/edit`}>Edit it</a> ·{' '}
            <a href={`/admin/elections/${encodeURIComponent(imported.id)}/timetable`}>Set its timetable</a> ·{' '}
            <a href="/admin">Admin</a>
          </p>
        </div>
      )}
      <ProblemSummary title={`The ${kind === 'democracy-club' ? 'Democracy Club CSV' : 'file'} cannot be imported: nothing was changed`} problems={problems} />
      {warnings.length > 0 && (
        <div class="notice">
          <h2>Look at these first</h2>
          <ul>
            {warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && <Preview preview={preview} csrf={signedIn.csrfToken} />}
      <form method="post" action="/admin/elections/preview" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
        <div class="field">
          <label for="file">The election definition (.json) or Democracy Club's candidates CSV (.csv)</label>
          <input type="file" id="file" name="file" accept=".json,.csv,application/json,text/csv" required />
        </div>
        <fieldset>
          <legend>For a Democracy Club CSV</legend>
          <div class="field">
            <label for="organisation">Council name, if the CSV has no organisation_name</label>
            <input id="organisation" name="organisation" value={council.organisation ?? ''} />
          </div>
          <div class="field">
            <label for="total-seats">Seats on the whole council, if some are not up for election</label>
            <input id="total-seats" name="totalSeats" inputmode="numeric" value={council.totalSeats ?? ''} />
          </div>
        </fieldset>
        <button type="submit" class={preview ? 'secondary' : 'primary'}>
          {preview ? 'Upload another file' : 'Preview'}
        </button>
      </form>
    </Layout>
  );
}
