// Text that cannot be published is refused where it comes in (the API and the phone form),
// and what was stored before these rules still comes out well-formed: the refusals on
// better-sqlite3 (nothing reaches the database), the stored text on both drivers.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { candidates, declarations, elections } from '../../db/schema';
import { fieldName } from '../../src/officer/entryForm';
import { dumpDatabase, harness, signIn, testPassword } from '../support/harness';

/** Every C0 and C1 control character, and DEL. */
const everyControlCharacter = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
].join('');

/** What XML 1.0 allows in a document (its Char production), and nothing else. */
const xmlChar = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

async function declaredAllSaints(open: () => Promise<Db>) {
  const h = await harness(open);
  const ward = await h.medwaySubmission('All Saints');
  expect((await h.declare(ward.contestId, ward.body)).status).toBe(201);
  return { h, ...ward };
}

/**
 * A declared and corrected ward whose names and reason hold every control character and an
 * unclosed override, written straight to the database past every check, as a row stored
 * before the text rules would be.
 */
export async function feedOfOldRows(open: () => Promise<Db>) {
  const { h, contestId, body } = await declaredAllSaints(open);
  expect((await h.declare(contestId, { ...body, reason: 'to be overwritten', acceptWarnings: true })).status).toBe(201);
  const dirty = `A${everyControlCharacter}Z\u202E`;
  await h.db.update(declarations).set({ reason: `reason ${dirty}` }).where(eq(declarations.contestId, contestId));
  await h.db.update(candidates).set({ knownAs: `Chris ${dirty}` }).where(eq(candidates.contestId, contestId));
  await h.db.update(elections).set({ name: `Medway ${dirty}`, organisation: `Council ${dirty}`, updatedAt: new Date().toISOString() }).where(eq(elections.id, h.def.id));
  return { h, contestId };
}

export function textRulesSuite(driver: string, open: () => Promise<Db>): void {
  describe(`text that cannot be published (${driver})`, () => {
    it('keeps a reason on several lines, and closes a direction override so it cannot run on', async () => {
      const { h, contestId, body } = await declaredAllSaints(open);
      const res = await h.declare(contestId, { ...body, reason: 'Recount asked for\r\nby the agent \u202Ethgir-ot-tfel', acceptWarnings: true });
      expect(res.status).toBe(201);
      const reason = ((await res.json()) as any).corrections[0].reason as string;
      expect(reason).toBe('Recount asked for\nby the agent \u202Ethgir-ot-tfel\u202C');
    });

    it('keeps the Atom feed well-formed XML whatever was stored before these rules', async () => {
      const { h } = await feedOfOldRows(open);
      const res = await h.app.request(`/api/v1/elections/${h.def.id}/declarations.atom`);
      expect(res.status).toBe(200);
      const xml = await res.text();
      expect(xml).toMatch(xmlChar);
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
      // The words around them are still there, a reason keeps its line breaks (\n and \r
      // each one), and an override
      // is closed where its own text ends, so it cannot turn round what follows.
      expect(xml).toContain('<title>Medway AZ\u202E\u202C: declarations</title>');
      expect(xml).toContain('<name>Council AZ\u202E\u202C</name>');
      expect(xml).toContain('Reason for the correction: reason A\n\nZ\u202E\u202C</summary>');
    });
  });
}

/**
 * Text refused where it comes in, by the API and by the phone form, before anything is
 * written: the same on both drivers, so run on better-sqlite3 only (textRules.test.ts).
 * What D1 does with such text once stored is textRulesSuite's, on both.
 */
export function textRefusalsSuite(driver: string, open: () => Promise<Db>): void {
  describe(`text that cannot be published, refused (${driver})`, () => {
    it('refuses a correction whose reason holds a control character, naming it, and publishes nothing', async () => {
      const { h, contestId, body } = await declaredAllSaints(open);
      const before = await dumpDatabase(h.db);
      const res = await h.declare(contestId, { ...body, reason: 'recount \u0008 note' });
      expect(res.status).toBe(422);
      expect(((await res.json()) as any).problems).toContainEqual(
        expect.objectContaining({ field: 'reason', message: 'reason contains a control character (U+0008) that cannot be published' }),
      );
      expect(await dumpDatabase(h.db)).toEqual(before);
      const feed = await (await h.app.request(`/api/v1/elections/${h.def.id}/declarations.atom`)).text();
      expect(feed).toMatch(xmlChar);
    });

    it('refuses the same on the phone form, with the message next to the reason', async () => {
      const { h, contestId, body } = await declaredAllSaints(open);
      const browser = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      const form: Record<string, string> = { _csrf: browser.csrf, [fieldName.key]: crypto.randomUUID(), [fieldName.pollingStations]: '634', [fieldName.postal]: '331' };
      for (const v of body.votes) form[fieldName.votes(v.candidate)] = String(v.votes);
      for (const [reason, n] of Object.entries(body.rejected)) form[`rejected.${reason}`] = String(n);
      const before = await dumpDatabase(h.db);
      const res = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...form, reason: 'late\u0000bundle' });
      expect(res.status).toBe(422);
      // The API's words, as a sentence to the officer (src/officer/entryForm.ts sentenceFor).
      expect(await res.text()).toContain('Reason contains a control character (U+0000) that cannot be published.');
      expect(await dumpDatabase(h.db)).toEqual(before);
    });
  });
}
