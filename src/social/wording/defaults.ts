// The wording every channel starts with; an admin can replace it per channel.
export const defaultTemplates = {
  declaration:
    '{ward} ward: {result}. Elected: {elected}.[ Majority {majority}, turnout {turnout}.][ Council: {council}.] Full result: {url}',
  correction:
    'Correction: {ward} ward: {result}. Elected: {elected}.[ Majority {majority}, turnout {turnout}.][ Reason: {reason}.] Full result: {url}',
} as const;

/** A declared result, or its correction: worded from the templates above. */
export type DeclarationPostKind = keyof typeof defaultTemplates;

/** An update from the count, its correction, its withdrawal: worded by updatePost.ts. */
export const updatePostKinds = ['update', 'update-correction', 'update-withdrawal'] as const;
export type UpdatePostKind = (typeof updatePostKinds)[number];

export type PostKind = DeclarationPostKind | UpdatePostKind;
