import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM, with line numbers', () => {
    const rows = parseCsv('\uFEFFcode,name\r\n01,"Hà Nội, thủ đô"\r\n02,"Tên ""có"" ngoặc"\r\n');
    expect(rows).toEqual([
      { line: 2, values: { code: '01', name: 'Hà Nội, thủ đô' } },
      { line: 3, values: { code: '02', name: 'Tên "có" ngoặc' } },
    ]);
  });

  it('counts lines inside a quoted field that spans lines, and skips blank lines', () => {
    const rows = parseCsv('a,b\n"x\ny",1\n\n2,3');
    expect(rows.map((row) => row.line)).toEqual([2, 5]);
    expect(rows[0]!.values.a).toBe('x\ny');
  });

  it('fills missing trailing cells with empty strings', () => {
    expect(parseCsv('a,b\n1')[0]!.values).toEqual({ a: '1', b: '' });
  });
});
