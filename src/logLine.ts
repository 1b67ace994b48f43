// Lines for the server's log with values from outside in them (names, reasons, a platform's
// error): each value escaped (src/domain/text.ts), so none can start a line of its own that
// reads like ours, or turn round the rest of its line.
import { escapeForLog } from './domain/text';

/** logLine`[social] posted ${label}`: the template's own text as written, every value escaped. */
export function logLine(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((line, text, i) => line + (i > 0 ? escapeForLog(String(values[i - 1])) : '') + text, '');
}

/**
 * An error for the log: its message escaped on the first line, then the stack's frames
 * (which name our code, never what a request sent).
 */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return escapeForLog(String(error));
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [escapeForLog(`${error.name}: ${error.message}`), ...frames].join('\n');
}
