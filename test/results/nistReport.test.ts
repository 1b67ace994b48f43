// The NIST SP 1500-100 v2 export of a whole Medway night (every ward declared through the
// API, one corrected), validated against NIST's own JSON Schema (draft-04) with a real
// validator, and checked for what a results tool reading it would rely on.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { medwayFile, medwayWard } from '../fixtures';
import { medwayNight, medwayWardNames } from '../social/medwayNight';
import { giveHostileName, publishedHostileName } from '../support/hostile';

const schema = JSON.parse(readFileSync(new URL('../fixtures/nist/nist-1500-100-v2-election-results.json', import.meta.url), 'utf8'));

function nistValidator() {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  // NIST's own annotation of which object an id points at; checked below, by hand.
  ajv.addKeyword('refTypes');
  return ajv.compile(schema);
}

/** Every id reference (…Id, …Ids) in the document, and every @id it defines. */
function references(value: unknown, refs: string[] = [], defined: Set<string> = new Set()) {
  if (Array.isArray(value)) for (const v of value) references(v, refs, defined);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '@id') defined.add(v as string);
      else if (/Ids?$/.test(key) && key !== 'VendorApplicationId') refs.push(...[v as string | string[]].flat());
      else references(v, refs, defined);
    }
  }
  return { refs, defined };
}

async function declaredNight() {
  const night = await medwayNight(async () => openSqlite(':memory:').db);
  const allSaints = await night.contest('All Saints');
  await giveHostileName(night.db, allSaints.candidates[0]!.id);
  for (const name of medwayWardNames) await night.declareWard(name);
  await night.correctWard('All Saints', 10, 'Bundle of 10 missed <b>"sorry"</b>');
  const res = await night.app.request(`/api/v1/elections/${encodeURIComponent(night.def.id)}/nist.json`);
  expect(res.status).toBe(200);
  return { night, report: (await res.json()) as any };
}

describe('NIST SP 1500-100 v2 export', () => {
  it("validates against NIST's schema for the whole Medway night, every reference resolving", async () => {
    const { report } = await declaredNight();
    const validate = nistValidator();
    const valid = validate(report);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
    expect(valid).toBe(true);
    const { refs, defined } = references(report);
    expect(refs.length).toBeGreaterThan(400);
    expect(refs.filter((r) => !defined.has(r))).toEqual([]);
  });

  it('maps wards, seats, votes, rejected papers, parties and corrections honestly', async () => {
    const { night, report } = await declaredNight();
    expect(report.Status).toBe('unofficial-complete');
    const wards = report.GpUnit.filter((g: any) => g.Type === 'ward');
    expect(wards).toHaveLength(24);
    const council = report.GpUnit.find((g: any) => g.Type === 'other');
    expect(council).toMatchObject({ OtherType: 'local-authority', Name: { Text: [{ Content: 'Medway Council', Language: 'en-GB' }] } });
    expect(council.ComposingGpUnitIds).toEqual(wards.map((w: any) => w['@id']));

    const [election] = report.Election;
    expect(election.Contest.reduce((n: number, c: any) => n + c.NumberElected, 0)).toBe(medwayFile.contests.reduce((n, c) => n + c.seats, 0));
    const fortPitt = election.Contest.find((c: any) => c.Name === 'Fort Pitt');
    const ward = medwayWard('Fort Pitt');
    expect(fortPitt).toMatchObject({ NumberElected: ward.seats, VotesAllowed: ward.seats, VoteVariation: ward.seats > 1 ? 'n-of-m' : 'plurality' });
    const votes = fortPitt.ContestSelection.map((s: any) => s.VoteCounts[0]).map((v: any) => [v.Type, v.Count, v.GpUnitId]);
    expect(votes.map((v: any) => v[1]).sort((a: number, b: number) => b - a)).toEqual(ward.candidates.map((c) => c.votes).sort((a, b) => b - a));
    expect(new Set(votes.map((v: any) => `${v[0]} ${v[2]}`))).toEqual(new Set([`total ${fortPitt.ElectionDistrictId}`]));
    expect(fortPitt.OtherCounts).toEqual([{ '@type': 'ElectionResults.OtherCounts', GpUnitId: fortPitt.ElectionDistrictId, Overvotes: ward.rejected.tooManyVotes }]);
    const rejected = election.BallotCounts.filter((b: any) => b.GpUnitId === fortPitt.ElectionDistrictId);
    expect(rejected.find((b: any) => b.Type === 'total')).toMatchObject({ BallotsCast: ward.ballotPapersVerified.total, BallotsRejected: ward.rejected.total });
    expect(rejected.find((b: any) => b.OtherType === 'rejected-want-of-official-mark').BallotsRejected).toBe(ward.rejected.noOfficialMark);
    expect(rejected.find((b: any) => b.OtherType === 'rejected-unmarked-or-void-for-uncertainty').BallotsRejected).toBe(ward.rejected.unmarkedOrUncertain);

    const labour = report.Party.find((p: any) => p.Name.Text[0].Content === 'Labour');
    expect(labour.ExternalIdentifier).toEqual([{ '@type': 'ElectionResults.ExternalIdentifier', Type: 'national-level', Label: 'Electoral Commission register', Value: 'PP53' }]);
    const winners = election.Candidate.filter((c: any) => c.PostElectionStatus === 'winner');
    expect(winners).toHaveLength(59);

    const allSaints = election.Contest.find((c: any) => c.Name === 'All Saints');
    expect(allSaints.ExternalIdentifier).toContainEqual({ '@type': 'ElectionResults.ExternalIdentifier', Type: 'other', OtherType: 'declaration-version', Value: '2' });
    expect(fortPitt.ExternalIdentifier).toContainEqual({ '@type': 'ElectionResults.ExternalIdentifier', Type: 'other', OtherType: 'declaration-version', Value: '1' });
    expect(report.Notes).toMatch(/^Corrections: All Saints version 2 \(.+Z\): Bundle of 10 missed <b>"sorry"<\/b>$/);
    expect(night.def.id).toBe(election.ExternalIdentifier[0].Value);
  });

  it('carries a hostile candidate name as data, exactly', async () => {
    const { report } = await declaredNight();
    const person = report.Person.find((p: any) => p.Nickname === publishedHostileName);
    expect(person.FullName.Text[0].Content).toBe(publishedHostileName);
    expect(report.Election[0].Candidate.find((c: any) => c.PersonId === person['@id']).BallotName.Text[0].Content).toBe(publishedHostileName);
  });
});
