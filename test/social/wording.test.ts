// The words of every post: pure functions, checked against the real Medway declarations.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadElection, type ElectionSnapshot } from '../../db/results';
import { openSqlite } from '../../db/sqlite';
import { channelNames } from '../../src/social/channelNames';
import { composePost } from '../../src/social/wording/compose';
import { defaultTemplates } from '../../src/social/wording/defaults';
import { declarationFacts, type DeclarationFacts } from '../../src/social/wording/facts';
import { graphemeCount, mastodonLength, xLength } from '../../src/social/wording/measure';
import { wordingRules, type WordingRules } from '../../src/social/wording/rules';
import { parseTemplate, renderTemplate, type Template } from '../../src/social/wording/template';
import { medwayNight, medwayWardNames, type Night } from './medwayNight';

const template = (source: string): Template => {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.problems.join(' '));
  return parsed.template;
};
const declaration = template(defaultTemplates.declaration);
const correction = template(defaultTemplates.correction);
const link = (f: DeclarationFacts) => `https://results.medway.gov.uk/elections/${f.electionId}/contests/${f.contestId}`;

let night: Night;
let snapshot: ElectionSnapshot;
const facts = (ward: string, version = 1) => declarationFacts(snapshot, { contestId: snapshot.contests.find((c) => c.name === ward)!.id, version })!;

beforeAll(async () => {
  night = await medwayNight(async () => openSqlite(':memory:').db, { channels: [] });
  for (const ward of medwayWardNames) await night.declareWard(ward);
  await night.correctWard('Luton', 40);
  snapshot = (await loadElection(night.db, night.def.id))!;
});

describe('how platforms count', () => {
  it.each([
    ['plain words', 'Luton ward: Labour hold', 23, 23, 23],
    ['a long link counts 23 on X and Mastodon', `See https://example.com/${'a'.repeat(100)}`, 27, 27, 124],
    ['an emoji is one grapheme but weighs 2 on X', 'Result 🗳️', 9, 9, 8],
    ['accents are single characters', 'Café naïve', 10, 10, 10],
  ])('%s', (_what, text, x, mastodon, bluesky) => {
    expect(xLength(text)).toBe(x);
    expect(mastodonLength(text)).toBe(mastodon);
    expect(graphemeCount(text)).toBe(bluesky);
  });
});

describe('templates', () => {
  it.each([
    ['{ward}: {winner}. {url}', '{winner} is not a placeholder'],
    ['{ward}: {result}. [Majority {majority}. {url}', 'optional part opened with "[" is not closed'],
    ['{ward}: [a [b] c] {url}', 'cannot be nested'],
    ['{ward}: {result}.', 'put {url} outside'],
    ['{result}. [{ward}] {url}', 'must name the ward'],
    ['{ward} {url} }', 'has no "{" before it'],
  ])('refuses %j, saying what is wrong', (source, problem) => {
    const parsed = parseTemplate(source);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problems.join(' ')).toContain(problem);
  });

  it('leaves out optional parts from the last, and any part whose figure is unknown', () => {
    const t = template('{ward}: {result}.[ A {majority}.][ B {turnout}.] {url}');
    const values = { ward: 'Luton', result: 'Lab hold', summary: '', elected: '', majority: '210', turnout: null, council: null, reason: null, version: '1', url: 'U' };
    expect(renderTemplate(t, values, 0)).toBe('Luton: Lab hold. A 210. U');
    expect(renderTemplate(t, { ...values, turnout: '22.35%' }, 1)).toBe('Luton: Lab hold. A 210. U');
    expect(renderTemplate(t, { ...values, turnout: '22.35%' }, 2)).toBe('Luton: Lab hold. U');
  });
});

describe('the built-in wording on the Medway night', () => {
  it('words a one-seat ward as in the issue: result, winner with votes, majority, turnout, the council, the link', () => {
    const f = facts('All Saints');
    expect(composePost(f, link(f), declaration, wordingRules.x).text).toBe(
      `All Saints ward: Independent win. Elected: Chris Spalding (Ind) 295 votes. Majority 43, turnout 27.61%. Council: Ind 1 seat, 30 needed for a majority. Full result: ${link(f)}`,
    );
  });

  it('says the council-wide state as it was when the ward declared, not as it is now', () => {
    expect(facts('All Saints').council).toBe('Ind 1 seat, 30 needed for a majority');
    expect(facts('Watling').council).toBe('Labour gain from Conservative with 31 of 59 seats');
    expect(facts('Wayfield and Weeds Wood').council).toBe('Labour gain from Conservative with 33 of 59 seats');
  });

  it('words a correction as a follow-up, with its reason and the corrected figures', () => {
    const f = facts('Luton', 2);
    const text = composePost(f, link(f), correction, wordingRules.mastodon).text;
    expect(text).toBe(
      `Correction: Luton ward: Labour win both seats. Elected: Simon Michael Curry (Lab) 836, Jo Howcroft-Scott (Lab) 751. Majority 210, turnout 22.35%. Reason: Votes for the top candidate were mistyped at the count. Full result: ${link(f)}`,
    );
  });

  const everyPost = medwayWardNames.flatMap((ward) => channelNames.flatMap((channel) => [[ward, channel, 'declaration'] as const, [ward, channel, 'correction'] as const]));

  it.each(everyPost)('%s on %s (%s) fits the limit, names the ward and links the result', (ward, channel, kind) => {
    const f = facts(ward);
    const rules = wordingRules[channel];
    const post = composePost(f, link(f), kind === 'declaration' ? declaration : correction, rules);
    expect(post.length).toBeLessThanOrEqual(rules.limit);
    expect(rules.measure(post.text)).toBe(post.length);
    expect(post.text).toContain(`${ward} ward`);
    expect(post.text.endsWith(rules.linkText(link(f)))).toBe(true);
    // Everyone elected is named, by full name or at least by surname, on every platform.
    for (const c of f.elected) expect(post.text).toContain(c.surname);
  });
});

describe('shortening gracefully', () => {
  const tight = (limit: number): WordingRules => ({ ...wordingRules.x, limit });
  const ward = 'Gillingham North';

  it.each([
    [280, 'Gillingham North ward: Labour win all 3 seats. Elected: Adam Robert William Price (Lab) 1,419, Douglas Kudakwashe Hamandishe (Lab) 1,355, Lia Helen Mandaracas (Lab) 1,339. Majority 809, turnout 21.75%. Full result: <url>'],
    [200, 'Gillingham North ward: Labour win all 3 seats. Elected: Adam Robert William Price (Lab), Douglas Kudakwashe Hamandishe (Lab) and Lia Helen Mandaracas (Lab). Full result: <url>'],
    [150, 'Gillingham North ward: Labour win all 3 seats. Elected: Price (Lab), Hamandishe (Lab) and Mandaracas (Lab). Full result: <url>'],
    [110, 'Gillingham North ward: Labour win all 3 seats. Elected: Lab 3. Full result: <url>'],
    // X weighs "…" as 2.
    [72, 'Gillingham North ward: Labour win all 3 seats.… <url>'],
  ])('within %d: drops the council, then the figures, then votes, first names, names', (limit, expected) => {
    const f = facts(ward);
    const post = composePost(f, link(f), declaration, tight(limit));
    expect(post.text).toBe(expected.replace('<url>', link(f)));
    expect(post.length).toBeLessThanOrEqual(limit);
  });

  it('keeps the link even when the words must be cut', () => {
    const f = facts('Hoo St Werburgh and High Halstow');
    const post = composePost(f, link(f), declaration, tight(41));
    expect(post.text).toMatch(/^Hoo St Werburgh… https:/);
    expect(post.text.endsWith(link(f))).toBe(true);
    expect(post.length).toBeLessThanOrEqual(41);
  });
});

describe('with previous results', () => {
  it('words gains and holds in full party names', async () => {
    const withPrevious = await medwayNight(async () => openSqlite(':memory:').db, {
      channels: [],
      define: (def) => ({ ...def, contests: def.contests.map((c) => (c.name === 'Luton' ? { ...c, previous: [{ party: 'Conservative', seats: 1 }, { party: 'Labour', seats: 1 }] } : c)) }),
    });
    await withPrevious.declareWard('Luton');
    const snap = (await loadElection(withPrevious.db, withPrevious.def.id))!;
    const f = declarationFacts(snap, { contestId: snap.contests.find((c) => c.name === 'Luton')!.id, version: 1 })!;
    expect(f.result).toBe('Labour gain 1 from Conservative, Labour hold 1');
    expect(composePost(f, link(f), declaration, wordingRules.x).text).toMatch(/^Luton ward: Labour gain 1 from Conservative, Labour hold 1\. Elected: /);
  });
});
