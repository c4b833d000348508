// Scenarios the real data does not contain (undated, duplicate or unplaceable documents), built
// in a temporary folder from real records with one thing broken each.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATA_FILES, loadDataset, resolveDataDir, type Dataset } from './index.js';

const realDir = resolveDataDir(process.env, process.cwd());
let brokenDir: string;
let dataset: Dataset;

function copy(file: string): void {
  mkdirSync(path.dirname(path.join(brokenDir, file)), { recursive: true });
  cpSync(path.join(realDir, file), path.join(brokenDir, file));
}

function write(file: string, content: string): void {
  mkdirSync(path.dirname(path.join(brokenDir, file)), { recursive: true });
  writeFileSync(path.join(brokenDir, file), content);
}

beforeAll(async () => {
  brokenDir = mkdtempSync(path.join(tmpdir(), 'pbgdpl-broken-data-'));
  for (const file of [DATA_FILES.provinces, DATA_FILES.wards, DATA_FILES.organizations, DATA_FILES.census])
    copy(file);

  const resolutionsDir = path.dirname(DATA_FILES.resolutionsIndex);
  const index = JSON.parse(readFileSync(path.join(realDir, DATA_FILES.resolutionsIndex), 'utf8')) as Record<
    string,
    unknown
  >[];
  const [anGiang, caMau, haNoi] = index;
  copy(`${resolutionsDir}/${String(anGiang!.file)}`);
  copy(`${resolutionsDir}/${String(caMau!.file)}`);
  write(
    DATA_FILES.resolutionsIndex,
    JSON.stringify([
      anGiang,
      {
        ...caMau,
        so_hieu: '9999/NQ-UBTVQH15',
        trich_yeu: 'Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Hà Tây năm 2025',
      },
      haNoi, // its .md file is not copied
    ]),
  );

  const [labourCode] = readFileSync(path.join(realDir, DATA_FILES.laws), 'utf8').split('\n', 1);
  const law = JSON.parse(labourCode!) as Record<string, unknown>;
  write(
    DATA_FILES.laws,
    [
      labourCode,
      '{"so_hieu": "broken',
      JSON.stringify({ ...law, noi_dung: 'Bộ luật Lao động (bản rút gọn)' }),
      JSON.stringify({
        ...law,
        so_hieu: '1/2099/QH99',
        ten: 'Luật không ngày',
        ngay_ban_hanh: null,
        noi_dung: 'Điều 1. Nội dung.',
      }),
      JSON.stringify({
        ...law,
        so_hieu: '2/2099/UBTVQH99',
        loai_van_ban: 'Pháp lệnh',
        co_quan_ban_hanh: 'Uỷ ban thường vụ Quốc hội',
      }),
      JSON.stringify({ ...law, so_hieu: '3/2099/QH99', co_quan_ban_hanh: 'Hội đồng Nhà nước' }),
    ].join('\n'),
  );

  dataset = await loadDataset({ dataDir: brokenDir });
}, 60_000);

afterAll(() => rmSync(brokenDir, { recursive: true, force: true }));

const errorsAbout = (field: string) =>
  dataset.report.filter((issue) => issue.severity === 'error' && issue.field === field);

it('keeps only the documents that can be placed, dated and told apart', () => {
  expect(dataset.documents.map((d) => d.number).sort()).toEqual([
    '1654/NQ-UBTVQH15',
    '2/2099/UBTVQH99',
    '3/2099/QH99',
    '45/2019/QH14',
  ]);
});

it('reports a resolution naming an unknown province and one without its text file', () => {
  expect(errorsAbout('scopeSiteCode')).toEqual([
    expect.objectContaining({ source: `${DATA_FILES.resolutionsIndex}:9999/NQ-UBTVQH15` }),
  ]);
  expect(errorsAbout('fullText').map((issue) => issue.source)).toEqual([
    `${DATA_FILES.resolutionsIndex}:1656/NQ-UBTVQH15`,
    `${DATA_FILES.laws}:2`,
  ]);
});

it('reports an undated law as an error and leaves it out', () => {
  expect(errorsAbout('issuedDate')).toEqual([expect.objectContaining({ source: `${DATA_FILES.laws}:4` })]);
});

it('keeps the longer of two documents with the same number', () => {
  expect(errorsAbout('number')).toEqual([expect.objectContaining({ source: `${DATA_FILES.laws}:3` })]);
  expect(dataset.documents.find((d) => d.number === '45/2019/QH14')!.fullText.length).toBeGreaterThan(1000);
});

it('matches issuer names across the "Uỷ/Ủy" spellings and adds unknown issuers as organizations', () => {
  expect(dataset.documents.find((d) => d.number === '2/2099/UBTVQH99')).toMatchObject({
    documentType: 'ordinance',
    issuerCodes: ['uy-ban-thuong-vu-quoc-hoi'],
  });
  expect(dataset.organizations.find((o) => o.code === 'hoi-dong-nha-nuoc')).toEqual({
    code: 'hoi-dong-nha-nuoc',
    name: 'Hội đồng Nhà nước',
    nameEn: null,
    docSymbol: null,
    category: 'other',
  });
  expect(dataset.report).toContainEqual(
    expect.objectContaining({ severity: 'warning', field: 'issuerCodes', source: `${DATA_FILES.laws}:6` }),
  );
});
