import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  parseCoverageSummary,
  searchBeaconUrl,
  writePublicSignals,
  type FetchCoverage,
} from './public-signals.js';
import { publicSignalFiles } from '@pbgdpl/site-template/public-signals-format';

const SUMMARY = {
  site: 'ha-noi',
  met: 2,
  total: 3,
  requirements: [
    { code: 'C-1', label: 'Văn bản mới có hiệu lực', met: true },
    { code: 'C-3', label: 'Hỏi đáp pháp luật', met: true },
    { code: 'C-4', label: 'Đối thoại chính sách', met: false },
  ],
  computedAt: '2026-11-28T17:05:00.000Z',
};

describe('parseCoverageSummary', () => {
  it('reads the CMS’s summary, bare or in Strapi’s { data }', () => {
    expect(parseCoverageSummary(SUMMARY, 'ha-noi')).toEqual(SUMMARY);
    expect(parseCoverageSummary({ data: SUMMARY }, 'ha-noi')).toEqual(SUMMARY);
  });

  it('reads the CMS’s own form, whose site is { code, name } (cms/src/extensions/coverage/routes.ts)', () => {
    const body = { ...SUMMARY, site: { code: 'ha-noi', name: 'Thành phố Hà Nội' } };
    expect(parseCoverageSummary(body, 'ha-noi')).toEqual(SUMMARY);
  });

  it.each<[string, unknown]>([
    ['no body', null],
    ['an error answer', { data: null, error: { status: 404 } }],
    ['met above total', { ...SUMMARY, met: 4 }],
    ['no requirement at all', { ...SUMMARY, total: 0, met: 0 }],
    ['counts as text', { ...SUMMARY, met: '2' }],
    ['a requirement without its label', { ...SUMMARY, requirements: [{ code: 'C-1', met: true }] }],
    ['requirements not a list', { ...SUMMARY, requirements: 'C-1' }],
  ])('refuses %s (the block is then omitted)', (_label, body) => {
    expect(parseCoverageSummary(body, 'ha-noi')).toBeNull();
  });

  it('keeps a summary whose date is missing or unreadable, without the date', () => {
    expect(parseCoverageSummary({ ...SUMMARY, computedAt: 'hôm qua' }, 'ha-noi')?.computedAt).toBeNull();
  });
});

describe('searchBeaconUrl', () => {
  it('is the CMS’s public address plus the beacon path, kept under a path prefix', () => {
    expect(searchBeaconUrl('https://cms.pbgdpl.gov.vn')).toBe(
      'https://cms.pbgdpl.gov.vn/api/pbgdpl-demand/search',
    );
    expect(searchBeaconUrl('https://pbgdpl.gov.vn/cms/')).toBe(
      'https://pbgdpl.gov.vn/cms/api/pbgdpl-demand/search',
    );
  });

  it('is null without a public address, or with one that is not http(s): the page sends nothing', () => {
    for (const value of [undefined, null, '', 'không phải địa chỉ', 'ftp://cms.example'])
      expect(searchBeaconUrl(value)).toBeNull();
  });
});

describe('writePublicSignals', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-signals-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes each site’s summary; a 404 or an unreachable CMS leaves no file and one log line per reason', async () => {
    const asked: string[] = [];
    const fetchCoverage: FetchCoverage = async (url) => {
      asked.push(url);
      if (url.endsWith('/ha-noi')) return { ok: true, body: SUMMARY };
      if (url.endsWith('/khong-ket-noi')) return { ok: false, status: null, reason: 'connect ECONNREFUSED' };
      return { ok: false, status: 404, reason: 'HTTP 404' };
    };
    const log: string[] = [];
    const result = await writePublicSignals({
      dir,
      codes: ['ha-noi', 'ha-noi-ba-dinh', 'ha-noi-ngoc-ha', 'khong-ket-noi'],
      cmsOrigin: 'http://cms.internal:1337',
      publicCmsUrl: null,
      fetchCoverage,
      log: (m) => log.push(m),
    });
    expect(result).toEqual({ coverage: 1 });
    expect(asked).toContain('http://cms.internal:1337/api/pbgdpl-coverage/public/ha-noi');
    expect(JSON.parse(fs.readFileSync(publicSignalFiles.coverage(dir, 'ha-noi'), 'utf8'))).toEqual(SUMMARY);
    expect(fs.existsSync(publicSignalFiles.coverage(dir, 'ha-noi-ba-dinh'))).toBe(false);
    expect(log).toEqual([
      expect.stringMatching(/^Coverage summary not shown on 2 site\(s\): HTTP 404/),
      expect.stringMatching(/^Coverage summary not shown on 1 site\(s\): connect ECONNREFUSED/),
    ]);
    expect(JSON.parse(fs.readFileSync(publicSignalFiles.run(dir), 'utf8'))).toEqual({ searchBeacon: null });
  });

  it('records the beacon’s address when the run has the CMS’s public address', async () => {
    await writePublicSignals({
      dir,
      codes: [],
      cmsOrigin: 'http://cms.internal:1337',
      publicCmsUrl: 'https://cms.pbgdpl.gov.vn',
      log: () => {},
    });
    expect(JSON.parse(fs.readFileSync(publicSignalFiles.run(dir), 'utf8'))).toEqual({
      searchBeacon: 'https://cms.pbgdpl.gov.vn/api/pbgdpl-demand/search',
    });
  });
});
