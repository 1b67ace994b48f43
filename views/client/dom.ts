// Small DOM helpers for the phone script: elements built node by node (text is always a text
// node, so a name someone typed is never read as HTML), and the page's CSRF token.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  // Text goes in as text nodes: a name a user typed is never parsed as HTML.
  for (const child of children) node.append(child);
  return node;
}

/** The session's CSRF token, from the form the server rendered into the page. */
export function csrfToken(): string {
  return document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
}
