// What text people type (names, a correction's reason) may hold to be published: in pages,
// feeds, posts and logs. One place, so what comes in (the import, the API, the phone form)
// and what goes out (old rows, stored before these rules) follow the same rules. Pure.

export interface TextRule {
  /** Whether the field may run over several lines (a reason); names may not. */
  multiline?: boolean;
  maxLength: number;
}

// C0, DEL and C1. A control character breaks XML for good (Atom readers stop at it), and
// shows as nothing or as garbage everywhere else.
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;
const controlCharactersButNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const controlsOf = (rule: Pick<TextRule, 'multiline'>) => (rule.multiline ? controlCharactersButNewline : controlCharacters);

// Direction controls. The embeddings and overrides (LRE, RLE, LRO, RLO) run until a PDF,
// the isolates (LRI, RLI, FSI) until a PDI, or else to the end of the paragraph: one left
// open in a name turns round whatever is written after it (a post's link, a log line).
const closerOf: Record<string, string> = {
  '\u202A': '\u202C',
  '\u202B': '\u202C',
  '\u202D': '\u202C',
  '\u202E': '\u202C',
  '\u2066': '\u2069',
  '\u2067': '\u2069',
  '\u2068': '\u2069',
};
const closers = new Set(['\u202C', '\u2069']);
// Marks (LRM, RLM, ALM) have no extent, but still sway the neutral characters around them.
const directionControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** "U+0008": how a character that cannot be shown is named in a message. */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Line breaks as typed on any system (a form's textarea sends \r\n) as one \n. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Why `text` cannot be published as the field `what`, in words; null when it can. */
export function textProblem(what: string, text: string, rule: TextRule): string | null {
  const control = text.match(controlsOf(rule))?.[0];
  if (control !== undefined) return `${what} contains a control character (${codePoint(control)}) that cannot be published`;
  if ([...text].length > rule.maxLength) return `${what} must be at most ${rule.maxLength} characters`;
  return null;
}

/**
 * Every embedding, override and isolate closed within the text: a closer with nothing open
 * (or closing the wrong kind) is dropped, and whatever is still open is closed at the end.
 */
export function balanceDirection(text: string): string {
  if (!directionControls.test(text)) return text;
  const open: string[] = [];
  let out = '';
  for (const character of text) {
    if (closerOf[character]) {
      open.push(closerOf[character]);
    } else if (closers.has(character)) {
      if (open.at(-1) !== character) continue;
      open.pop();
    }
    out += character;
  }
  return out + open.reverse().join('');
}

/**
 * For text placed in a sentence of ours (a post, a log line): balanced, and set apart in a
 * first-strong isolate when it holds any direction control, so nothing typed can change
 * how the words after it read.
 */
export function isolateDirection(text: string): string {
  return directionControls.test(text) ? `\u2068${balanceDirection(text)}\u2069` : text;
}

/** Text stored before these rules, made fit to publish: controls removed, directions closed. */
export function publishable(text: string, rule: Pick<TextRule, 'multiline'> = {}): string {
  const controls = new RegExp(controlsOf(rule).source, 'g');
  return balanceDirection(normaliseNewlines(text).replace(controls, ''));
}

const logEscapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };
const unsafeInLog = new RegExp(`[\\\\${controlCharacters.source.slice(1, -1)}${directionControls.source.slice(1, -1)}\\u2028\\u2029]`, 'g');

/**
 * Text as it may go into one line of the server's log: line breaks, control characters and
 * direction controls written out as escapes (\n, \u{202e}), so a value can neither start a
 * line of its own nor turn round the rest of its line.
 */
export function escapeForLog(text: string): string {
  return text.replace(unsafeInLog, (c) => logEscapes[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

const unsafeInJson = new RegExp(`[${controlCharacters.source.slice(1, -1)}${directionControls.source.slice(1, -1)}\\u2028\\u2029]`, 'g');

/**
 * A value as JSON with every control and direction character written as a \u escape: the
 * same JSON, still parseable, but nothing in it can act where it is shown (a spreadsheet's cell).
 */
export function jsonWithEscapes(value: unknown): string {
  return JSON.stringify(value).replace(unsafeInJson, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
