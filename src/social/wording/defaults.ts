// The wording every channel starts with; an admin can replace it per channel.
export const defaultTemplates = {
  declaration:
    '{ward} ward: {result}. Elected: {elected}.[ Majority {majority}, turnout {turnout}.][ Council: {council}.] Full result: {url}',
  correction:
    'Correction: {ward} ward: {result}. Elected: {elected}.[ Majority {majority}, turnout {turnout}.][ Reason: {reason}.] Full result: {url}',
} as const;

export type PostKind = keyof typeof defaultTemplates;
