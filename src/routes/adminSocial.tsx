// Admin → Social posts: the channels, their switches, and the outbox. Credentials come from
// the environment only: this screen shows which variables are set, never their values, and
// cannot weaken them. A channel's wording is adminSocialWording.tsx; the outbox's buttons,
// adminOutbox.tsx.
import { Hono, type Context } from 'hono';
import { findOutboxRow, listOutbox, outboxCounts, type OutboxStatus } from '../../db/outbox';
import { outboxStatuses } from '../../db/schema';
import { changeChannelSettings, channelSettings } from '../../db/socialChannels';
import { SocialPage } from '../../views/admin/SocialPage';
import { channelOverview } from '../../views/admin/socialOverview';
import { channelNotice, isPostNoticeCode, postNotice, switchNoticeCodes } from '../../views/admin/socialNotices';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { isChannelName } from '../social/channelNames';
import { socialConfig, type Env } from '../social/config';
import { channelSettingsForm } from '../validation/socialForms';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

export interface AdminSocialOptions {
  /** The environment the channels are configured from (process.env, or the Worker's bindings). */
  env: (c: Ctx) => Env;
}

/** The words for ?done=, about a known channel or a post in the database; nothing for anything else. */
async function noticeOf(c: Ctx): Promise<string | null> {
  const codes = c.req.queries('done') ?? [];
  const channel = c.req.query('channel');
  if (channel !== undefined) return isChannelName(channel) ? channelNotice(channel, codes) : null;
  const [code = ''] = codes;
  if (!isPostNoticeCode(code)) return null;
  const row = await findOutboxRow(c.var.db, c.req.query('post') ?? '');
  return row ? postNotice(code, row) : null;
}

export function adminSocial(options: AdminSocialOptions) {
  return new Hono<AppEnv>()
    .use('/admin/social', requireRole('admin'))
    .use('/admin/social/channels/:channel/settings', requireRole('admin'))
    .get('/admin/social', async (c) => {
      const env = options.env(c);
      const status = c.req.query('status');
      const filter = (outboxStatuses as readonly string[]).includes(status ?? '') ? (status as OutboxStatus) : null;
      return c.html(
        <SocialPage
          channels={channelOverview(env, await channelSettings(c.var.db), await outboxCounts(c.var.db))}
          rows={await listOutbox(c.var.db, { status: filter ?? undefined })}
          filter={filter}
          publicUrl={socialConfig(env).publicUrl}
          signedIn={signedIn(c)}
          message={await noticeOf(c)}
        />,
      );
    })
    .post('/admin/social/channels/:channel/settings', async (c) => {
      const channel = c.req.param('channel');
      if (!isChannelName(channel)) return c.notFound();
      const parsed = channelSettingsForm.safeParse(await c.req.parseBody());
      if (!parsed.success) return c.json({ error: 'invalid', message: parsed.error.issues[0]?.message ?? 'Choose on or off.' }, 422);
      await changeChannelSettings(c.var.db, channel, parsed.data, actorOf(c));
      const codes = switchNoticeCodes(parsed.data).map((code) => `done=${code}`).join('&');
      return c.redirect(`/admin/social?${codes}&channel=${channel}`, 303);
    });
}
