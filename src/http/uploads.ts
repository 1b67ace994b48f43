// The addresses that take an uploaded file: an admin's election definition or candidates CSV,
// and an election's export to replay. They alone take multipart/form-data (bodyTypes.ts) and
// bodies past the usual limit (bodyLimit.ts): the file itself at preview and replay, and the
// definition carried back at import.
export const fileUploadPaths: ReadonlySet<string> = new Set(['/admin/elections/preview', '/admin/replay']);
export const largeBodyPaths: ReadonlySet<string> = new Set([...fileUploadPaths, '/admin/elections/import']);
