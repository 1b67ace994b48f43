// What an officer or admin sends to publish an update from the count, checked with words
// a person at the count understands. The text follows the project's text rules
// (src/domain/text.ts): no control character, line breaks allowed, direction controls
// closed; and it must fit in one post.
import { z } from 'zod';
import { balanceDirection, normaliseNewlines, textProblem } from '../domain/text';

/** The longest update: what X takes in one post, so no update is cut short anywhere. */
export const updateTextLimit = 280;

export const updateText = z
  .string({ error: 'The update must be text.' })
  .overwrite(normaliseNewlines)
  .trim()
  .superRefine((text, ctx) => {
    const length = [...text].length;
    const problem =
      length === 0
        ? 'The update is empty: write what is happening at the count.'
        : length > updateTextLimit
          ? `The update is ${length} characters long: it can be at most ${updateTextLimit}, so that it fits in one post. Shorten it by ${length - updateTextLimit}.`
          : textProblem('The update', text, { multiline: true, maxLength: updateTextLimit });
    if (problem) ctx.addIssue({ code: 'custom', message: problem.endsWith('.') ? problem : `${problem}.` });
  })
  .overwrite(balanceDirection);

/** A new update: its words, and the ward it is about (none: the whole count). */
export const newUpdateSubmission = z.object({
  text: updateText,
  contestId: z.string({ error: 'contestId must be the id of a ward in this election.' }).min(1, 'contestId must be the id of a ward in this election.').optional(),
});
export type NewUpdateSubmission = z.infer<typeof newUpdateSubmission>;

/** A correction: the words as they should have read. */
export const correctionSubmission = z.object({ text: updateText });
export type UpdateCorrectionSubmission = z.infer<typeof correctionSubmission>;
