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

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Christian Peoples Alliance" → "CPA"; "Heritage Party" → "Heritage". */
function shortNameFor(name: string): string {
  const words = name.split(/\s+/).filter((w) => !/^(the|party|of|and)$/i.test(w));
  if (words.length >= 2) return words.map((w) => w[0]!.toUpperCase()).join('');
  return words[0] ?? name;
}

/** The identity of a party named in a setup file; `given` is what the file itself says. */
export function identifyParty(name: string, given: { id?: string; colour?: string } = {}): PartyIdentity {
  const known = byAlias.get(normalise(name));
  return {
    id: given.id ?? known?.id ?? slugify(name),
    name: known?.name ?? name.trim(),
    shortName: known?.shortName ?? shortNameFor(name.trim()),
    colour: given.colour ?? known?.colour ?? neutralColour,
  };
}
