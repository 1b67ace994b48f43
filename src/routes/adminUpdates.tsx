// Admin → an election's automatic updates from the count: whether a ward's status change
// (counting, recount, postponed) also posts an update ("Recount in Rainham North."). Off by
// default; the switch is on the election's timetable page.
import { Hono } from 'hono';
import { z } from 'zod';
import { setAutomaticStatusUpdates } from '../../db/countUpdates';
import { electionUpdatedAt } from '../../db/results';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { actorOf } from './actor';

const form = z.object({ on: z.enum(['on', 'off'], { error: 'Choose on or off.' }) });

export const adminUpdates = new Hono<AppEnv>().post('/admin/elections/:electionId/automatic-updates', requireRole('admin'), async (c) => {
  const electionId = c.req.param('electionId');
  if ((await electionUpdatedAt(c.var.db, electionId)) === null) return c.notFound();
  const parsed = form.safeParse(await c.req.parseBody());
  if (!parsed.success) return c.json({ error: 'invalid', message: parsed.error.issues[0]?.message ?? 'Choose on or off.' }, 422);
  await setAutomaticStatusUpdates(c.var.db, electionId, parsed.data.on === 'on', actorOf(c));
  return c.redirect(`/admin/elections/${encodeURIComponent(electionId)}/timetable?automatic=${parsed.data.on}#automatic-updates`, 303);
});
