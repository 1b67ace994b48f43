// From the text of a setup file to a validated definition, or every problem in words.
import type { ElectionDefinition } from './definition';
import { SetupError } from './importElection';
import { readUpload } from './readUpload';

export function readDefinition(json: string): ElectionDefinition {
  const reading = readUpload('definition.json', json);
  if (!reading.definition) throw new SetupError(reading.problems);
  return reading.definition;
}
