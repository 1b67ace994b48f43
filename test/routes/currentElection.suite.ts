// Several elections, one current, on both drivers: an admin's "Make current" decides what the
// site's home page, the widget's default and the public JSON's default show; the others stay at
// their own addresses; the status page warns when a rehearsal is current on a real night.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { ElectionDefinition } from '../../src/setup/definition';
import { importElection } from '../../src/setup/importElection';
import { harness, signIn, testPassword } from '../support/harness';
import { publishedHostileName } from '../support/hostile';
import { textOf } from '../support/pageText';

/** A by-election in one Medway ward, held alongside the borough's own election. */
function byElection(overrides: Partial<ElectionDefinition> = {}): ElectionDefinition {
  const tag = crypto.randomUUID().slice(0, 8);
  return {
    id: `local.medway.by.2024-03-21.${tag}`,
    name: 'Medway Council by-election: Watling',
    organisation: 'Medway Council',
    date: '2024-03-21',
    totalSeats: 59,
    contests: [
      {
        id: `local.medway.watling.by.2024-03-21.${tag}`,
        name: 'Watling',
        seats: 1,
        electorate: 7041,
        candidates: [
          { surname: 'Adeoye', otherNames: 'Tolu', description: 'Labour Party', party: 'Labour' },
          { surname: 'Brake', otherNames: 'Sam', description: 'Liberal Democrats', party: 'Liberal Democrats' },
          { surname: 'Carr', otherNames: 'Jo', description: 'Local Conservatives', party: 'Conservative' },
        ],
      },
    ],
    ...overrides,
  };
}

/** The UK's date today (YYYY-MM-DD), the day an election on tonight's count is dated. */
const ukToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

export function currentElectionSuite(driver: string, open: () => Promise<Db>): void {
  describe(`the current election (${driver})`, () => {
    async function setUp(options: Parameters<typeof harness>[1] = {}) {
      const h = await harness(open, options);
      const adminUser = await h.userWithToken('admin');
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      const makeCurrent = (electionId: string) => admin.post(`/admin/elections/${encodeURIComponent(electionId)}/current`, { _csrf: admin.csrf });
      const home = async () => (await h.app.request('/', { headers: { accept: 'text/html' } })).headers.get('location');
      const widget = async () => textOf(await (await h.app.request('/embed/elections/current', { headers: { accept: 'text/html' } })).text());
      const json = async () => (await h.getJson('/api/v1/elections/current')).body;
      return { h, admin, makeCurrent, home, widget, json };
    }

    it('leads the home page, the default widget and the default JSON to the election made current; the others stay at their own addresses', async () => {
      const { h, admin, makeCurrent, home, widget, json } = await setUp();
      const medway = h.def;
      const made = await makeCurrent(medway.id);
      expect(made.status).toBe(303);
      expect(textOf(await (await admin.get(made.headers.get('location')!)).text())).toContain(
        "Medway Council local elections 2023 is now the current election: the site's home page, the widget's default and the public JSON's default show it.",
      );

      // A by-election alongside, later by date: the marked election stays current.
      const by = byElection();
      await importElection(h.db, by);
      expect(await home()).toBe(`/elections/${encodeURIComponent(medway.id)}`);
      expect((await json()).id).toBe(medway.id);
      expect(await widget()).toContain('Medway Council local elections 2023');
      const adminPage = textOf(await (await admin.get('/admin')).text());
      expect(adminPage).toContain("Medway Council local elections 2023 (current: the site's home page leads to it)");
      expect(adminPage).toContain('Make Medway Council by-election: Watling current');

      expect((await makeCurrent(by.id)).status).toBe(303);
      expect(await home()).toBe(`/elections/${encodeURIComponent(by.id)}`);
      const byJson = await json();
      expect(byJson.id).toBe(by.id);
      expect(byJson.contests.map((c: any) => c.name)).toEqual(['Watling']);
      const byWidget = await widget();
      expect(byWidget).toContain('Medway Council by-election: Watling');
      expect(byWidget).not.toContain('Medway Council local elections 2023');
      // The borough election is still served at its own addresses, whole.
      const medwayPage = await h.app.request(`/elections/${encodeURIComponent(medway.id)}`, { headers: { accept: 'text/html' } });
      expect(medwayPage.status).toBe(200);
      expect(textOf(await medwayPage.text())).toContain('0 of 24 wards declared');
      expect((await h.getJson(`/api/v1/elections/${encodeURIComponent(medway.id)}`)).body.contests).toHaveLength(24);

      // Audited, once: a second click on a page not reloaded records nothing.
      expect((await makeCurrent(by.id)).status).toBe(303);
      const entries = await h.db.select().from(auditLog).where(eq(auditLog.entityId, by.id));
      expect(entries.filter((a) => a.action === 'election.current')).toHaveLength(1);
      expect(textOf(await (await admin.get('/admin/audit')).text())).toContain(
        "Made Medway Council by-election: Watling the current election: the site's home page leads to it.",
      );
    });

    it('follows a change of the current election within the caching a few seconds allow', async () => {
      const { h, makeCurrent } = await setUp();
      const by = byElection();
      await importElection(h.db, by);
      expect((await makeCurrent(h.def.id)).status).toBe(303);
      const widget = await h.app.request('/embed/elections/current');
      expect(widget.headers.get('cache-control')).toBe('public, max-age=5, s-maxage=5, stale-while-revalidate=30');
      const api = await h.app.request('/api/v1/elections/current');
      expect(api.headers.get('access-control-allow-origin')).toBe('*');
      expect(((await api.json()) as { id: string }).id).toBe(h.def.id);
      // The ETag is the election's: a newsroom polling the default sees the switch as a change.
      const etag = api.headers.get('etag')!;
      expect((await h.app.request('/api/v1/elections/current', { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await makeCurrent(by.id)).status).toBe(303);
      const switched = await h.app.request('/api/v1/elections/current', { headers: { 'if-none-match': etag } });
      expect(switched.status).toBe(200);
      expect(((await switched.json()) as { id: string }).id).toBe(by.id);
    });

    it('shows a typed election name as text on the admin page and in the notice', async () => {
      const { h, admin, makeCurrent } = await setUp();
      const by = byElection({ name: publishedHostileName });
      await importElection(h.db, by);
      const made = await makeCurrent(by.id);
      const html = await (await admin.get(made.headers.get('location')!)).text();
      expect(html).not.toContain('<img src=x');
      expect(textOf(html)).toContain(`${publishedHostileName} is now the current election`);
    });

    it('warns on the status page while a rehearsal is current on the night of a real election', async () => {
      const { h, admin, makeCurrent } = await setUp({ define: (def) => ({ ...def, date: ukToday() }) });
      const rehearsal = byElection({ name: 'Practice night', date: '2099-05-01', rehearsal: true });
      await importElection(h.db, rehearsal);
      expect((await makeCurrent(rehearsal.id)).status).toBe(303);
      const warning =
        "Practice night is a rehearsal and is still the current election on the night of Medway Council local elections 2023: the site's home page, the widget's default and the public JSON's default show the rehearsal. Make Medway Council local elections 2023 current (Admin).";
      expect(textOf(await (await admin.get('/admin/status')).text())).toContain(warning);
      expect((await makeCurrent(h.def.id)).status).toBe(303);
      expect(textOf(await (await admin.get('/admin/status')).text())).not.toContain('is still the current election');
    });

    it('is for admins only, and an unknown election is not found', async () => {
      const { h, makeCurrent } = await setUp();
      const by = byElection();
      await importElection(h.db, by);
      expect((await makeCurrent(h.def.id)).status).toBe(303);
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      const path = `/admin/elections/${encodeURIComponent(by.id)}/current`;
      expect((await officer.post(path, { _csrf: officer.csrf })).status).toBe(403);
      expect((await h.app.request(path, { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(401);
      expect((await makeCurrent('no-such-election')).status).toBe(404);
      expect((await h.getJson('/api/v1/elections/current')).body.id).toBe(h.def.id);
    });
  });
}
