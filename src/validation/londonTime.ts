// Times typed by people in the UK ("2023-05-05T02:30" from a datetime-local box) mean UK
// local time, whatever zone the server runs in: BST in May, GMT in winter.
import { z } from 'zod';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The UK wall-clock time of an instant, as a datetime-local value ("2023-05-05T02:30"). */
export function londonLocalValue(iso: string): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant a UK wall-clock time stands for, in UTC; null for a time the clocks skip (01:30
 * on the last Sunday of March). In the repeated hour of October the first (BST) is taken.
 */
export function fromLondonLocal(local: string): string | null {
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  // London is UTC+0 or UTC+1: try both offsets, keep one that reads back as typed.
  for (const offsetHours of [1, 0]) {
    const iso = new Date(asUtc - offsetHours * 3_600_000).toISOString();
    if (londonLocalValue(iso) === local) return iso;
  }
  return null;
}

/** A datetime-local box: empty for none, else a UK time that exists. */
export function londonTimeField(what: string) {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === '') return null;
      const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value) ? fromLondonLocal(value) : null;
      if (iso === null) {
        ctx.addIssue({ code: 'custom', message: `${what} must be a date and a time in UK time, like 2023-05-05 02:30` });
        return z.NEVER;
      }
      return iso;
    });
}
