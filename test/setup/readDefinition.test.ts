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

describe('a file that names something twice', () => {
  // Each of these is kept once by the database; before they were refused here, most failed
  // the import with the database's own words ("UNIQUE constraint failed: previous_seats...")
  // after a preview that said nothing, or merged two rows and lost one without a word.
  const namedTwice: [string, (f: any) => void, string[]][] = [
    [
      "a party twice in a ward's previous result",
      (f) => (f.contests[0].previous = [{ party: 'Labour', seats: 1 }, { party: 'Labour', seats: 1 }]),
      ['contests[0].previous[1].party: Labour is given twice in the previous result of All Saints: give its seats once'],
    ],
    [
      "one party under two of its names in a ward's previous result",
      (f) => (f.contests[1].previous = [{ party: 'Labour', seats: 1 }, { party: 'Conservative', seats: 1 }, { party: 'Labour Party', seats: 1 }]),
      ['contests[1].previous[2].party: Labour Party is the same party as Labour, already given in the previous result of Chatham Central and Brompton: give its seats once'],
    ],
    [
      'a party twice among the councillors continuing',
      (f) => {
        f.continuing = [{ party: 'Labour', seats: 2 }, { party: 'Labour', seats: 2 }];
        f.totalSeats = 63;
      },
      ['continuing[1].party: Labour is given twice among the councillors continuing: give its seats once'],
    ],
    [
      'a candidate listed twice in a ward',
      (f) => f.contests[1].candidates.push({ ...f.contests[1].candidates[0] }),
      ['contests[1].candidates[8].surname: Damola Animashaun is listed twice in Chatham Central and Brompton: list each candidate once, or give two people of the same name an "id" each'],
    ],
    [
      "one candidate id given to candidates in two wards",
      (f) => {
        f.contests[0].candidates[0].id = 'hyde';
        f.contests[1].candidates[0].id = 'hyde';
      },
      ['contests[1].candidates[0].id: candidate id hyde is given to Bernard Edward Hyde in All Saints too: give each candidate an id of their own'],
    ],
    ['two wards with one id', (f) => (f.contests[1].id = f.contests[0].id), ['contests[1].id: contest id local.medway.all-saints.2023-05-04 is used twice']],
    [
      'a party twice in the parties list',
      (f) => (f.parties = [{ name: 'Labour', colour: '#aa0000' }, { name: 'Green Party' }, { name: 'Labour', colour: '#00aa00' }]),
      ['parties[2].name: Labour is listed twice in parties: list each party once'],
    ],
    [
      'one party under two of its names in the parties list',
      (f) => (f.parties = [{ name: 'Labour' }, { name: 'Labour Party', colour: '#00aa00' }]),
      ['parties[1].name: Labour Party is the same party as Labour, already listed in parties: list each party once'],
    ],
    [
      'one party id given to two parties in the parties list',
      (f) => (f.parties = [{ name: 'Medway Independents', id: 'MI' }, { name: 'Medway Indies Alliance', id: 'MI' }]),
      ['parties[1].id: party id MI would stand for both Medway Independents and Medway Indies Alliance: give each party an id of its own'],
    ],
    [
      "a party given another party's id from the register of parties",
      (f) => (f.parties = [{ name: 'Greens of Medway', id: 'PP53' }]),
      ['parties[0].id: party id PP53 would stand for both Greens of Medway and Labour: give each party an id of its own'],
    ],
  ];

  it.each(namedTwice)('refuses %s, naming the field, the ward and the party or candidate', (_what, spoil, problems) => {
    expect(problemsOf(spoil)).toEqual(problems);
  });

  it('takes what only looks twice: one party in two wards, a party listed and standing, two wards of one name', () => {
    expect(
      problemsOf((f) => {
        f.parties = [{ name: 'Labour', colour: '#aa0000' }];
        f.contests[0].previous = [{ party: 'Labour', seats: 1 }];
        f.contests[1].previous = [{ party: 'Labour', seats: 2 }, { party: 'Conservative', seats: 1 }];
        f.continuing = [{ party: 'Labour', seats: 1 }];
        f.totalSeats = 60;
        // A by-election on the day in a ward that also has its ordinary election: Democracy
        // Club gives two ballots with one ward name.
        f.contests[1].name = f.contests[0].name;
      }),
    ).toEqual([]);
  });
});
