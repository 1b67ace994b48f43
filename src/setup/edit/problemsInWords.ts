// The definition's own rules (src/setup/definition.ts) speak the file's language:
// "contests[3].candidates[1].otherNames: otherNames must not be empty". On the edit forms the
// same problems are said the way the forms say things: "All Saints, candidate 2 (Spalding):
// Other names must not be empty". Only the words change; the rules are the file's.
import type { z } from 'zod';
import type { ElectionDefinition } from '../definition';

export interface EditProblem {
  /** Where the file's rules found it, to place it beside its box on the form. */
  path: PropertyKey[];
  /** The whole sentence, naming the ward, candidate or party it is about. */
  message: string;
}

/** The form's words for each field of the file, by its key. */
const labels: Record<string, string> = {
  totalSeats: 'The number of seats on the whole council',
  previousControl: 'Who ran the council before',
  seats: 'Seats',
  electorate: 'Electorate',
  party: 'Party',
  colour: 'Colour',
  surname: 'Surname',
  otherNames: 'Other names',
  knownAs: 'Known as',
  description: 'Description',
};

// How the file's messages begin: the field as the schema names it ("otherNames must...",
// "contest name must...", "totalSeats is 59, but..."), replaced by the form's label.
const fileWords = /^(?:election name|contest name|party name|otherNames|knownAs|totalSeats|previousControl|surname|description|party|seats|electorate|colour)\b\s*/;

function labelOf(path: PropertyKey[]): string | undefined {
  const key = path.at(-1);
  if (key === 'name') return path.length === 1 ? "The election's name" : path[0] === 'contests' ? 'The ward name' : 'The name';
  return typeof key === 'string' ? labels[key] : undefined;
}

function sentence(path: PropertyKey[], message: string): string {
  const label = labelOf(path);
  const rest = message.replace(/\bcontests\b/g, 'wards');
  if (!label || !fileWords.test(rest)) return rest.charAt(0).toUpperCase() + rest.slice(1);
  return `${label} ${rest.replace(fileWords, '')}`;
}

/** How a form numbers a ward's rows (its previous results and candidates), from 1; by default as the definition lists them. */
export type RowNumber = (part: 'previous' | 'candidates', contest: number, row: number) => number;

/** "All Saints, candidate 2 (Spalding)": the place in the definition a path points to, or '' for the election itself. */
function placeOf(path: PropertyKey[], draft: ElectionDefinition, rowNumber: RowNumber): string {
  const [section, index, part, row] = path;
  if (typeof index !== 'number') return '';
  if (section === 'parties') return `The party ${draft.parties?.[index]?.name ?? index + 1}`;
  if (section === 'continuing') return `Councillors continuing for ${draft.continuing?.[index]?.party ?? 'a party'}`;
  if (section !== 'contests') return '';
  const ward = draft.contests[index];
  const name = ward?.name || `Ward ${index + 1}`;
  if (part === 'previous' && typeof row === 'number') return `${name}, previous result ${rowNumber(part, index, row)}`;
  if (part === 'candidates' && typeof row === 'number') {
    const surname = ward?.candidates[row]?.surname.trim();
    return `${name}, candidate ${rowNumber(part, index, row)}${surname ? ` (${surname})` : ''}`;
  }
  return name;
}

export function problemsInWords(error: z.ZodError, draft: ElectionDefinition, rowNumber: RowNumber = (_part, _contest, row) => row + 1): EditProblem[] {
  return error.issues.map((issue) => {
    const place = placeOf(issue.path, draft, rowNumber);
    const said = sentence(issue.path, issue.message);
    return { path: issue.path, message: place ? `${place}: ${said}` : said };
  });
}
