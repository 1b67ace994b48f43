// Which of our party ids are other registers' ids, for exports that others join on.

/** An Electoral Commission register id (PP53 Labour, PP52 Conservative...), else null. */
export function electoralCommissionId(partyId: string): string | null {
  return /^PP\d+$/.test(partyId) ? partyId : null;
}

/**
 * Democracy Club's id for the party: the Electoral Commission's where it has one, and
 * Democracy Club's own `ynmp-party:2` for independents (it has no register entry); null
 * for a party we only know by a slug of its name.
 */
export function democracyClubPartyId(partyId: string): string | null {
  if (partyId === 'independent') return 'ynmp-party:2';
  return electoralCommissionId(partyId);
}
