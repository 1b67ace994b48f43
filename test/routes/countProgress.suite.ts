// The count before its declarations: a ward's verification statement published from the
// phone or the API (turnout on every page and in the JSON, the entry form starting from it),
// and the timetable from the definition file (expected times, when results start).
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { formatPercent, percentTo2dp } from '../../src/domain';
import { electionDefinition } from '../../src/setup/definition';
import { describeIssues } from '../../src/validation/zodIssues';
import { fieldName, statementField } from '../../src/officer/entryForm';
import { londonClock, londonDateTime } from '../../views/shared/londonTime';
import { harness, signIn, testPassword } from '../support/harness';
import { publishedHostileName } from '../support/hostile';
import { sectionOf, textOf } from '../support/pageText';

type Harness = Awaited<ReturnType<typeof harness>>;

function verify(h: Harness, contestId: string, body: unknown, token: string | null = h.officer.token) {
  return h.app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/verification`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function html(h: Harness, path: string) {
  return (await h.app.request(path, { headers: { accept: 'text/html' } })).text();
}

export function countProgressSuite(driver: string, open: () => Promise<Db>): void {
  describe(`the count before its declarations (${driver})`, () => {
    it('publishes a verification statement through the API: turnout on the ward page, in the list, the headline and the JSON', async () => {
      const h = await harness(open);
      const ward = await h.contest('All Saints'); // electorate 3,495
      const before = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      expect(before.turnout).toBeNull();

      const res = await verify(h, ward.id, { ballotPapersVerified: { pollingStations: 812, postal: 248 } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).ballotPapersVerified).toEqual({ pollingStations: 812, postal: 248, total: 1060 });
      const turnout = percentTo2dp(1060, 3495);

      const contest = (await h.getJson(`/api/v1/elections/${h.def.id}/contests/${ward.id}`)).body;
      expect(contest.status).toBe('awaiting');
      expect(contest.ballotPapersVerified).toEqual({ pollingStations: 812, postal: 248, total: 1060 });
      expect(contest.turnoutPercent).toBe(turnout);
      expect(contest.verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(contest.validVotes).toBeNull();

      const election = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      expect(election.updatedAt > before.updatedAt).toBe(true);
      expect(election.turnout).toEqual({ percent: turnout, contests: 1 });
      expect(election.contests.find((c: any) => c.id === ward.id).turnoutPercent).toBe(turnout);

      const wardText = textOf(await html(h, `/elections/${h.def.id}/contests/${ward.id}`));
      expect(wardText).toContain(`Verified: 1,060 ballot papers, turnout ${formatPercent(turnout)}`);
      const page = await html(h, `/elections/${h.def.id}`);
      expect(textOf(page)).toContain(`Turnout so far: ${formatPercent(turnout)} in 1 ward`);
      expect(textOf(sectionOf(page, 'wards-heading'))).toContain(`All Saints Awaiting result Turnout ${formatPercent(turnout)}`);
    });

    it('puts each published statement in the Atom and JSON feeds as its own entry, with a stable id, escaped', async () => {
      const h = await harness(open, { define: (def) => ({ ...def, contests: def.contests.map((c) => (c.name === 'All Saints' ? { ...c, name: publishedHostileName } : c)) }) });
      const ward = await h.contest(publishedHostileName);
      expect((await verify(h, ward.id, { ballotPapersVerified: { pollingStations: 700, postal: 100 } })).status).toBe(200);
      expect((await verify(h, ward.id, { ballotPapersVerified: { pollingStations: 812, postal: 248 } })).status).toBe(200);
      const turnout = formatPercent(percentTo2dp(1060, ward.electorate));
      const feed = (await h.getJson(`/api/v1/elections/${h.def.id}/declarations`)).body;
      expect(feed.verifications).toHaveLength(1);
      expect(feed.verifications[0]).toMatchObject({
        id: `urn:declare:${ward.id}:verification`,
        contestId: ward.id,
        contestName: publishedHostileName,
        ballotPapersVerified: { pollingStations: 812, postal: 248, total: 1060 },
        title: `${publishedHostileName}: verified, 1,060 ballot papers, turnout ${turnout}`,
      });
      const atom = await (await h.app.request(`/api/v1/elections/${h.def.id}/declarations.atom`)).text();
      expect(atom.match(new RegExp(`<id>urn:declare:${ward.id.replace(/\./g, '\\.')}:verification</id>`, 'g'))).toHaveLength(1);
      expect(atom).toContain('<category term="verification" label="Verification statement"></category>');
      expect(atom).toContain('812 ballot papers from polling stations and 248 postal, 1,060 in all.');
      expect(atom).not.toContain('<script>');
    });

    it('adds up the turnout so far over verified and declared wards, weighting each by its electors', async () => {
      const h = await harness(open);
      const allSaints = await h.contest('All Saints');
      expect((await verify(h, allSaints.id, { ballotPapersVerified: { pollingStations: 900, postal: 100 } })).status).toBe(200);
      const { contestId, body } = await h.medwaySubmission('Watling');
      expect((await h.declare(contestId, body)).status).toBe(201);
      const watling = await h.contest('Watling');
      const watlingPapers = body.ballotPapersVerified.pollingStations + body.ballotPapersVerified.postal;
      const expected = percentTo2dp(1000 + watlingPapers, allSaints.electorate + watling.electorate);
      const election = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      expect(election.turnout).toEqual({ percent: expected, contests: 2 });
      expect(textOf(await html(h, `/elections/${h.def.id}`))).toContain(`Turnout so far: ${formatPercent(expected)} in 2 wards`);
    });

    it('refuses a statement that is not whole numbers, has more papers than electors, or is for a declared ward, and changes nothing', async () => {
      const h = await harness(open);
      const ward = await h.contest('All Saints');
      const refused = async (body: unknown, message: RegExp) => {
        const res = await verify(h, ward.id, body);
        expect(res.status).toBe(422);
        expect(JSON.stringify(await res.json())).toMatch(message);
      };
      const before = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body.updatedAt;
      await refused({ ballotPapersVerified: { pollingStations: 'lots', postal: 2 } }, /ballot papers verified from polling stations must be a number/);
      await refused({ ballotPapersVerified: { pollingStations: 1.5, postal: 2 } }, /must be a whole number/);
      await refused({}, /ballotPapersVerified must give pollingStations and postal/);
      await refused({ ballotPapersVerified: { pollingStations: 3000, postal: 600 } }, /3,600 ballot papers is more than the 3,495 electors of All Saints: check the figures/);
      expect((await h.getJson(`/api/v1/elections/${h.def.id}`)).body.updatedAt).toBe(before);
      expect((await h.getJson(`/api/v1/elections/${h.def.id}/contests/${ward.id}`)).body.verifiedAt).toBeNull();

      expect((await verify(h, ward.id, { ballotPapersVerified: { pollingStations: 1, postal: 1 } }, null)).status).toBe(401);
      const { body } = await h.medwaySubmission('All Saints');
      expect((await h.declare(ward.id, body)).status).toBe(201);
      await refused({ ballotPapersVerified: { pollingStations: 1, postal: 1 } }, /All Saints is already declared. To change its result, submit a correction./);
      // Once declared, the declaration's own figures stand.
      const contest = (await h.getJson(`/api/v1/elections/${h.def.id}/contests/${ward.id}`)).body;
      expect(contest.ballotPapersVerified.total).toBe(body.ballotPapersVerified.pollingStations + body.ballotPapersVerified.postal);
    });

    it('lets an officer publish the statement from the phone, then starts the entry form from it and warns when the declaration differs', async () => {
      const h = await harness(open);
      const ward = await h.contest('All Saints');
      const path = `/officer/contests/${encodeURIComponent(ward.id)}`;
      const browser = await signIn(h.app, h.officer.user.name, testPassword, path);
      const form = await (await browser.get(path)).text();
      expect(textOf(form)).toContain("Publish All Saints's verification statement");

      const typo = await browser.post(`${path}/verification`, { _csrf: browser.csrf, [statementField.pollingStations]: '8l2', [statementField.postal]: '248' });
      expect(typo.status).toBe(422);
      const typoText = textOf(await typo.text());
      expect(typoText).toContain('Enter the ballot papers verified from polling stations as a number, like 1,234.');
      expect((await h.getJson(`/api/v1/elections/${h.def.id}/contests/${ward.id}`)).body.verifiedAt).toBeNull();

      const sent = await browser.post(`${path}/verification`, { _csrf: browser.csrf, [statementField.pollingStations]: '812', [statementField.postal]: '248' });
      expect(sent.status).toBe(303);
      const after = await (await browser.get(sent.headers.get('location')!)).text();
      expect(textOf(after)).toContain(`Published on the public page: 1,060 ballot papers verified, turnout ${formatPercent(percentTo2dp(1060, 3495))}.`);
      const adminUser = await h.userWithToken('admin');
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      const trail = textOf(await (await admin.get(`/admin/audit?ward=${encodeURIComponent(ward.id)}`)).text());
      expect(trail).toContain('Published the verification statement: 1,060 ballot papers (812 from polling stations, 248 postal).');
      // The declaration form starts from the statement's figures.
      expect(after).toMatch(new RegExp(`name="${fieldName.pollingStations.replace('.', '\\.')}" value="812"`));
      expect(after).toMatch(new RegExp(`name="${fieldName.postal.replace('.', '\\.')}" value="248"`));

      // Declared with other figures: the review asks the officer to confirm the difference.
      const { body } = await h.medwaySubmission('All Saints');
      const entry: Record<string, string> = {
        _csrf: browser.csrf,
        [fieldName.pollingStations]: String(body.ballotPapersVerified.pollingStations),
        [fieldName.postal]: String(body.ballotPapersVerified.postal),
        [fieldName.key]: crypto.randomUUID(),
      };
      for (const v of body.votes) entry[fieldName.votes(v.candidate)] = String(v.votes);
      for (const [reason, n] of Object.entries(body.rejected)) entry[`rejected.${reason}`] = String(n);
      const review = textOf(await (await browser.post(`${path}/review`, entry)).text());
      expect(review).toContain(`differ from the verification statement published earlier (1,060: 812 and 248)`);
      const api = await h.declare(ward.id, body);
      expect(api.status).toBe(422);
      expect(JSON.stringify(await api.json())).toContain('differ from the verification statement published earlier');
      expect((await h.declare(ward.id, { ...body, acceptWarnings: true })).status).toBe(201);
    });

    it('shows the timetable from the definition: when results start, and when each ward is expected', async () => {
      const countStarts = '2023-05-04T22:00:00Z'; // 23:00 BST
      const expected = '2023-05-05T01:30:00Z'; // 02:30 BST
      const h = await harness(open, {
        // Through the same parse as `npm run cli -- import`, which keeps times in UTC.
        define: (def) =>
          electionDefinition.parse({
            ...def,
            countStarts,
            contests: def.contests.map((c) => (c.name === 'All Saints' ? { ...c, name: publishedHostileName, expectedDeclaration: '2023-05-05T02:30:00+01:00' } : c)),
          }),
      });
      const election = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      expect(election.countStarts).toBe('2023-05-04T22:00:00.000Z');
      const ward = election.contests.find((c: any) => c.name === publishedHostileName);
      expect(ward.expectedDeclaration).toBe('2023-05-05T01:30:00.000Z');
      expect(londonClock(expected)).toBe('02:30');

      const page = await html(h, `/elections/${h.def.id}`);
      expect(textOf(page)).toContain(`Results from ${londonDateTime(countStarts)}.`);
      expect(londonDateTime(countStarts)).toBe('23:00 on Thursday 4 May 2023');
      expect(textOf(sectionOf(page, 'wards-heading'))).toContain(`${publishedHostileName} Awaiting result Expected around 02:30`);
      expect(page).not.toContain('<script>alert');
      const wardPage = textOf(await html(h, `/elections/${h.def.id}/contests/${ward.id}`));
      expect(wardPage).toContain('Expected around 02:30.');

      // Once a ward is declared the countdown gives way to the results.
      const { contestId, body } = await h.medwaySubmission('Watling');
      expect((await h.declare(contestId, body)).status).toBe(201);
      expect(textOf(await html(h, `/elections/${h.def.id}`))).not.toContain('Results from');
    });

    it('lets an admin set the timetable in UK time, refusing a slip whole, and shows it on the public page', async () => {
      const h = await harness(open);
      const adminUser = await h.userWithToken('admin');
      const timetable = `/admin/elections/${encodeURIComponent(h.def.id)}/timetable`;
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      expect(await (await admin.get('/admin')).text()).toContain(`href="${timetable}"`);
      const wards = await Promise.all(['All Saints', 'Watling'].map((name) => h.contest(name)));
      const form = (over: Record<string, string>) => ({ _csrf: admin.csrf, countStarts: '2023-05-04T23:00', [`expected.${wards[0]!.id}`]: '2023-05-05T02:30', ...over });

      const slip = await admin.post(timetable, form({ [`expected.${wards[1]!.id}`]: '2023-05-05 2.45am' }));
      expect(slip.status).toBe(422);
      const slipText = textOf(await slip.text());
      expect(slipText).toContain('There is a problem: nothing was saved');
      expect(slipText).toContain('The expected time for Watling must be a date and a time in UK time, like 2023-05-05 02:30');
      expect((await h.getJson(`/api/v1/elections/${h.def.id}`)).body.countStarts).toBeNull();

      const saved = await admin.post(timetable, form({}));
      expect(saved.status).toBe(303);
      expect(textOf(await (await admin.get(saved.headers.get('location')!)).text())).toContain('The timetable is saved and on the public page.');
      const election = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      // 23:00 and 02:30 in May are BST: an hour ahead of UTC.
      expect(election.countStarts).toBe('2023-05-04T22:00:00.000Z');
      expect(election.contests.find((c: any) => c.id === wards[0]!.id).expectedDeclaration).toBe('2023-05-05T01:30:00.000Z');
      expect(election.contests.find((c: any) => c.id === wards[1]!.id).expectedDeclaration).toBeNull();
      const page = textOf(await html(h, `/elections/${h.def.id}`));
      expect(page).toContain('Results from 23:00 on Thursday 4 May 2023.');
      expect(page).toContain('All Saints Awaiting result Expected around 02:30');
      expect(textOf(await (await admin.get('/admin/audit')).text())).toContain('Set the timetable: when results start and when each ward is expected.');
      // Shown again as typed, in UK time.
      expect(await (await admin.get(timetable)).text()).toContain('name="countStarts" value="2023-05-04T23:00"');

      // An officer cannot change it.
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      expect((await officer.post(timetable, { _csrf: officer.csrf, countStarts: '' })).status).toBe(403);
      expect((await h.app.request(timetable)).status).not.toBe(200);
    });

    it('refuses a timetable time without its zone, naming the field', async () => {
      const h = await harness(open);
      const parsed = electionDefinition.safeParse({ ...h.def, countStarts: '2023-05-04 23:00' });
      expect(parsed.success).toBe(false);
      expect(describeIssues(parsed.error!)).toContain('countStarts: countStarts must be a date and time with its zone, like 2023-05-05T02:30:00+01:00');
    });
  });
}
