// /setup: the first admin of a fresh deployment, from the browser, with a one-time secret the
// council sets (SETUP_TOKEN). On Workers there is no shell next to the database, so without
// this the first account needs a round trip through the CLI's SQL and `wrangler d1 execute`.
// Closed for good once any admin exists; the creation is audited.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { createFirstAdmin, hasAdmin } from '../../db/firstAdmin';
import { findUserByName } from '../../db/users';
import { SetupPage, type SetupState } from '../../views/admin/SetupPage';
import { hashPassword } from '../auth/password';
import { equalInConstantTime, hashToken } from '../auth/secrets';
import type { AppEnv } from '../env';
import { actorOf } from './actor';

/** Shorter secrets could be guessed through the form; a 24-character random one cannot. */
export const setupTokenMinLength = 24;

const setupForm = z
  .object({
    token: z.string({ error: 'Enter the setup token.' }).min(1, 'Enter the setup token.').max(1000),
    name: z.string({ error: 'Enter a user name.' }).trim().min(1, 'Enter a user name.').max(100, 'Use a user name of at most 100 characters.'),
    password: z
      .string({ error: 'Choose a password of at least 12 characters.' })
      .min(12, 'Choose a password of at least 12 characters.')
      .max(1000, 'Choose a shorter password.'),
    confirm: z.string({ error: 'Type the password again.' }).max(1000),
  })
  .refine((form) => form.password === form.confirm, { message: 'The two passwords are not the same. Type them again.' });

/** Where the page stands: open only with a long enough token and no admin yet. */
async function setupState(c: Context<AppEnv>, token: string | undefined): Promise<SetupState> {
  if (await hasAdmin(c.var.db)) return { kind: 'closed' };
  if (!token) return { kind: 'off', reason: 'unset', minLength: setupTokenMinLength };
  if (token.length < setupTokenMinLength) return { kind: 'off', reason: 'short', minLength: setupTokenMinLength };
  return { kind: 'open' };
}

const statusOf = { open: 200, off: 503, closed: 404 } as const;

/** Hashed before comparing, so the comparison takes the same time whatever the lengths. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  return equalInConstantTime(await hashToken(given), await hashToken(expected));
}

export function setup(setupToken: (c: Context) => string | undefined) {
  return new Hono<AppEnv>()
    .get('/setup', async (c) => {
      const state = await setupState(c, setupToken(c));
      return c.html(<SetupPage state={state} />, statusOf[state.kind]);
    })
    .post('/setup', async (c) => {
      const token = setupToken(c);
      const state = await setupState(c, token);
      if (state.kind !== 'open' || !token) return c.html(<SetupPage state={state} />, statusOf[state.kind]);
      const form = await c.req.parseBody();
      const parsed = setupForm.safeParse(form);
      if (!parsed.success) {
        const name = typeof form.name === 'string' ? form.name.slice(0, 100) : undefined;
        return c.html(<SetupPage state={{ kind: 'open', name, error: parsed.error.issues[0]?.message ?? 'Fill in every box.' }} />, 400);
      }
      const { name, password } = parsed.data;
      if (!(await sameSecret(parsed.data.token, token))) {
        return c.html(<SetupPage state={{ kind: 'open', name, error: 'That is not the setup token set for this deployment. Check it and try again.' }} />, 403);
      }
      if (await findUserByName(c.var.db, name)) {
        return c.html(<SetupPage state={{ kind: 'open', name, error: `There is already a user called ${name}. Choose another name.` }} />, 400);
      }
      const admin = await createFirstAdmin(c.var.db, { name, passwordHash: await hashPassword(password) }, actorOf(c));
      // Someone else finished setup between our check and our write: theirs stands.
      if (!admin) return c.html(<SetupPage state={{ kind: 'closed' }} />, 409);
      return c.redirect('/login?next=/admin', 303);
    });
}
