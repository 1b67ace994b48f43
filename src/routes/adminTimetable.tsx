// Admin → Timetable: when the count starts and when each ward is expected to declare.
import { Hono } from 'hono';
import { loadElection } from '../../db/results';
import { setTimetable } from '../../db/timetable';
import { TimetablePage, timetableField } from '../../views/admin/TimetablePage';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { londonTimeField } from '../validation/londonTime';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

const path = (electionId: string) => `/admin/elections/${encodeURIComponent(electionId)}/timetable`;

export const adminTimetable = new Hono<AppEnv>()
  .use('/admin/elections/*', requireRole('admin'))
  .get('/admin/elections/:electionId/timetable', async (c) => {
    const snapshot = await loadElection(c.var.db, c.req.param('electionId'));
    if (!snapshot) return c.notFound();
    const automatic = c.req.query('automatic');
    return c.html(
      <TimetablePage
        election={snapshot.election}
        contests={snapshot.contests}
        saved={c.req.query('saved') === 'yes'}
        automaticChanged={automatic === 'on' || automatic === 'off'}
        signedIn={signedIn(c)}
      />,
    );
  })
  .post('/admin/elections/:electionId/timetable', async (c) => {
    const snapshot = await loadElection(c.var.db, c.req.param('electionId'));
    if (!snapshot) return c.notFound();
    const body = await c.req.parseBody();
    const typed: Record<string, string> = {};
    const errors = new Map<string, string>();
    // Every box checked before anything is saved: one slip saves nothing.
    const read = (name: string, what: string): string | null => {
      const raw = typeof body[name] === 'string' ? (body[name] as string) : '';
      typed[name] = raw;
      const parsed = londonTimeField(what).safeParse(raw);
      if (parsed.success) return parsed.data;
      errors.set(name, parsed.error.issues[0]!.message);
      return null;
    };
    const countStarts = read(timetableField.countStarts, 'Results from');
    const expected = Object.fromEntries(snapshot.contests.map((ward) => [ward.id, read(timetableField.expected(ward.id), `The expected time for ${ward.name}`)]));
    if (errors.size > 0) {
      return c.html(<TimetablePage election={snapshot.election} contests={snapshot.contests} typed={typed} errors={errors} signedIn={signedIn(c)} />, 422);
    }
    await setTimetable(c.var.db, snapshot.election.id, { countStarts, expected }, actorOf(c));
    return c.redirect(`${path(snapshot.election.id)}?saved=yes`, 303);
  });
