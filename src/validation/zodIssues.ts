// Zod's issues in words that name the field, shared by every reader of a file or form
// (an election's definition, an export, a declaration).
import type { z } from 'zod';

/** Zod's issues as lines that name the field, e.g. "contests[3].candidates[0].surname: ...". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
}

/** A zod path as written in the file, e.g. "contests[3].id"; `whole` when it is the whole thing. */
export function fieldPath(path: PropertyKey[], whole = '(the file)'): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  }
  return out || whole;
}
