// Shapes shared by the election arithmetic. Votes and ballot papers are whole numbers: the domain
// never produces fractional votes, so nothing here is ever a float except computed percentages.

/** Rejected ballot papers, by the four statutory reasons printed on a declaration. */
export interface Rejected {
  noOfficialMark: number;
  tooManyVotes: number;
  identifiable: number;
  unmarkedOrUncertain: number;
}

export interface CandidateVotes {
  id: string;
  partyId: string;
  votes: number;
}

/** Ballot papers verified (rejected included): from the polling stations, and by post. */
export interface BallotPapers {
  pollingStations: number;
  postal: number;
}

/** What the count officer enters for one contest before it is declared. */
export interface CountFigures {
  seats: number;
  electorate: number;
  ballotPapersVerified: BallotPapers;
  rejected: Rejected;
  candidates: CandidateVotes[];
  /** Candidates who won the drawing of lots, when candidates tie across the last seat. */
  lotWinners?: string[];
}

export interface PartySeats {
  partyId: string;
  seats: number;
}

