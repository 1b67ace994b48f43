// Admin → Social posts: the channels, their switches and wording, and the outbox with its
// retry / approve / cancel buttons. Credentials come from the environment only: this screen
// shows which variables are set, never their values, and cannot weaken them.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { actOnOutboxRow, findOutboxRow, listOutbox, outboxCounts, type OutboxStatus } from '../../db/outbox';
import { recentDeclarations } from '../../db/recentDeclarations';
import { changeChannelSettings, channelSettings, defaultChannelSettings, settingsOf } from '../../db/socialChannels';
import { outboxStatuses } from '../../db/schema';
import { SocialPage, type ChannelOverview } from '../../views/admin/SocialPage';
import { channelNotices, isChannelNoticeCode, isPostNoticeCode, postNotices, type ChannelNoticeCode, type PostNoticeCode } from '../../views/admin/socialNotices';
import { choiceValue, WordingPage, type WordingPageProps } from '../../views/admin/WordingPage';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { channelLabel, channelLabels, channelNames, isChannelName, type ChannelName } from '../social/channelNames';
import { channelSetups, socialConfig, variablesSet, type Env } from '../social/config';
import { previewWording } from '../social/preview';
import { defaultTemplates } from '../social/wording/defaults';
import { parseTemplate } from '../social/wording/template';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

export interface AdminSocialOptions {
  /** The environment the channels are configured from (process.env, or the Worker's bindings). */
  env: (c: Ctx) => Env;
}

const onOff = z.enum(['on', 'off'], { error: 'Choose on or off.' });
const settingsForm = z.object({ paused: onOff.optional(), holdForApproval: onOff.optional(), postUpdates: onOff.optional() });
const templateText = (what: string) =>
  z
    .string({ error: `Write the wording for ${what}.` })
    .trim()
    .min(1, `Write the wording for ${what}.`)
    .max(2000, `The wording for ${what} is longer than 2,000 characters.`);
const wordingForm = z.object({
  action: z.enum(['preview', 'save', 'reset'], { error: 'Choose Preview, Save or Use the built-in wording.' }),
  declaration: templateText('a result'),
  correction: templateText('a correction'),
  preview: z.string().optional(),
});
const outboxAction = z.enum(['retry', 'approve', 'cancel'], { error: 'That is not something that can be done to a post.' });


function channelParam(c: Ctx): ChannelName | null {
  const name = c.req.param('channel') ?? '';
  return isChannelName(name) ? name : null;
}

async function overview(c: Ctx, env: Env): Promise<ChannelOverview[]> {
  const setups = channelSetups(env);
  const settings = await channelSettings(c.var.db);
  const counts = await outboxCounts(c.var.db);
  return channelNames.map((name) => ({
    name,
    label: channelLabels[name],
    state: setups[name],
    variables: variablesSet(env, name),
    settings: settings.get(name) ?? defaultChannelSettings(name),
    counts: Object.fromEntries(counts.filter((n) => n.channel === name).map((n) => [n.status, n.count])),
  }));
}

function templateProblems(which: string, source: string): string[] {
  const parsed = parseTemplate(source);
  return parsed.ok ? [] : parsed.problems.map((problem) => `${which}: ${problem}`);
}

function parseChoice(value: string | undefined) {
  const [electionId, contestId, version] = (value ?? '').split('|');
  return electionId && contestId && Number(version) > 0 ? { electionId, contestId, version: Number(version) } : null;
}

async function wordingPage(c: Ctx, channel: ChannelName, env: Env, state: { templates?: WordingPageProps['templates']; chosen?: string; problems?: string[]; saved?: boolean }, status: 200 | 422 = 200) {
  const settings = await settingsOf(c.var.db, channel);
  const templates = state.templates ?? {
    declaration: settings.declarationTemplate ?? defaultTemplates.declaration,
    correction: settings.correctionTemplate ?? defaultTemplates.correction,
  };
  const choices = await recentDeclarations(c.var.db);
  const chosen = state.chosen ?? (choices[0] ? choiceValue(choices[0]) : null);
  const ref = parseChoice(chosen ?? undefined);
  const publicUrl = socialConfig(env).publicUrl;
  // A correction's wording is previewed against a correction when one is chosen; otherwise
  // against the chosen result, to show the words (the reason is then left out).
  const previews = ref
    ? {
        declaration: await previewWording(c.var.db, channel, templates.declaration, ref, publicUrl),
        correction: await previewWording(c.var.db, channel, templates.correction, ref, publicUrl),
      }
    : { declaration: null, correction: null };
  return c.html(
    <WordingPage
      channel={channel}
      label={channelLabel(channel)}
      templates={templates}
      builtIn={settings.declarationTemplate === null && settings.correctionTemplate === null}
      choices={choices}
      chosen={chosen}
      previews={previews}
      problems={state.problems ?? []}
      saved={state.saved ?? false}
      signedIn={signedIn(c)}
    />,
    status,
  );
}

/** The fixed words for the codes in ?done=, about a known channel or a post in the database. */
async function noticeOf(c: Ctx): Promise<string | null> {
  const codes = c.req.queries('done') ?? [];
  const channel = c.req.query('channel');
  if (channel !== undefined) {
    if (!isChannelName(channel)) return null;
    const said = codes.filter(isChannelNoticeCode).map((code) => channelNotices[code](channelLabel(channel)));
    return said.length ? said.join(' ') : null;
  }
  const [code = ''] = codes;
  if (!isPostNoticeCode(code)) return null;
  const row = await findOutboxRow(c.var.db, c.req.query('post') ?? '');
  if (!row) return null;
  const post = `${channelLabel(row.channel)} post for ${row.contestName}${row.version > 1 ? ` (version ${row.version})` : ''}`;
  return postNotices[code](post, row.status);
}

export function adminSocial(options: AdminSocialOptions) {
  return new Hono<AppEnv>()
    .use('/admin/social', requireRole('admin'))
    .use('/admin/social/*', requireRole('admin'))
    .get('/admin/social', async (c) => {
      const env = options.env(c);
      const status = c.req.query('status');
      const filter = (outboxStatuses as readonly string[]).includes(status ?? '') ? (status as OutboxStatus) : null;
      return c.html(
        <SocialPage
          channels={await overview(c, env)}
          rows={await listOutbox(c.var.db, { status: filter ?? undefined })}
          filter={filter}
          publicUrl={socialConfig(env).publicUrl}
          signedIn={signedIn(c)}
          message={await noticeOf(c)}
        />,
      );
    })
    .post('/admin/social/channels/:channel/settings', async (c) => {
      const channel = channelParam(c);
      if (!channel) return c.notFound();
      const parsed = settingsForm.safeParse(await c.req.parseBody());
      if (!parsed.success) return c.json({ error: 'invalid', message: parsed.error.issues[0]?.message ?? 'Choose on or off.' }, 422);
      const change = {
        ...(parsed.data.paused ? { paused: parsed.data.paused === 'on' } : {}),
        ...(parsed.data.holdForApproval ? { holdForApproval: parsed.data.holdForApproval === 'on' } : {}),
        ...(parsed.data.postUpdates ? { postUpdates: parsed.data.postUpdates === 'on' } : {}),
      };
      await changeChannelSettings(c.var.db, channel, change, actorOf(c));
      const done: ChannelNoticeCode[] = [
        ...(change.paused === undefined ? [] : [change.paused ? ('paused' as const) : ('resumed' as const)]),
        ...(change.holdForApproval === undefined ? [] : [change.holdForApproval ? ('holding' as const) : ('not-holding' as const)]),
        ...(change.postUpdates === undefined ? [] : [change.postUpdates ? ('updates-on' as const) : ('updates-off' as const)]),
      ];
      const codes = (done.length ? done : ['unchanged']).map((code) => `done=${code}`).join('&');
      return c.redirect(`/admin/social?${codes}&channel=${channel}`, 303);
    })
    .get('/admin/social/channels/:channel', async (c) => {
      const channel = channelParam(c);
      if (!channel) return c.notFound();
      return wordingPage(c, channel, options.env(c), { chosen: c.req.query('preview'), saved: c.req.query('saved') === '1' });
    })
    .post('/admin/social/channels/:channel', async (c) => {
      const channel = channelParam(c);
      if (!channel) return c.notFound();
      const body = await c.req.parseBody();
      const parsed = wordingForm.safeParse(body);
      const typed = { declaration: String(body.declaration ?? ''), correction: String(body.correction ?? '') };
      const chosen = typeof body.preview === 'string' ? body.preview : undefined;
      if (!parsed.success) return wordingPage(c, channel, options.env(c), { templates: typed, chosen, problems: [...new Set(parsed.error.issues.map((i) => i.message))] }, 422);
      const { action, declaration, correction } = parsed.data;
      if (action === 'reset') {
        await changeChannelSettings(c.var.db, channel, { declarationTemplate: null, correctionTemplate: null }, actorOf(c));
        return c.redirect(`/admin/social/channels/${channel}?saved=1`, 303);
      }
      const problems = [...templateProblems('A result', declaration), ...templateProblems('A correction', correction)];
      if (problems.length || action === 'preview') {
        return wordingPage(c, channel, options.env(c), { templates: { declaration, correction }, chosen, problems }, problems.length ? 422 : 200);
      }
      await changeChannelSettings(
        c.var.db,
        channel,
        {
          declarationTemplate: declaration === defaultTemplates.declaration ? null : declaration,
          correctionTemplate: correction === defaultTemplates.correction ? null : correction,
        },
        actorOf(c),
      );
      return c.redirect(`/admin/social/channels/${channel}?saved=1${chosen ? `&preview=${encodeURIComponent(chosen)}` : ''}`, 303);
    })
    .post('/admin/social/outbox/:id/:action', async (c) => {
      const action = outboxAction.safeParse(c.req.param('action'));
      if (!action.success) return c.notFound();
      const row = await findOutboxRow(c.var.db, c.req.param('id'));
      if (!row) return c.json({ error: 'not_found', message: 'There is no such post.' }, 404);
      const after = await actOnOutboxRow(c.var.db, row.id, action.data, actorOf(c));
      const done: PostNoticeCode = after?.status === row.status ? 'unchanged' : action.data;
      return c.redirect(`/admin/social?done=${done}&post=${encodeURIComponent(row.id)}#outbox`, 303);
    });
}
