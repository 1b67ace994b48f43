// Composing one post within a platform's limit. Tries the fullest wording first, then
// leaves out optional parts from the end, then shortens the list of who was elected; as a
// last resort cuts the words with "…", always keeping the link. Pure: the same facts,
// template and rules always give the same text.
import { formatNumber, formatPercent } from '../../domain';
import { isolateDirection } from '../../domain/text';
import type { DeclarationFacts } from './facts';
import { electedInWords, electedLevels } from './elected';
import { graphemes } from './measure';
import type { WordingRules } from './rules';
import { renderTemplate, type Template, type TemplateValues } from './template';

export interface Composed {
  text: string;
  /** The link as it appears in the text (Bluesky shortens it; a facet carries the address). */
  linkText: string;
  length: number;
  limit: number;
}

// Names and reasons are people's words: set apart when they hold a direction control, so
// nothing typed can turn round the words after them, the link above all.
export function templateValues(facts: DeclarationFacts, linkText: string, electedLevel = 0): TemplateValues {
  return {
    ward: isolateDirection(facts.ward),
    result: isolateDirection(facts.result),
    summary: isolateDirection(facts.summary),
    elected: isolateDirection(electedInWords(facts.elected, electedLevel)),
    majority: facts.majority === null ? null : formatNumber(facts.majority),
    turnout: facts.turnoutPercent === null ? null : formatPercent(facts.turnoutPercent),
    council: facts.council === null ? null : isolateDirection(facts.council),
    // The template adds its own full stop.
    reason: facts.reason === null ? null : isolateDirection(facts.reason.replace(/[.\s]+$/, '')),
    version: String(facts.version),
    url: linkText,
  };
}

export function composePost(facts: DeclarationFacts, link: string, template: Template, rules: WordingRules): Composed {
  const linkText = rules.linkText(link);
  const fits = (text: string) => rules.measure(text) <= rules.limit;
  const done = (text: string): Composed => ({ text, linkText, length: rules.measure(text), limit: rules.limit });

  for (let level = 0; level < electedLevels; level++) {
    const values = templateValues(facts, linkText, level);
    for (let drop = 0; drop <= template.optionalCount; drop++) {
      const text = renderTemplate(template, values, drop);
      if (fits(text)) return done(text);
    }
  }
  return done(cutToFit(renderTemplate(template, templateValues(facts, linkText, electedLevels - 1), template.optionalCount), linkText, rules));
}

/** Cuts the words (never the link), whole words first, until the post fits. */
function cutToFit(text: string, linkText: string, rules: WordingRules): string {
  const at = text.lastIndexOf(linkText);
  const before = (at === -1 ? text : text.slice(0, at)).trimEnd();
  const after = at === -1 ? '' : ` ${linkText}${text.slice(at + linkText.length)}`;
  const fits = (words: string) => rules.measure(`${words}…${after}`) <= rules.limit;
  const words = before.split(' ');
  while (words.length > 1 && !fits(words.join(' '))) words.pop();
  // A single word too long for the space left is cut letter by letter.
  const letters = graphemes(words.join(' '));
  while (letters.length > 0 && !fits(letters.join(''))) letters.pop();
  return letters.length ? `${letters.join('').trimEnd()}…${after}` : after.trim();
}
