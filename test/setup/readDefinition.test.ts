// The election file's text rules: what an import refuses, by field, before anything is stored.
import { describe, expect, it } from 'vitest';
import { SetupError } from '../../src/setup/importElection';
import { readDefinition } from '../../src/setup/readDefinition';
import { medwayFile } from '../fixtures';

function problemsOf(spoil: (file: any) => void): string[] {
  const file = structuredClone(medwayFile) as any;
  spoil(file);
  try {
    readDefinition(JSON.stringify(file));
  } catch (error) {
    if (error instanceof SetupError) return error.problems;
    throw error;
  }
  return [];
}

describe('reading an election file', () => {
  it('refuses control characters in names and the organisation, naming the field and the character', () => {
    const problems = problemsOf((f) => {
      f.organisation = 'Medway\u0000 Council';
      f.contests[0].name = 'All\u0001Saints';
      f.contests[0].candidates[1].surname = 'Ke\u000Bmp';
      f.contests[3].candidates[0].description = 'Labour\nand Co-operative';
    });
    expect(problems).toEqual([
      'organisation: organisation contains a control character (U+0000) that cannot be published',
      'contests[0].name: contest name contains a control character (U+0001) that cannot be published',
      'contests[0].candidates[1].surname: surname contains a control character (U+000B) that cannot be published',
      'contests[3].candidates[0].description: description contains a control character (U+000A) that cannot be published',
    ]);
  });

  it("takes Democracy Club person ids as text or numbers, and refuses anything else", () => {
    const file = structuredClone(medwayFile) as any;
    file.contests[0].candidates[0].dcPersonId = '70391';
    file.contests[0].candidates[1].dcPersonId = 12345;
    const read = readDefinition(JSON.stringify(file));
    expect(read.contests[0]!.candidates.slice(0, 3).map((c) => c.dcPersonId)).toEqual(['70391', '12345', undefined]);
    expect(problemsOf((f) => (f.contests[0].candidates[0].dcPersonId = 'dc:70391'))).toEqual([
      "contests[0].candidates[0].dcPersonId: dcPersonId must be Democracy Club's person id, a whole number",
    ]);
  });

  it('refuses "current" as an election id: that address means whichever election is current', () => {
    expect(problemsOf((f) => (f.id = 'current'))).toEqual(['id: election id cannot be "current": that address means whichever election is current']);
  });

  it('refuses a name longer than any real one', () => {
    expect(problemsOf((f) => (f.contests[2].candidates[0].otherNames = 'A'.repeat(201)))).toEqual([
      'contests[2].candidates[0].otherNames: otherNames must be at most 200 characters',
    ]);
  });

  it('closes a direction override left open in a name, so it cannot run on into the page', () => {
    const file = structuredClone(medwayFile) as any;
    file.contests[0].candidates[0].knownAs = 'Bernie \u202Eedyh';
    expect(readDefinition(JSON.stringify(file)).contests[0]!.candidates[0]!.knownAs).toBe('Bernie \u202Eedyh\u202C');
  });
});
