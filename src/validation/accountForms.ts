// The admin's account forms, checked before anything is written; messages say what to fix.
import { z } from 'zod';
import { userRoles } from '../../db/schema';

export const userName = z
  .string({ error: 'Enter a user name.' })
  .trim()
  .min(1, 'Enter a user name.')
  .max(100, 'Use a user name of at most 100 characters.');

export const newPersonForm = z.object({
  name: userName,
  role: z.enum(userRoles, { error: 'Choose officer or admin.' }),
});

export const newTokenForm = z.object({
  label: z
    .string({ error: 'Name the token after what will use it, like "count software".' })
    .trim()
    .min(1, 'Name the token after what will use it, like "count software".')
    .max(100, 'Use a token name of at most 100 characters.'),
});
