// The parties of one election definition as it is read: each distinct name gets its own id,
// so a candidate is never published under another party's name.
import { identifyParty, looseKey, type PartyIdentity } from './parties';

export class PartyRegister {
  private readonly byName = new Map<string, PartyIdentity>();
  private readonly takenIds = new Map<string, string>();
  private readonly namesByLooseKey = new Map<string, Set<string>>();

  /** The id of the party called `name`, registering it on first sight (`given`: the file's own id or colour). */
  idOf(name: string, given: { id?: string; colour?: string } = {}): string {
    return this.partyCalled(name, given).id;
  }

  /** The party called `name` (its id and the name it is published under), registering it on first sight. */
  partyCalled(name: string, given: { id?: string; colour?: string } = {}): PartyIdentity {
    const found = this.byName.get(name);
    if (found) return found;
    const { derivedId, ...party } = identifyParty(name, given);
    // Ids given by the file or the register of parties are meant (aliases share theirs on
    // purpose); an id made from a name that another name already made gets a suffix, in
    // file order, so the same file always gives the same ids.
    const base = party.id;
    for (let n = 2; derivedId && this.takenIds.has(party.id); n++) party.id = `${base}-${n}`;
    this.takenIds.set(party.id, name);
    this.byName.set(name, party);
    const key = looseKey(name);
    this.namesByLooseKey.set(key, (this.namesByLooseKey.get(key) ?? new Set()).add(name));
    return party;
  }

  /** Every party, each once. */
  parties(): PartyIdentity[] {
    return [...new Map([...this.byName.values()].map((p) => [p.id, p])).values()];
  }

  /**
   * Names that look like one party spelt two ways ("Residents' Association" and "Residents
   * Association") but are imported as different parties: said at import, so a typo in the
   * file is noticed before the night rather than as a split party on the results page.
   */
  warnings(): string[] {
    return [...this.namesByLooseKey.values()].flatMap((names) => {
      const parties = [...names].map((name) => this.byName.get(name)!);
      if (new Set(parties.map((p) => p.id)).size < 2) return [];
      const quoted = [...names].map((name) => `"${name}"`);
      const listed = `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
      return [
        `${listed} differ only in punctuation, spacing or capitals; they are imported as ${parties.length} different parties (${parties.map((p) => p.id).join(', ')}). If they are one party, spell it the same way everywhere in the file.`,
      ];
    });
  }
}
