// The admin's social forms (Admin → Social posts), checked before anything is written;
// messages say what to fix.
import { z } from 'zod';

const onOff = z.enum(['on', 'off'], { error: 'Choose on or off.' }).transform((value) => value === 'on');

/**
 * A channel's switches, each true for on: each is sent only by its own button, so a switch
 * not sent is left out (and left as it is).
 */
export const channelSettingsForm = z.object({ paused: onOff.optional(), holdForApproval: onOff.optional(), postUpdates: onOff.optional() });
export type SwitchesChanged = z.infer<typeof channelSettingsForm>;

const templateText = (what: string) =>
  z
    .string({ error: `Write the wording for ${what}.` })
    .trim()
    .min(1, `Write the wording for ${what}.`)
    .max(2000, `The wording for ${what} is longer than 2,000 characters.`);

/** A channel's wording: the two templates, and whether to preview, save or go back to the built-in ones. */
export const wordingForm = z.object({
  action: z.enum(['preview', 'save', 'reset'], { error: 'Choose Preview, Save or Use the built-in wording.' }),
  declaration: templateText('a result'),
  correction: templateText('a correction'),
  preview: z.string().optional(),
});

/** What an admin can do to a post in the outbox (the last part of its button's address). */
export const outboxAction = z.enum(['retry', 'approve', 'cancel'], { error: 'That is not something that can be done to a post.' });
