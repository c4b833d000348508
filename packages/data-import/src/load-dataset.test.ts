// Loads the REAL public data folder: these tests pin facts of the actual sources.
import { NATIONAL_SITE_CODE, isSiteCode } from '@pbgdpl/domain';
import { DataImportError, loadDataset, resolveDataDir, type Dataset, type DocumentRecord } from './index.js';

const dataDir = resolveDataDir(process.env, process.cwd());
let full: Dataset;
const progress: string[] = [];

beforeAll(async () => {
  full = await loadDataset({ dataDir, log: (message) => progress.push(message) });
}, 60_000);

const byNumber = (number: string): DocumentRecord | undefined =>
  full.documents.find((d) => d.number === number);

describe('sites', () => {
  it('has one site per unit: 1 + 14 + 3 + 6 + 34 + 3321 = 3379', () => {
    const kinds: Record<string, number> = {};
    for (const site of full.sites) kinds[site.kind] = (kinds[site.kind] ?? 0) + 1;
    expect(full.sites).toHaveLength(3379);
    expect(kinds).toEqual({
      national: 1,
      ministry: 14,
      ministry_agency: 3,
      mass_organisation: 6,
      province: 34,
      commune: 3321,
    });
  });

  it('gives every site a unique valid code served under /<code>/', () => {
    expect(new Set(full.sites.map((site) => site.code)).size).toBe(full.sites.length);
    for (const site of full.sites) {
      expect(isSiteCode(site.code)).toBe(true);
      expect(site.basePath).toBe(`/${site.code}/`);
    }
  });

  it('hangs provinces and central units under the national portal and communes under an earlier province', () => {
    const seen = new Map<string, string>();
    for (const site of full.sites) {
      if (site.kind === 'national') expect(site.parentCode).toBeNull();
      else if (site.kind === 'commune') expect(seen.get(site.parentCode ?? '')).toBe('province');
      else expect(site.parentCode).toBe(NATIONAL_SITE_CODE);
      seen.set(site.code, site.kind);
    }
  });

  it('names provinces and communes as the official list does', () => {
    const haNoi = full.sites.find((site) => site.code === 'ha-noi');
    expect(haNoi).toMatchObject({ name: 'Thành phố Hà Nội', adminUnitCode: '01', kind: 'province' });
    expect(full.sites.find((site) => site.code === 'ha-noi-ba-dinh')).toMatchObject({
      name: 'Phường Ba Đình',
      adminUnitCode: '00004',
      unitType: 'Phường',
      parentCode: 'ha-noi',
    });
    expect(full.sites.filter((site) => site.unitType === 'Đặc khu')).toHaveLength(13);
  });

  it('suffixes the admin code on the 20 communes whose slugs collide in the real list', () => {
    expect(full.sites.filter((site) => site.kind === 'commune' && /-\d{5}$/.test(site.code))).toHaveLength(
      20,
    );
    expect(full.sites.map((site) => site.code)).toEqual(
      expect.arrayContaining(['thai-nguyen-van-lang-02143', 'thai-nguyen-van-lang-05665']),
    );
  });

  it('runs the national portal by the Ministry of Justice and every central site by its organization', () => {
    const codes = new Set(full.organizations.map((organization) => organization.code));
    expect(full.sites[0]).toMatchObject({ code: 'quoc-gia', organizationCode: 'bo-tu-phap' });
    for (const site of full.sites)
      if (site.organizationCode) expect(codes.has(site.organizationCode)).toBe(true);
  });
});

describe('documents', () => {
  it('imports the 34 + 1 resolutions and the 207 laws, numbers unique', () => {
    expect(full.documents).toHaveLength(242);
    expect(new Set(full.documents.map((d) => d.number)).size).toBe(242);
  });

  it('points every document at existing sites, organizations and fields', () => {
    const sites = new Set(full.sites.map((site) => site.code));
    const organizations = new Set(full.organizations.map((organization) => organization.code));
    const fields = new Set(full.fields.map((field) => field.code));
    for (const document of full.documents) {
      expect(sites.has(document.owningSiteCode)).toBe(true);
      if (document.scopeSiteCode) expect(sites.has(document.scopeSiteCode)).toBe(true);
      expect(document.issuerCodes.length).toBeGreaterThan(0);
      for (const code of document.issuerCodes) expect(organizations.has(code)).toBe(true);
      for (const code of document.fieldCodes) expect(fields.has(code)).toBe(true);
      expect(document.issuedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives each of the 34 commune-merger resolutions to a different province', () => {
    const local = full.documents.filter((d) => d.documentType === 'nasc_resolution');
    expect(local).toHaveLength(34);
    expect(new Set(local.map((d) => d.owningSiteCode)).size).toBe(34);
    const provinces = new Set(full.sites.filter((site) => site.kind === 'province').map((site) => site.code));
    for (const d of local)
      expect(d).toMatchObject({
        scope: 'local',
        scopeSiteCode: d.owningSiteCode,
        signerName: 'Trần Thanh Mẫn',
      });
    for (const d of local) expect(provinces.has(d.owningSiteCode)).toBe(true);
    expect(byNumber('1654/NQ-UBTVQH15')).toMatchObject({
      owningSiteCode: 'an-giang',
      title: 'Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh An Giang năm 2025',
      issuerCodes: ['uy-ban-thuong-vu-quoc-hoi'],
    });
  });

  it('imports 60-NQ/TW as a national Party document under a Party issuer', () => {
    expect(byNumber('60-NQ/TW')).toMatchObject({
      documentType: 'party_document',
      scope: 'national',
      owningSiteCode: 'quoc-gia',
      issuerCodes: ['ban-chap-hanh-trung-uong-dang'],
    });
    expect(full.organizations.find((o) => o.code === 'ban-chap-hanh-trung-uong-dang')?.category).toBe(
      'party',
    );
  });

  it('knows the 2019 Labour Code (45/2019/QH14)', () => {
    expect(byNumber('45/2019/QH14')).toMatchObject({
      documentType: 'code',
      title: 'Bộ luật Lao động',
      issuedDate: '2019-11-20',
      effectiveFrom: '2021-01-01',
      issuerCodes: ['quoc-hoi'],
      signerTitle: 'Chủ tịch Quốc hội',
      signerName: 'Nguyễn Thị Kim Ngân',
      fieldCodes: ['lao-dong-tien-luong'],
      declaredStatus: 'in_force',
      declaredStatusAsOf: '2026-02-26',
      titleEn: 'Labour Code 2019',
      scope: 'national',
      owningSiteCode: 'quoc-gia',
    });
    expect(byNumber('45/2019/QH14')?.abstract).toMatch(/^Bộ luật Lao động quy định tiêu chuẩn lao động/);
  });

  it('declares amended acts in force, keeping the census word, and takes the postponed date of the Penal Code', () => {
    expect(byNumber('100/2015/QH13')).toMatchObject({
      declaredStatus: 'in_force',
      declaredStatusSource: 'Ansvar census 93 (2026-02-26): amended',
      effectiveFrom: '2018-01-01',
    });
  });

  it('repairs the border law whose metadata carried a cited number and date', () => {
    expect(byNumber('51/2001/QH10')).toBeUndefined();
    expect(byNumber('06/2003/QH11')).toMatchObject({
      issuedDate: '2003-06-17',
      title: 'Luật biên giới quốc gia',
    });
  });

  it('maps the 1957 sắc lệnh to a President order', () => {
    expect(byNumber('102-SL/L-004')).toMatchObject({
      documentType: 'president_order',
      issuerCodes: ['chu-tich-nuoc'],
      issuedDate: '1957-05-20',
    });
  });

  it('produces plain JSON-able records', () => {
    expect(JSON.parse(JSON.stringify(full.documents[0]))).toEqual(full.documents[0]);
  });
});

describe('report', () => {
  it('has no errors on the real data and warns about each kind of repair', () => {
    expect(full.report.filter((issue) => issue.severity === 'error')).toEqual([]);
    const fields = new Set(full.report.map((issue) => issue.field));
    for (const field of [
      'code',
      'scopeSiteCode',
      'number',
      'title',
      'documentType',
      'issuerCodes',
      'issuedDate',
      'effectiveFrom',
      'abstract',
      'signerTitle',
      'declaredStatus',
    ]) {
      expect(fields).toContain(field);
    }
  });

  it('locates every issue in a data file', () => {
    for (const issue of full.report)
      expect(issue.source).toMatch(/^(admin-units|organizations|legal-docs)\//);
  });

  it('reports the derived abstracts, the Đồng Nai city change and the historical sắc lệnh', () => {
    const messages = full.report.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/abstracts were derived from the text: \d+ from the scope article/),
        expect.stringMatching(/"tỉnh Đồng Nai" but the registry lists "Thành phố trực thuộc trung ương"/),
        expect.stringMatching(/Historical type "Sắc lệnh"/),
      ]),
    );
  });

  it('logs progress while streaming the laws', () => {
    expect(progress).toContain('  laws: 200 lines read');
    expect(progress.at(-1)).toMatch(/^Loaded full dataset in \d+ ms: 3379 sites/);
  });
});

describe('demo subset', () => {
  let demo: Dataset;
  beforeAll(async () => {
    demo = await loadDataset({ dataDir, subset: 'demo' });
  }, 60_000);

  it('keeps the portal, two ministries, three provinces and their first three communes by admin code', () => {
    const firstCommunes = ['ha-noi', 'ho-chi-minh', 'an-giang'].flatMap((province) =>
      full.sites
        .filter((site) => site.parentCode === province && site.kind === 'commune')
        .sort((a, b) => (a.adminUnitCode ?? '').localeCompare(b.adminUnitCode ?? ''))
        .slice(0, 3)
        .map((site) => site.code),
    );
    expect(firstCommunes.slice(0, 3)).toEqual(['ha-noi-ba-dinh', 'ha-noi-ngoc-ha', 'ha-noi-giang-vo']);
    expect(demo.sites.map((site) => site.code).sort()).toEqual(
      [
        'quoc-gia',
        'bo-tu-phap',
        'bo-giao-duc-va-dao-tao',
        'ha-noi',
        'ho-chi-minh',
        'an-giang',
        ...firstCommunes,
      ].sort(),
    );
  });

  it('keeps the three provinces\u2019 resolutions, 60-NQ/TW, the 40 newest laws and the laws they end', () => {
    const laws = demo.documents.filter((d) => d.documentType === 'law' || d.documentType === 'code');
    const newest = [...laws].sort((a, b) => b.issuedDate.localeCompare(a.issuedDate)).slice(0, 40);
    const newestNumbers = new Set(newest.map((d) => d.number));
    const ended = new Set(
      full.relations
        .filter((r) => newestNumbers.has(r.sourceNumber) && (r.kind === 'replaces' || r.kind === 'annuls'))
        .map((r) => r.targetNumber),
    );
    const endedInCorpus = full.documents.filter((d) => ended.has(d.number) && !newestNumbers.has(d.number));
    expect(endedInCorpus.map((d) => d.number)).toEqual(
      expect.arrayContaining(['68/2014/QH13', '24/2000/QH10']),
    );
    expect(laws.map((d) => d.number).sort()).toEqual(
      [...newestNumbers, ...endedInCorpus.map((d) => d.number)].sort(),
    );
    expect(demo.documents).toHaveLength(4 + laws.length);
    const oldestNewest = newest.map((d) => d.issuedDate).sort()[0]!;
    const left = full.documents.filter(
      (d) =>
        (d.documentType === 'law' || d.documentType === 'code') && !laws.some((l) => l.number === d.number),
    );
    for (const d of left) expect(d.issuedDate <= oldestNewest).toBe(true);
  });

  it('carries exactly the organizations and fields its records use', () => {
    const sites = new Set(demo.sites.map((site) => site.code));
    const used = new Set([
      ...demo.sites.flatMap((s) => (s.organizationCode ? [s.organizationCode] : [])),
      ...demo.documents.flatMap((d) => d.issuerCodes),
    ]);
    expect(new Set(demo.organizations.map((o) => o.code))).toEqual(used);
    expect(new Set(demo.fields.map((f) => f.code))).toEqual(
      new Set(demo.documents.flatMap((d) => d.fieldCodes)),
    );
    for (const d of demo.documents) expect(sites.has(d.owningSiteCode)).toBe(true);
  });
});

it('rejects a missing data folder with a DataImportError', async () => {
  await expect(loadDataset({ dataDir: '/nonexistent/pbgdpl-data' })).rejects.toThrow(DataImportError);
});
