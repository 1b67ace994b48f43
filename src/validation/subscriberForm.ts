// The admin's "Add a subscriber" form: a name, the address deliveries go to, and a secret
// (typed, or left empty for one to be made). Every problem in words an admin can act on.
import { z } from 'zod';
import { oneLine, publishableText } from './textField';

/** Long enough that it cannot be guessed; the one we make is 43 characters (256 bits). */
export const minSecretLength = 24;

/**
 * Plain http:// would carry every delivery, and what a receiver answers, unencrypted: so
 * only https://, except to this machine itself (a receiver being tried out, and the tests).
 */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

const httpsOnly =
  'The address must start with https://, so deliveries travel encrypted (plain http:// only for a receiver on this machine: localhost or 127.0.0.1).';

export const subscriberAddress = z
  .string({ error: 'Give the address deliveries go to.' })
  .trim()
  .min(1, 'Give the address deliveries go to, like https://newsroom.example/declare.')
  .max(2000, 'The address is longer than 2,000 characters.')
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'That is not a web address: give the whole address, starting with https://.' });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
      ctx.addIssue({ code: 'custom', message: httpsOnly });
      return z.NEVER;
    }
    if (url.username || url.password) {
      // It would be shown on the list, and the signature already proves who is sending.
      ctx.addIssue({ code: 'custom', message: 'The address must not hold a user name or password: each delivery is signed with the secret instead.' });
      return z.NEVER;
    }
    return url.href;
  });

export const subscriberForm = z.object({
  name: publishableText('The name', oneLine).pipe(z.string().min(1, "Give the subscriber a name, such as the newsroom's.")),
  url: subscriberAddress,
  secret: z
    .string()
    .optional()
    .transform((s) => s?.trim() || undefined)
    .pipe(
      z
        .string()
        .min(minSecretLength, `The secret must be at least ${minSecretLength} characters, so it cannot be guessed; or leave it empty and one is made.`)
        .max(200, 'The secret must be at most 200 characters.')
        .regex(/^[\x21-\x7e]+$/, 'The secret may hold only letters, digits and keyboard punctuation, without spaces.')
        .optional(),
    ),
});

export type SubscriberForm = z.infer<typeof subscriberForm>;
