// A rehearsal night: the banners everywhere the public looks, posts to the log channel only,
// then a reset back to awaiting with the definition intact, and the switch to the real one.
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { harness, signIn, testPassword } from '../support/harness';
import { sectionOf, textOf } from '../support/pageText';

const banner = 'Rehearsal: not real results';

export function rehearsalSuite(driver: string, open: () => Promise<Db>): void {
  describe(`a rehearsal (${driver})`, () => {
    it('says so on every page, the widget, the feeds and the JSON, posts to the log only, resets, then becomes the real election', async () => {
      const h = await harness(open, { channels: ['log', 'x'], define: (def) => ({ ...def, rehearsal: true }) });
      const e = encodeURIComponent(h.def.id);
      const wards = ['All Saints', 'Watling', 'Twydall'];
      for (const name of wards) {
        const { contestId, body } = await h.medwaySubmission(name);
        expect((await h.declare(contestId, body)).status, name).toBe(201);
      }
      const allSaints = await h.contest('All Saints');
      const shown = async (path: string) => textOf(await (await h.app.request(path, { headers: { accept: 'text/html' } })).text());
      for (const path of [`/elections/${e}`, `/elections/${e}/live`, `/elections/${e}/contests/${encodeURIComponent(allSaints.id)}`, `/embed/elections/${e}`, `/embed/elections/${e}/contests/${encodeURIComponent(allSaints.id)}`]) {
        expect(await shown(path), path).toContain(banner);
      }
      expect((await h.getJson(`/api/v1/elections/${e}`)).body.rehearsal).toBe(true);
      const atom = await (await h.app.request(`/api/v1/elections/${e}/declarations.atom`)).text();
      expect(atom.match(/<title[^>]*>Rehearsal: not real results\. /g)).toHaveLength(3);
      const feed = (await h.getJson(`/api/v1/elections/${e}/declarations`)).body;
      expect(feed.declarations.every((d: any) => d.title.startsWith(`${banner}. `))).toBe(true);

      // Posted to the log channel only: nothing for X, however it is configured.
      const contestIds = (await Promise.all(wards.map((w) => h.contest(w)))).map((c) => c.id);
      const queued = await h.db.select({ channel: outbox.channel }).from(outbox).where(inArray(outbox.contestId, contestIds));
      expect(queued.map((r) => r.channel).sort()).toEqual(['log', 'log', 'log']);

      const adminUser = await h.userWithToken('admin');
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      const path = `/admin/elections/${e}/rehearsal`;
      expect(await (await admin.get('/admin')).text()).toContain(`href="${path}"`);
      expect(textOf(await (await admin.get(path)).text())).toContain('is a rehearsal, with 3 results entered');
      // Its day (4 May 2023) has come: the night's status page says to make it real first.
      expect(textOf(await (await admin.get('/admin/status')).text())).toContain(
        'Medway Council local elections 2023 is still a rehearsal on its election day: reset it and make it the real election (Admin → Rehearsal) before real results are entered.',
      );

      // Making it real with results in, or resetting without the typed word: refused, nothing changed.
      const early = await admin.post(`${path}/end`, { _csrf: admin.csrf, confirm: 'real' });
      expect(early.status).toBe(422);
      expect(textOf(await early.text())).toContain('The rehearsal still has results: reset it first, so no practice figure is published as real. Nothing was changed.');
      const untyped = await admin.post(`${path}/reset`, { _csrf: admin.csrf, confirm: 'yes' });
      expect(untyped.status).toBe(422);
      expect(textOf(await untyped.text())).toContain('Type "reset" in the box to confirm.');
      expect((await h.getJson(`/api/v1/elections/${e}`)).body.progress.contestsDeclared).toBe(3);

      const reset = await admin.post(`${path}/reset`, { _csrf: admin.csrf, confirm: 'Reset' });
      expect(reset.status).toBe(303);
      expect(textOf(await (await admin.get(reset.headers.get('location')!)).text())).toContain('The rehearsal is reset: every ward is awaiting its result again.');
      const after = (await h.getJson(`/api/v1/elections/${e}`)).body;
      expect(after.progress.contestsDeclared).toBe(0);
      expect(after.contests).toHaveLength(24);
      expect(after.contests.every((c: any) => c.status === 'awaiting')).toBe(true);
      const page = await (await h.app.request(`/elections/${e}`, { headers: { accept: 'text/html' } })).text();
      expect(sectionOf(page, 'wards-heading').match(/Awaiting result/g)).toHaveLength(24);
      expect((await h.db.select().from(outbox).where(inArray(outbox.contestId, contestIds))).length).toBe(0);
      const ward = (await h.getJson(`/api/v1/elections/${e}/contests/${encodeURIComponent(allSaints.id)}`)).body;
      expect(ward.candidates).toHaveLength(allSaints.candidates.length);

      const real = await admin.post(`${path}/end`, { _csrf: admin.csrf, confirm: 'real' });
      expect(real.status).toBe(303);
      expect((await h.getJson(`/api/v1/elections/${e}`)).body.rehearsal).toBe(false);
      expect(await shown(`/elections/${e}`)).not.toContain(banner);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      expect((await h.declare(contestId, body)).status).toBe(201);
      const nowQueued = await h.db.select({ channel: outbox.channel }).from(outbox).where(inArray(outbox.contestId, [contestId]));
      expect(nowQueued.map((r) => r.channel).sort()).toEqual(['log', 'x']);
      // Once real, it cannot go back to being a rehearsal with results in.
      const back = await admin.post(`${path}/start`, { _csrf: admin.csrf });
      expect(back.status).toBe(422);
      const trail = textOf(await (await admin.get('/admin/audit')).text());
      expect(trail).toContain('Reset the rehearsal: every result, status, verification statement and queued post removed.');
      expect(trail).toContain('Made the rehearsal the real election.');
    });

    it('is for admins only', async () => {
      const h = await harness(open, { define: (def) => ({ ...def, rehearsal: true }) });
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      const path = `/admin/elections/${encodeURIComponent(h.def.id)}/rehearsal`;
      expect((await officer.get(path)).status).toBe(403);
      expect((await officer.post(`${path}/reset`, { _csrf: officer.csrf, confirm: 'reset' })).status).toBe(403);
    });
  });
}
