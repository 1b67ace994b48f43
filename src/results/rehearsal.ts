// What every public page, widget and feed entry of a rehearsal says, in one place.
export const rehearsalWords = 'Rehearsal: not real results';
