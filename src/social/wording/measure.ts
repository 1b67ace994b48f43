// How each platform counts the length of a post. Pure functions: the wording is checked
// against these before anything is sent, so a post is never refused for being too long.

const urlPattern = /https?:\/\/[^\s]+/g;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** What people see as characters: "é" written as e + accent is one, a flag emoji is one. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function graphemeCount(text: string): number {
  return graphemes(text).length;
}

/** Every link counts as this many characters on X and Mastodon, whatever its length. */
export const shortenedUrlLength = 23;

// twitter-text's weighting: these code point ranges (Latin, Greek, Cyrillic, general
// punctuation...) weigh 1; everything else (CJK, emoji) weighs 2.
const lightRanges: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function graphemeWeight(grapheme: string): number {
  const points = Array.from(grapheme);
  if (points.length !== 1) return 2; // emoji sequences, combined marks: counted as X counts emoji
  const code = points[0]!.codePointAt(0)!;
  return lightRanges.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
}

function withoutUrls(text: string): { rest: string; urls: number } {
  let urls = 0;
  const rest = text.replace(urlPattern, () => {
    urls += 1;
    return '';
  });
  return { rest, urls };
}

/** X's weighted length (limit 280): links 23, most letters 1, CJK and emoji 2. */
export function xLength(text: string): number {
  const { rest, urls } = withoutUrls(text);
  return urls * shortenedUrlLength + graphemes(rest).reduce((sum, g) => sum + graphemeWeight(g), 0);
}

/** Mastodon's length (limit 500): links 23, otherwise characters (code points). */
export function mastodonLength(text: string): number {
  const { rest, urls } = withoutUrls(text);
  return urls * shortenedUrlLength + Array.from(rest).length;
}

/** Plain characters, for platforms that count them (Facebook) or have no real limit. */
export function characterLength(text: string): number {
  return Array.from(text).length;
}
