// The words of an update's posts, pure: within every platform's limit however the update is
// written (CJK and emoji weigh double on X), the link never cut, the ward named once, and
// typed direction controls set apart.
import { describe, expect, it } from 'vitest';
import { updateTextLimit } from '../../src/updates/submission';
import { wordingRules } from '../../src/social/wording/rules';
import { composeUpdatePost, type UpdateFacts } from '../../src/social/wording/updatePost';

const link = 'https://results.medway.example/elections/local.medway.2023-05-04/contests/local.medway.rainham-north.2023-05-04#update-0b8f6d7e-5a1c-4d2e-9f3a-1b2c3d4e5f60';
const facts = (text: string, ward: string | null = null): UpdateFacts => ({ electionId: 'e', updateId: 'u', version: 1, text, ward });

describe('the wording of an update from the count', () => {
  it('names the ward unless the words already do', () => {
    expect(composeUpdatePost(facts('Counting has started.', 'Rainham North'), 'update', link, wordingRules.mastodon).text).toBe(`From the count, Rainham North: Counting has started. ${link}`);
    expect(composeUpdatePost(facts('A recount in rainham north.', 'Rainham North'), 'update', link, wordingRules.mastodon).text).toBe(`From the count: A recount in rainham north. ${link}`);
    expect(composeUpdatePost(facts('Counting has started.', 'Rainham North'), 'update-correction', link, wordingRules.mastodon).text).toBe(
      `Correction to our update from the count about Rainham North: Counting has started. ${link}`,
    );
  });

  it('fits the longest update in any script on every platform, cutting the words and never the link', () => {
    const scripts = ['Counting continues in the main hall. ', '開票は本館で続いています。', 'Подсчёт продолжается в зале. ', '🗳️ ', 'x'];
    for (const script of scripts) {
      const text = Array.from(script.repeat(300)).slice(0, updateTextLimit).join('');
      for (const kind of ['update', 'update-correction', 'update-withdrawal'] as const) {
        for (const [name, rules] of Object.entries(wordingRules)) {
          const post = composeUpdatePost(facts(text, 'Rainham North'), kind, link, rules);
          expect(post.length, `${name} ${kind} ${script}`).toBeLessThanOrEqual(rules.limit);
          expect(post.text.endsWith(` ${rules.linkText(link)}`), `${name} ${kind} ${script}`).toBe(true);
        }
      }
    }
    // Mastodon (500, the link 23) and Facebook take the longest update whole.
    const longest = 'Counting continues in the main hall. '.repeat(10).slice(0, updateTextLimit).trim();
    expect(composeUpdatePost(facts(longest), 'update', link, wordingRules.mastodon).text).toContain(longest);
    expect(composeUpdatePost(facts(longest), 'update', link, wordingRules.x).text).toMatch(/… https:/);
  });

  it('sets typed direction controls apart, so they cannot turn round the link, even where the words are cut', () => {
    const post = composeUpdatePost(facts('Recount \u202Eworb'), 'update', link, wordingRules.x);
    expect(post.text).toBe(`From the count: \u2068Recount \u202Eworb\u202C\u2069 ${link}`);
    const long = `Recount \u202E${'worb '.repeat(60)}`.slice(0, updateTextLimit);
    for (const kind of ['update', 'update-withdrawal'] as const) {
      const cut = composeUpdatePost(facts(long), kind, link, wordingRules.x);
      expect(cut.length).toBeLessThanOrEqual(280);
      expect(cut.text).toContain('…');
      // Everything opened is closed before the link.
      expect(cut.text.endsWith(`\u202C\u2069${kind === 'update-withdrawal' ? '”' : ''} ${link}`)).toBe(true);
    }
  });
});
