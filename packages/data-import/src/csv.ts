/**
 * A small RFC 4180 reader for the admin-unit CSV files: enough for quoted fields, doubled quotes
 * and CRLF, which is all these files may use; not worth a dependency.
 */

export interface CsvRow {
  /** 1-based line number in the file, for the report. */
  line: number;
  values: Record<string, string>;
}

export function parseCsv(text: string): CsvRow[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.replace(/^\uFEFF/, '');

  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }

  const [header, ...body] = rows.filter((row) => row.cells.some((value) => value.trim() !== ''));
  if (!header) return [];
  return body.map((row) => ({
    line: row.line,
    values: Object.fromEntries(
      header.cells.map((name, index) => [name.trim(), (row.cells[index] ?? '').trim()]),
    ),
  }));
}
