// Reading a CSV file as spreadsheets and Democracy Club write it (RFC 4180): fields in double
// quotes may hold commas, quotes (doubled) and line breaks; lines end in CRLF or LF; a UTF-8
// byte order mark at the start is dropped.

/** The rows of the file, each a list of fields; blank lines are left out. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') endRow();
    else if (ch === '\r' && source[i + 1] === '\n') {
      endRow();
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
