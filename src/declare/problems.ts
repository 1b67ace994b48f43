// Problems with a submission, each tied to the field it is about, so the API can list them
// all at once and the phone form can show each next to its input.
import type { z } from 'zod';
import { fieldPath } from '../validation/zodIssues';

export interface Problem {
  field: string;
  message: string;
  code?: string;
}

export class ProblemsError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 422,
    readonly problems: Problem[],
  ) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  }
}

export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path, 'body'), message: issue.message }));
}
