// Post templates: text with {placeholders}, and [optional parts] that are left out, last
// first, when the post would be too long or a figure is unknown. Parsed once, rendered many
// times while composing; pure functions.

export const placeholders = {
  ward: 'the ward name, e.g. All Saints',
  result: 'the result in words, e.g. Labour gain from Conservative',
  summary: 'the short result, e.g. Lab gain from Con',
  elected: 'who was elected, with party and votes (shortened when space is short)',
  majority: 'the majority, e.g. 1,234',
  turnout: 'the turnout, e.g. 31.40%',
  council: 'the council so far, e.g. Lab 28 seats, 30 needed for a majority',
  reason: 'why a correction was made',
  version: 'the version number of the result (2 for the first correction)',
  url: 'the link to the full result',
} as const;

export type Placeholder = keyof typeof placeholders;
export type TemplateValues = Record<Placeholder, string | null>;

type Part = { kind: 'text'; text: string } | { kind: 'slot'; name: Placeholder };

interface Section {
  optional: boolean;
  parts: Part[];
}

export interface Template {
  sections: Section[];
  optionalCount: number;
}

export type Parsed = { ok: true; template: Template } | { ok: false; problems: string[] };

const maxTemplateLength = 2000;

function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(placeholders, name);
}

/** Reads a template, naming every problem in plain words. */
export function parseTemplate(source: string): Parsed {
  const problems: string[] = [];
  if (source.length > maxTemplateLength) problems.push(`The template is longer than ${maxTemplateLength} characters.`);
  const sections: Section[] = [];
  let current: Section = { optional: false, parts: [] };
  let text = '';
  const flushText = () => {
    if (text) current.parts.push({ kind: 'text', text });
    text = '';
  };
  const closeSection = () => {
    flushText();
    if (current.parts.length) sections.push(current);
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '{') {
      const end = source.indexOf('}', i);
      const name = end === -1 ? '' : source.slice(i + 1, end);
      if (end === -1 || name.includes('{')) {
        problems.push('A "{" is not closed with "}".');
        break;
      }
      if (!isPlaceholder(name)) {
        problems.push(`{${name}} is not a placeholder. Use one of: ${Object.keys(placeholders).map((p) => `{${p}}`).join(', ')}.`);
      } else {
        flushText();
        current.parts.push({ kind: 'slot', name });
      }
      i = end;
    } else if (ch === '}') {
      problems.push('A "}" has no "{" before it.');
    } else if (ch === '[') {
      if (current.optional) problems.push('Optional parts cannot be nested: close the "[" before opening another.');
      closeSection();
      current = { optional: true, parts: [] };
    } else if (ch === ']') {
      if (!current.optional) problems.push('A "]" has no "[" before it.');
      closeSection();
      current = { optional: false, parts: [] };
    } else {
      text += ch;
    }
  }
  if (current.optional) problems.push('An optional part opened with "[" is not closed with "]".');
  closeSection();

  const required = sections.filter((s) => !s.optional).flatMap((s) => s.parts);
  const has = (name: Placeholder) => required.some((p) => p.kind === 'slot' && p.name === name);
  if (!has('ward')) problems.push('The template must name the ward: put {ward} outside the [optional] parts.');
  if (!has('url')) problems.push('Every post links to the full result: put {url} outside the [optional] parts.');
  if (problems.length) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, template: { sections, optionalCount: sections.filter((s) => s.optional).length } };
}

/**
 * Renders the template, leaving out the last `dropOptional` optional parts, and any
 * optional part with an unknown value in it.
 */
export function renderTemplate(template: Template, values: TemplateValues, dropOptional = 0): string {
  const keepOptional = template.optionalCount - dropOptional;
  let optionalSeen = 0;
  let out = '';
  for (const section of template.sections) {
    if (section.optional) {
      optionalSeen += 1;
      if (optionalSeen > keepOptional) continue;
      if (section.parts.some((p) => p.kind === 'slot' && values[p.name] === null)) continue;
    }
    for (const part of section.parts) out += part.kind === 'text' ? part.text : (values[part.name] ?? '');
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
