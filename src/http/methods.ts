// Methods that send no body and change nothing: no CSRF token, no body limit, no body type.
export const readOnlyMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
