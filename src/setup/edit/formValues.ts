// What the edit forms post, as text: read from the body, and turned into the definition's
// numbers. Which numbers are acceptable is the definition's rule, not the form's.

export type FormBody = Record<string, string | File | (string | File)[]>;

/** The box's text ('' when the form did not send it). */
export function textOf(body: FormBody, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/**
 * "3,495" → 3495; "2.5" and "-1" as they are, for the definition to refuse as it refuses
 * them in a file; empty or not a number → NaN, which the definition calls "must be a number".
 */
export function numberFrom(text: string): number {
  const digits = text.replace(/[\s,]/g, '');
  return digits === '' ? Number.NaN : Number(digits);
}

/** The stored number as its box shows it, without the thousands comma a browser's number box refuses. */
export const boxOf = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** How many numbered rows (`rows.0.party`, `rows.1.party`...) the form sent, up to `most`. */
export function rowsSent(body: FormBody, name: (row: number) => string, most: number): number {
  let rows = 0;
  while (rows < most && name(rows) in body) rows++;
  return rows;
}
