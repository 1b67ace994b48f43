// A served form's fields as a browser would send them unchanged: every named input with its
// value (a checkbox only when checked), every select with its selected option. Tests then
// change what a person would change and post the rest as it was.
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]!);
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** The fields of the form posting to `action` on the page. */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const type = attribute(tag, 'type') ?? 'text';
    if (!name || type === 'submit' || (type === 'checkbox' && !/\schecked(=""|\s|>|\/)/.test(tag))) continue;
    fields[name] = decode(attribute(tag, 'value') ?? '');
  }
  for (const [, open, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attribute(open!, 'name');
    const chosen = [...options!.matchAll(/<option\b([^>]*)>/g)].find(([, o]) => /\sselected(=""|\s|$)/.test(o!)) ?? options!.match(/<option\b([^>]*)>/);
    if (name) fields[name] = decode(attribute(chosen?.[1] ?? '', 'value') ?? '');
  }
  return fields;
}
