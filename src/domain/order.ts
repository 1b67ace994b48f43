// Sorting ties are broken by id so every list comes out the same on every run. Plain code-unit
// order rather than localeCompare: identical on every runtime and locale.
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
