// A text field people fill in and we publish, as a zod schema: the rules of
// src/domain/text.ts where text comes in (the election file, the write API, the phone form).
import { z } from 'zod';
import { balanceDirection, normaliseNewlines, textProblem, type TextRule } from '../domain/text';

/** Names, ids and the organisation: one line, as long as any real one and then some. */
export const oneLine: TextRule = { maxLength: 200 };
/** A correction's reason: a few sentences, on several lines if need be. */
export const severalLines: TextRule = { multiline: true, maxLength: 500 };

/**
 * Text with no control character (but newlines where `rule` allows them), at most
 * `rule.maxLength` characters once trimmed, its direction controls closed within it.
 * `what` names the field in messages ("reason contains a control character (U+0008)...").
 */
export function publishableText(what: string, rule: TextRule) {
  return z
    .string({ error: `${what} must be text` })
    .overwrite(normaliseNewlines)
    .trim()
    .superRefine((text, ctx) => {
      const problem = textProblem(what, text, rule);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .overwrite(balanceDirection);
}
