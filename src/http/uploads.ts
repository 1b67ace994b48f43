// The addresses that take an uploaded file: an admin's election definition or candidates CSV.
// They alone take multipart/form-data (bodyTypes.ts) and bodies past the usual limit
// (bodyLimit.ts): the file itself at preview, and the definition carried back at import.
export const fileUploadPaths: ReadonlySet<string> = new Set(['/admin/elections/preview']);
export const largeBodyPaths: ReadonlySet<string> = new Set([...fileUploadPaths, '/admin/elections/import']);
