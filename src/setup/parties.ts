// What we know of the main UK parties, so a setup file can just say "Labour".
// Ids are Electoral Commission register numbers, which Democracy Club and newsrooms use
// too; colours are the ones broadcasters use, so residents recognise them.

export interface PartyIdentity {
  id: string;
  name: string;
  shortName: string;
  colour: string;
}

interface KnownParty extends PartyIdentity {
  aliases: string[];
}

const knownParties: KnownParty[] = [
  { id: 'PP53', name: 'Labour', shortName: 'Lab', colour: '#E4003B', aliases: ['labour party', 'labour and co-operative party', 'labour co-operative'] },
  { id: 'PP52', name: 'Conservative', shortName: 'Con', colour: '#0087DC', aliases: ['conservatives', 'conservative party', 'conservative and unionist party', 'local conservatives'] },
  { id: 'PP90', name: 'Liberal Democrats', shortName: 'LD', colour: '#FAA61A', aliases: ['liberal democrat', 'lib dem', 'lib dems'] },
  { id: 'PP63', name: 'Green Party', shortName: 'Grn', colour: '#02A95B', aliases: ['green', 'greens', 'the green party'] },
  { id: 'PP7931', name: 'Reform UK', shortName: 'Ref', colour: '#12B6CF', aliases: ['reform'] },
  { id: 'PP102', name: 'Scottish National Party', shortName: 'SNP', colour: '#FDF38E', aliases: ['snp'] },
  { id: 'PP77', name: 'Plaid Cymru', shortName: 'PC', colour: '#005B54', aliases: ['plaid cymru - the party of wales'] },
  { id: 'PP85', name: 'UK Independence Party', shortName: 'UKIP', colour: '#6D3177', aliases: ['ukip'] },
  { id: 'independent', name: 'Independent', shortName: 'Ind', colour: '#A0A0A0', aliases: ['independents'] },
];

/** Grey, so an unknown party is never mistaken for a known one by its colour. */
export const neutralColour = '#8C8C8C';

const byAlias = new Map<string, KnownParty>();
for (const party of knownParties) {
  for (const alias of [party.name, ...party.aliases]) byAlias.set(normalise(alias), party);
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ').trim();
}

/**
 * "Residents' Association" → "residents-association"; "Ελληνική Λύση" → "ελληνική-λύση";
 * "中国党" → "中国党". Letters and digits of every script are kept (an ASCII-only slug made
 * every Greek or Chinese name '', one party); accents come off Latin letters only, so
 * English and Welsh names keep the ids they always had.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC');
}

/** Two names that differ only in punctuation, spacing or capitals have the same loose key. */
export function looseKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** "Christian Peoples Alliance" → "CPA"; "Heritage Party" → "Heritage". */
function shortNameFor(name: string): string {
  const words = name.split(/\s+/).filter((w) => !/^(the|party|of|and)$/i.test(w));
  if (words.length >= 2) return words.map((w) => w[0]!.toUpperCase()).join('');
  return words[0] ?? name;
}

/** The identity of a party named in a setup file; `given` is what the file itself says. */
export function identifyParty(name: string, given: { id?: string; colour?: string } = {}): PartyIdentity & { derivedId: boolean } {
  const known = byAlias.get(normalise(name));
  const id = given.id ?? known?.id;
  return {
    // A name with no letter or digit at all still gets an id; PartyRegister keeps it apart.
    id: id ?? (slugify(name) || 'party'),
    /** The id was made from the name, not given by the file or the register of parties. */
    derivedId: id === undefined,
    name: known?.name ?? name.trim(),
    shortName: known?.shortName ?? shortNameFor(name.trim()),
    colour: given.colour ?? known?.colour ?? neutralColour,
  };
}
