// A second pair of eyes on the officer's and admin's pages, without JavaScript (plain form
// posts), on both drivers: which mode is on, said where officers look; an admin switching
// it, audited; one officer's entry awaiting a second officer, who types the figures blind;
// differences shown to both; the entry fixed, then published.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import { fieldName } from '../../src/officer/entryForm';
import { confirm, doubleEntry, misplacedBundle, publicView, type Harness } from '../support/doubleEntry';
import { harness, signIn, testPassword, type Browser } from '../support/harness';
import { giveHostileName, publishedHostileName } from '../support/hostile';
import { formOf } from '../support/officerForm';
import { textOf } from '../support/pageText';

const onNote = 'Second pair of eyes: on — a second officer must confirm each result';
const offNote = 'Second pair of eyes: off — each result is published when declared';

const wardPath = (contestId: string) => `/officer/contests/${encodeURIComponent(contestId)}`;
const wardsPath = (h: Harness) => `/officer/elections/${encodeURIComponent(h.def.id)}`;
const page = async (browser: Browser, path: string) => (await browser.get(path)).text();

/** The values of the form's figure boxes (votes, rejected, verification), by field name. */
function figureBoxes(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input id="[^"]+" name="((?:votes|rejected|verified)\.[^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

export function secondPairOfEyesPagesSuite(driver: string, open: () => Promise<Db>): void {
  describe(`a second pair of eyes on the officer's and admin's pages (${driver})`, () => {
    it('says which mode is on where officers look, and an admin switches it on, audited, the public seeing nothing change', async () => {
      const h = await harness(open);
      const { contestId } = await h.medwaySubmission('All Saints');
      const officer = await signIn(h.app, h.officer.user.name, testPassword, wardsPath(h));
      expect(textOf(await page(officer, wardsPath(h)))).toContain(offNote);
      expect(textOf(await page(officer, wardPath(contestId)))).toContain(offNote);

      const adminUser = await h.userWithToken('admin');
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      expect(textOf(await page(admin, '/admin'))).toContain(
        'Edit (seats, electorates, candidates, previous results, parties) · Timetable (when results start and each ward is expected) · Rehearsal · Second pair of eyes: off (each result is published when declared)',
      );
      const settings = `/admin/elections/${encodeURIComponent(h.def.id)}/second-pair-of-eyes`;
      const before = await publicView(h, contestId);

      // Only an admin, and only a real choice.
      expect((await officer.post(settings, { on: 'yes', _csrf: officer.csrf })).status).toBe(403);
      const empty = await admin.post(settings, { _csrf: admin.csrf });
      expect(empty.status).toBe(422);
      expect(textOf(await empty.text())).toContain('Choose whether each result waits for a second officer (on) or not (off).');
      expect(textOf(await page(officer, wardPath(contestId)))).toContain(offNote);

      const saved = await admin.post(settings, { on: 'yes', _csrf: admin.csrf });
      expect(saved.status).toBe(303);
      expect(textOf(await page(admin, saved.headers.get('location')!))).toContain('Saved: the second pair of eyes is on.');
      const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'election'), eq(auditLog.entityId, h.def.id), eq(auditLog.action, 'election.second_pair_of_eyes')));
      expect(audit.map((a) => [a.userId, a.detail])).toEqual([[adminUser.user.id, { on: true }]]);
      expect(textOf(await page(officer, wardsPath(h)))).toContain(onNote);
      expect(textOf(await page(officer, wardPath(contestId)))).toContain(onNote);
      expect(await publicView(h, contestId)).toEqual(before);
    });

    it('keeps an entry awaiting a second officer, who enters it blind; shows both the differences; publishes the fixed entry once confirmed', async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const contest = await h.contest('All Saints');
      const first = await signIn(h.app, h.officer.user.name, testPassword, wardsPath(h));
      const other = await signIn(h.app, second.user.name, testPassword, wardsPath(h));
      const before = await publicView(h, contestId);

      // The first officer's entry, with a bundle of 10 in the wrong pile.
      const slipped = formOf(await misplacedBundle(h, body));
      const entered = await first.post(`${wardPath(contestId)}/declare`, { ...slipped, _csrf: first.csrf });
      expect(entered.status).toBe(202);
      const enteredText = textOf(await entered.text());
      expect(enteredText).toContain('Awaiting confirmation: All Saints');
      expect(enteredText).toContain('Not published yet. A second officer must enter the figures again');
      expect(await publicView(h, contestId)).toEqual(before);
      expect(await page(other, wardsPath(h))).toContain('<span class="ward-name">All Saints</span><span class="status status-unconfirmed">awaiting confirmation</span>');

      // The second officer sees that it waits for them, and boxes to type every counted figure into.
      const blind = await page(other, wardPath(contestId));
      expect(textOf(blind)).toContain(`Awaiting confirmation ${h.officer.user.name} entered the result at`);
      expect(textOf(blind)).toContain(onNote);
      expect(Object.values(figureBoxes(blind)).every((v) => v === '')).toBe(true);
      expect(Object.keys(figureBoxes(blind))).toHaveLength(7 + 4 + 2);
      expect(textOf(blind)).not.toMatch(/\b(285|262)\b/);
      const review = await (await other.post(`${wardPath(contestId)}/review`, { ...formOf(body), _csrf: other.csrf })).text();
      expect(textOf(review)).toContain('Check before confirming');
      expect(review).toContain(`action="${wardPath(contestId)}/confirm"`);
      expect(textOf(review)).toContain('Published if every figure matches the first entry');

      // Their entry (right) differs: nothing is published, and they see how.
      const theirs = formOf(body);
      const differs = await other.post(`${wardPath(contestId)}/confirm`, { ...theirs, _csrf: other.csrf });
      expect(differs.status).toBe(409);
      const differsHtml = await differs.text();
      const table = `2 figures differ Figure First entry (${h.officer.user.name}) Second entry (${second.user.name}) Chris Spalding 285 295 Julie Wallace 262 252`;
      expect(textOf(differsHtml)).toContain('The entries differ.');
      expect(textOf(differsHtml)).toContain(table);
      // What they typed is kept to change, under a new key: entering again is a new submission.
      expect(figureBoxes(differsHtml)[fieldName.votes(contest.candidates.find((c) => c.surname === 'Spalding')!.id)]).toBe('295');
      expect(differsHtml).not.toContain(`value="${theirs[fieldName.key]}"`);
      expect(await publicView(h, contestId)).toEqual(before);

      // The first officer sees the same differences, with their own entry in the boxes to fix.
      const mine = await page(first, wardPath(contestId));
      expect(textOf(mine)).toContain(table);
      expect(textOf(mine)).toContain('If yours is wrong, fix your entry below');
      expect(figureBoxes(mine)[fieldName.votes(contest.candidates.find((c) => c.surname === 'Spalding')!.id)]).toBe('285');
      expect(await page(first, wardsPath(h))).toContain('<span class="ward-name">All Saints</span><span class="status status-unconfirmed">entries differ</span>');

      const fixed = await first.post(`${wardPath(contestId)}/declare`, { ...formOf(body), _csrf: first.csrf });
      expect(fixed.status).toBe(202);
      expect(textOf(await page(other, wardPath(contestId)))).not.toContain('The entries differ');

      const published = await other.post(`${wardPath(contestId)}/confirm`, { ...formOf(body), _csrf: other.csrf });
      expect(published.status).toBe(201);
      expect(textOf(await published.text())).toContain('Published: All Saints');
      expect((await h.getJson(`/api/v1/elections/${h.def.id}/contests/${contestId}`)).body).toMatchObject({ status: 'declared', version: 1, majority: 43 });
    });

    it('refuses a confirmation by the officer who entered it, on the page, in words', async () => {
      const { h } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const first = await signIn(h.app, h.officer.user.name, testPassword, wardsPath(h));
      await first.post(`${wardPath(contestId)}/declare`, { ...formOf(body), _csrf: first.csrf });
      const res = await first.post(`${wardPath(contestId)}/confirm`, { ...formOf(body), _csrf: first.csrf });
      expect(res.status).toBe(403);
      expect(textOf(await res.text())).toContain('You entered this result for All Saints, so a different officer must confirm it by entering the figures again. Nothing was published.');
      expect((await h.contest('All Saints')).versions).toEqual([]);
    });

    it('shows a candidate name with markup in it as text in the differences', async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const contest = await h.contest('All Saints');
      await giveHostileName(h.db, contest.candidates.find((c) => c.surname === 'Spalding')!.id);
      await h.declare(contestId, await misplacedBundle(h, body));
      const differs = await confirm(h, contestId, body, { token: second.token });
      expect(((await differs.json()) as any).differences[0].label).toBe(publishedHostileName);
      const first = await signIn(h.app, h.officer.user.name, testPassword, wardsPath(h));
      const html = await page(first, wardPath(contestId));
      expect(html).not.toContain('<img src=x');
      expect(textOf(html)).toContain(`${publishedHostileName} 285 295`);
    });
  });
}
