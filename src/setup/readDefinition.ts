// From the text of a setup file to a validated definition, or every problem in words.
import { describeIssues, electionDefinition, type ElectionDefinition } from './definition';
import { SetupError } from './importElection';

export function readDefinition(json: string): ElectionDefinition {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new SetupError([`The file is not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = electionDefinition.safeParse(data);
  if (!parsed.success) throw new SetupError(describeIssues(parsed.error));
  return parsed.data;
}
