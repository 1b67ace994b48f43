// JSON bodies checked with zod; a bad one gets 422 with every problem, named by field.
import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { problemsFromZod } from '../declare/problems';

export function jsonBody<T extends z.ZodType>(schema: T) {
  return zValidator('json', schema, (result, c) => {
    if (!result.success) {
      return c.json({ error: 'invalid', problems: problemsFromZod(result.error as unknown as z.ZodError) }, 422);
    }
  });
}
