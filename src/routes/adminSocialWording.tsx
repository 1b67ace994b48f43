// Admin → Social posts → a channel's wording: its two templates (a result, a correction),
// previewed against a recent declaration, saved, or put back to the built-in ones.
import { Hono, type Context } from 'hono';
import { recentDeclarations } from '../../db/recentDeclarations';
import { changeChannelSettings, settingsOf } from '../../db/socialChannels';
import { WordingPage, type WordingPageProps } from '../../views/admin/WordingPage';
import { choiceValue, chosenDeclaration } from '../../views/admin/wordingChoice';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { channelLabel, isChannelName, type ChannelName } from '../social/channelNames';
import { socialConfig, type Env } from '../social/config';
import { previewTemplates } from '../social/preview';
import { defaultTemplates } from '../social/wording/defaults';
import { parseTemplate } from '../social/wording/template';
import { wordingForm } from '../validation/socialForms';
import { actorOf } from './actor';
import type { AdminSocialOptions } from './adminSocial';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

function templateProblems(which: string, source: string): string[] {
  const parsed = parseTemplate(source);
  return parsed.ok ? [] : parsed.problems.map((problem) => `${which}: ${problem}`);
}

interface WordingState {
  templates?: WordingPageProps['templates'];
  chosen?: string;
  problems?: string[];
  saved?: boolean;
}

async function wordingPage(c: Ctx, channel: ChannelName, env: Env, state: WordingState, status: 200 | 422 = 200) {
  const settings = await settingsOf(c.var.db, channel);
  const templates = state.templates ?? {
    declaration: settings.declarationTemplate ?? defaultTemplates.declaration,
    correction: settings.correctionTemplate ?? defaultTemplates.correction,
  };
  const choices = await recentDeclarations(c.var.db);
  const chosen = state.chosen ?? (choices[0] ? choiceValue(choices[0]) : null);
  const declaration = chosenDeclaration(chosen ?? undefined);
  const previews = declaration
    ? await previewTemplates(c.var.db, channel, templates, declaration, socialConfig(env).publicUrl)
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

export function adminSocialWording(options: AdminSocialOptions) {
  return new Hono<AppEnv>()
    .use('/admin/social/channels/:channel', requireRole('admin'))
    .get('/admin/social/channels/:channel', async (c) => {
      const channel = c.req.param('channel');
      if (!isChannelName(channel)) return c.notFound();
      return wordingPage(c, channel, options.env(c), { chosen: c.req.query('preview'), saved: c.req.query('saved') === '1' });
    })
    .post('/admin/social/channels/:channel', async (c) => {
      const channel = c.req.param('channel');
      if (!isChannelName(channel)) return c.notFound();
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
      // The built-in wording is kept as none, so a better built-in one reaches this channel too.
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
    });
}
