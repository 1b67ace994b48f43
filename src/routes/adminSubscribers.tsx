// Admin → Newsroom subscribers: add one (its secret made and shown once, or typed), pause,
// resume or remove it, and retry a failed delivery. Admins only; every form carries the
// session's CSRF token (checked by the app's middleware) and every change is audited.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { actOnOutboxRow, findOutboxRow, listOutbox } from '../../db/outbox';
import {
  addSubscriber,
  deliveryCounts,
  findSubscriber,
  isSubscriberChannel,
  listSubscribers,
  removeSubscriber,
  setSubscriberPaused,
  subscriberChannel,
  subscriberChannelPrefix,
} from '../../db/subscribers';
import { isSubscriberNoticeCode, removedNotice, subscriberNotices } from '../../views/admin/subscriberNotices';
import { SubscribersPage, type SubscribersPageProps } from '../../views/admin/SubscribersPage';
import { requireRole } from '../auth/middleware';
import { randomToken } from '../auth/secrets';
import type { AppEnv } from '../env';
import { subscriberForm } from '../validation/subscriberForm';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

const subscriberAction = z.enum(['pause', 'resume', 'remove']);

/** The fixed words for ?done=<code>&subscriber=<id>; nothing for anything else. */
async function noticeOf(c: Ctx): Promise<string | null> {
  const code = c.req.query('done');
  if (code === 'removed') return removedNotice;
  if (!isSubscriberNoticeCode(code)) return null;
  const subscriber = await findSubscriber(c.var.db, c.req.query('subscriber') ?? '');
  return subscriber ? subscriberNotices[code](subscriber.name) : null;
}

async function page(c: Ctx, extra: Partial<SubscribersPageProps>) {
  const [subscribers, counts, failed] = await Promise.all([
    listSubscribers(c.var.db),
    deliveryCounts(c.var.db),
    listOutbox(c.var.db, { status: 'failed', of: 'subscribers' }),
  ]);
  const names = new Map<string, string>(subscribers.map((s) => [subscriberChannel(s.id), s.name]));
  return (
    <SubscribersPage
      subscribers={subscribers.map((s) => ({ ...s, counts: counts.get(s.id) ?? { queued: 0, sent: 0, failed: 0, lastSentAt: null } }))}
      failed={failed.map((row) => ({ ...row, subscriberName: names.get(row.channel) ?? 'a removed subscriber' }))}
      notice={null}
      signedIn={signedIn(c)}
      {...extra}
    />
  );
}

const done = (c: Ctx, code: string, subscriberId: string, anchor = '') =>
  c.redirect(`/admin/subscribers?done=${code}&subscriber=${encodeURIComponent(subscriberId)}${anchor}`, 303);

export const adminSubscribers = new Hono<AppEnv>()
  .use('/admin/subscribers', requireRole('admin'))
  .use('/admin/subscribers/*', requireRole('admin'))
  .get('/admin/subscribers', async (c) => c.html(await page(c, { notice: await noticeOf(c) })))
  .post('/admin/subscribers', async (c) => {
    const body = await c.req.parseBody();
    const values = { name: typeof body.name === 'string' ? body.name : '', url: typeof body.url === 'string' ? body.url : '' };
    const refuse = async (problems: string[]) => c.html(await page(c, { form: { values, problems } }), 422);
    const parsed = subscriberForm.safeParse(body);
    if (!parsed.success) return refuse([...new Set(parsed.error.issues.map((issue) => issue.message))]);
    const typed = parsed.data.secret;
    const secret = typed ?? randomToken();
    const added = await addSubscriber(c.var.db, { name: parsed.data.name, url: parsed.data.url, secret }, actorOf(c));
    if (!added.ok) return refuse(['There is already a subscriber at that address: nothing was added.']);
    if (typed) return done(c, 'added', added.subscriber.id);
    // The one time the secret is shown: on this answer, never in an address or a later page.
    return c.html(await page(c, { created: { name: added.subscriber.name, secret } }), 201);
  })
  .post('/admin/subscribers/deliveries/:id/retry', async (c) => {
    const row = await findOutboxRow(c.var.db, c.req.param('id'));
    if (!row || !isSubscriberChannel(row.channel)) return c.json({ error: 'not_found', message: 'There is no such delivery.' }, 404);
    const after = await actOnOutboxRow(c.var.db, row.id, 'retry', actorOf(c));
    return done(c, after?.status === row.status ? 'unchanged' : 'retry', row.channel.slice(subscriberChannelPrefix.length), '#failed');
  })
  .post('/admin/subscribers/:id/:action', async (c) => {
    const action = subscriberAction.safeParse(c.req.param('action'));
    if (!action.success) return c.notFound();
    const id = c.req.param('id');
    const noSuch = () => c.json({ error: 'not_found', message: 'There is no such subscriber.' }, 404);
    if (action.data === 'remove') return (await removeSubscriber(c.var.db, id, actorOf(c))) ? c.redirect('/admin/subscribers?done=removed', 303) : noSuch();
    const paused = action.data === 'pause';
    return (await setSubscriberPaused(c.var.db, id, paused, actorOf(c))) ? done(c, paused ? 'paused' : 'resumed', id) : noSuch();
  });
