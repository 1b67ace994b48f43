// An election uploaded by an admin: the definition file the CLI imports, or Democracy Club's
// candidates CSV. Either way the result is checked by the same schema as the CLI's, and every
// problem is named (by field, or by row and column for a CSV).
import { describeIssues } from '../validation/zodIssues';
import { electionDefinition, type ElectionDefinition } from './definition';
import { definitionFromDemocracyClub, type CouncilDetails } from './democracyClubCandidates';

export interface UploadReading {
  kind: 'definition' | 'democracy-club';
  definition: ElectionDefinition | null;
  problems: string[];
  warnings: string[];
}

export function readUpload(fileName: string, text: string, council: CouncilDetails = {}): UploadReading {
  const json = /\.json$/i.test(fileName) || /^\s*\{/.test(text);
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { kind: 'definition', definition: null, problems: [`The file is not valid JSON: ${(error as Error).message}`], warnings: [] };
    }
    const parsed = electionDefinition.safeParse(data);
    return parsed.success
      ? { kind: 'definition', definition: parsed.data, problems: [], warnings: [] }
      : { kind: 'definition', definition: null, problems: describeIssues(parsed.error), warnings: [] };
  }
  const reading = definitionFromDemocracyClub(text, council);
  if (!reading.definition) return { kind: 'democracy-club', ...reading };
  // The same checks as a definition file: text rules, ids used twice, seats adding up.
  const parsed = electionDefinition.safeParse(reading.definition);
  return parsed.success
    ? { kind: 'democracy-club', ...reading, definition: parsed.data }
    : { kind: 'democracy-club', definition: null, problems: describeIssues(parsed.error), warnings: reading.warnings };
}
