// Officers, residents and journalists read these figures, so numbers are written the British way
// (1,234) and percentages always with two decimals, matching printed declarations.

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 12345 → "12,345" */
export function formatNumber(n: number): string {
  return wholeNumber.format(n);
}

/** 27.6 → "27.60%" (the value is expected to be rounded to 2 dp already, e.g. by percentTo2dp) */
export function formatPercent(percent: number): string {
  return `${twoDecimals.format(percent)}%`;
}

/** "1 seat", "2 seats" */
export function countOf(n: number, singular: string, plural: string): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** ["A"] → "A", ["A", "B"] → "A and B", ["A", "B", "C"] → "A, B and C" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * How long, in the two largest units: 40_000 → "40 seconds", 4_380_000 → "1 hour 13
 * minutes", 183_600_000 → "2 days 3 hours". Under a second is "less than a second".
 */
export function durationInWords(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'less than a second';
  const units: [number, string, string][] = [
    [Math.floor(seconds / 86_400), 'day', 'days'],
    [Math.floor(seconds / 3600) % 24, 'hour', 'hours'],
    [Math.floor(seconds / 60) % 60, 'minute', 'minutes'],
    [seconds % 60, 'second', 'seconds'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => countOf(n, one, many))
    .join(' ');
}
