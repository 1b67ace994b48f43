// Reading served HTML as a person would: its text, without tags, entities decoded.
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The visible text of some HTML, whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    // Block elements separate words; inline ones (a, span, strong, time) do not.
    .replace(/<\/?(?:p|li|h\d|div|section|td|th|dt|dd|tr|caption|ol|ul|dl|table|nav|main|footer|figure|title|svg|text)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML of the section headed by the element with this id (up to the section's end). */
export function sectionOf(html: string, headingId: string): string {
  const start = html.indexOf(`id="${headingId}"`);
  if (start < 0) throw new Error(`no element with id ${headingId}`);
  return html.slice(html.lastIndexOf("<", start), html.indexOf("</section>", start));
}
