// Times on the night as people in the hall and at home read them: UK local time (BST in
// May), whatever time zone the server or the phone is in. Stored times are UTC.
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const clockWithSeconds = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "01:23" */
export function londonClock(iso: string): string {
  return clock.format(new Date(iso));
}

/**
 * "01:23 on Friday 5 May 2023"; with seconds, "01:23:45 on Friday 5 May 2023" (the audit
 * log, where the order of two changes in one minute matters).
 */
export function londonDateTime(iso: string, precision: 'minute' | 'second' = 'minute'): string {
  const parts = Object.fromEntries(day.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const time = precision === 'second' ? clockWithSeconds.format(new Date(iso)) : londonClock(iso);
  return `${time} on ${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}
