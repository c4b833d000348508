import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseCsv } from '@pbgdpl/domain';
import { CMS_DIR, startTestCms, type TestCms } from './harness';
import { buildWorld, type World } from './federation-support';
import { censusAct, editorialSample } from './fixtures';
import { publishedItem } from './coverage-support';
import { exportOpenData, type OpenDataRun } from '../src/extensions/open-data';

/**
 * The open-data export (issue 18, item 1) on a real Strapi and real files: every public type as
 * JSON Lines and CSV (BOM) in gzip, a manifest whose counts, sizes and SHA-256 match the files,
 * and nothing a reader of the sites could not see — no draft, no unpublished or unanswered
 * question, no private field, no disabled site or its items. Then the on-disk layout: days
 * switched atomically, `latest`, retention, a failed run that publishes nothing.
 */
const DOCUMENT = 'api::legal-document.legal-document';
const RELATION = 'api::document-relation.document-relation';
const ASKER = { name: 'Người hỏi thử nghiệm', email: 'nguoi-hoi@example.vn', phone: '0900000001' };
const NOW = new Date('2026-12-10T02:15:00+07:00');

let cms: TestCms;
let world: World;
let outDir: string;
let run: OpenDataRun;
const ids: Record<string, string> = {};

type Manifest = {
  schemaVersion: string;
  day: string;
  licence: { id: string; note: string; why: string };
  totals: { records: number; bytes: number };
  datasets: Array<{
    name: string;
    records: number;
    columns: Array<{ name: string }>;
    files: Array<{
      path: string;
      format: string;
      bytes: number;
      uncompressedBytes: number;
      sha256: string;
      records: number;
    }>;
  }>;
};

const dayDir = () => path.join(outDir, 'latest');
const read = (file: string) => zlib.gunzipSync(fs.readFileSync(path.join(dayDir(), file))).toString('utf8');
const jsonl = (name: string) =>
  read(`${name}.jsonl.gz`)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const csv = (name: string) => parseCsv(read(`${name}.csv.gz`));
const manifest = () => JSON.parse(fs.readFileSync(path.join(dayDir(), 'manifest.json'), 'utf8')) as Manifest;

async function document(data: Record<string, unknown>, options: { publish?: boolean; locale?: string } = {}) {
  const created = (await cms.strapi.documents(DOCUMENT).create({
    locale: options.locale ?? 'vi',
    ...(options.publish === false ? {} : { status: 'published' }),
    data,
  } as never)) as { documentId: string };
  return created.documentId;
}

function act(number: string, owningSite: string) {
  const law = censusAct(number);
  return {
    number: law.official_number,
    documentType: 'law',
    title: law.title,
    abstract: law.description,
    issuedDate: law.issued_date,
    effectiveFrom: law.in_force_date,
    scope: 'national',
    owningSite,
  };
}

beforeAll(async () => {
  cms = await startTestCms('open-data');
  world = await buildWorld(cms.strapi, cms.http);
  const { strapi } = cms;
  const s = world.sites;
  // A commune merged away: disabled, with a published item and a published local document of its own.
  const merged = (await strapi.documents('api::site.site').create({
    data: {
      code: 'ha-noi-phuc-xa',
      name: 'Phường Phúc Xá',
      kind: 'commune',
      basePath: '/ha-noi-phuc-xa/',
      parent: s.hanoi.documentId,
      enabled: false,
    },
  } as never)) as { documentId: string };

  // A site still enabled under it (not yet moved): its parent is not named.
  await strapi.documents('api::site.site').create({
    data: {
      code: 'ha-noi-phuc-xa-khu-1',
      name: 'Khu phố 1 (thử nghiệm)',
      kind: 'commune',
      basePath: '/ha-noi-phuc-xa-khu-1/',
      parent: merged.documentId,
    },
  } as never);

  ids.labour = await document(act('45/2019/QH14', s.national.documentId));
  await strapi.documents(DOCUMENT).update({
    documentId: ids.labour,
    locale: 'en',
    status: 'published',
    data: { title: censusAct('45/2019/QH14').title_en, abstract: censusAct('45/2019/QH14').title_en },
  } as never);
  ids.enterprise = await document(act('59/2020/QH14', s.national.documentId));
  ids.land = await document(act('31/2024/QH15', s.national.documentId)); // cited by the editorial samples
  ids.draftLaw = await document(
    {
      ...act('20/2023/QH15', s.national.documentId),
      title: 'Dự thảo chưa xuất bản của Luật Giao dịch điện tử',
    },
    { publish: false },
  );
  ids.mergedDocument = await document({
    number: '05/2025/NQ-HĐND',
    documentType: 'commune_council_resolution',
    title: 'Nghị quyết của phường đã sáp nhập',
    abstract: 'Nghị quyết của Hội đồng nhân dân phường Phúc Xá trước khi sáp nhập.',
    issuedDate: '2025-03-20',
    effectiveFrom: '2025-04-01',
    scope: 'local',
    scopeSite: merged.documentId,
    owningSite: merged.documentId,
  });
  // A published national item citing it: the citation keeps the number, not the hidden document.
  ids.citingMaterial = await publishedItem(strapi, 'material', s.national.documentId, {
    title: 'Tài liệu viện dẫn nghị quyết của phường đã sáp nhập',
    citations: [{ documentNumber: '05/2025/NQ-HĐND' }],
  });
  // Relations: a published act on another (public); a draft acting on a published one (not public);
  // a published act on a draft (public, but the draft's id is not given).
  const relate = (source: string, sourceNumber: string, target: string, targetNumber: string, kind: string) =>
    strapi.documents(RELATION).create({
      data: {
        sourceDocumentId: source,
        sourceNumber,
        targetDocumentId: target,
        targetNumber,
        kind,
        effectiveDate: '2021-01-01',
      },
    } as never);
  await relate(ids.enterprise, '59/2020/QH14', ids.labour, '45/2019/QH14', 'based_on');
  await relate(ids.draftLaw, '20/2023/QH15', ids.labour, '45/2019/QH14', 'amends');
  await relate(ids.labour, '45/2019/QH14', ids.draftLaw, '20/2023/QH15', 'cites');

  // Questions: published with its answer; answered but not published; published row whose
  // handling is not "published" (must not leak either).
  ids.publishedQa = await publishedItem(strapi, 'qa', s.hanoi.documentId, { trackingCode: 'HN-MO-0001' });
  const unpublished = (await strapi.documents('api::qa.qa').create({
    locale: 'vi',
    data: {
      ...editorialSample('qa', s.hanoi.documentId).vi,
      slug: 'chua-cong-bo',
      title: 'Câu hỏi đã trả lời, chưa công bố',
      trackingCode: 'HN-MO-0002',
      handlingStatus: 'answered',
    },
  } as never)) as { documentId: string };
  ids.unpublishedQa = unpublished.documentId;
  ids.answeredQa = await publishedItem(strapi, 'qa', s.hanoi.documentId, {
    trackingCode: 'HN-MO-0003',
    handlingStatus: 'answered',
    title: 'Câu hỏi xuất bản nhầm khi chưa công bố câu trả lời',
  });

  // Editorial items: published, draft, of a disabled site.
  ids.introduction = await publishedItem(strapi, 'introduction', s.hanoi.documentId);
  await strapi.documents('api::introduction.introduction').create({
    locale: 'vi',
    data: {
      ...editorialSample('introduction', s.hanoi.documentId).vi,
      slug: 'ban-nhap',
      title: 'Bản nháp giới thiệu chưa xuất bản',
    },
  } as never);
  ids.mergedIntroduction = await publishedItem(strapi, 'introduction', merged.documentId, {
    title: 'Giới thiệu của phường đã sáp nhập',
  });
  for (const type of [
    'material',
    'video',
    'legal-situation',
    'dialogue',
    'book',
    'guidance',
    'news-item',
  ] as const)
    ids[type] = await publishedItem(strapi, type, s.national.documentId);

  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-open-data-'));
  run = await exportOpenData(strapi, { outDir, now: NOW, pageSize: 2 });
}, 600_000);

afterAll(async () => {
  await cms?.stop();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('what the files hold', () => {
  test('every public type has a JSON Lines and a CSV file, and the manifest counts what they hold', () => {
    const m = manifest();
    expect(m.schemaVersion).toBe('1.0');
    expect(m.day).toBe('2026-12-10');
    expect(m.datasets.map((d) => d.name)).toEqual([
      'van-ban',
      'quan-he-van-ban',
      'hoi-dap',
      'gioi-thieu-van-ban',
      'tai-lieu',
      'video',
      'tinh-huong',
      'doi-thoai',
      'tu-sach',
      'huong-dan',
      'tin-tuc',
      'don-vi',
      'co-quan-ban-hanh',
      'linh-vuc',
    ]);
    for (const dataset of m.datasets) {
      expect({ name: dataset.name, lines: jsonl(dataset.name).length }).toEqual({
        name: dataset.name,
        lines: dataset.records,
      });
      expect({ name: dataset.name, rows: csv(dataset.name).length - 1 }).toEqual({
        name: dataset.name,
        rows: dataset.records,
      });
    }
    expect(m.totals.records).toBe(run.records);
    expect(m.datasets.find((d) => d.name === 'tai-lieu')!.records).toBe(2);
  });

  test('sizes and SHA-256 in the manifest and SHA256SUMS are those of the files', () => {
    const sums = fs.readFileSync(path.join(dayDir(), 'SHA256SUMS'), 'utf8').trim().split('\n');
    const files = manifest().datasets.flatMap((d) => d.files);
    expect(sums).toHaveLength(files.length);
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(dayDir(), file.path));
      expect(file.bytes).toBe(bytes.length);
      expect(file.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
      expect(file.uncompressedBytes).toBe(zlib.gunzipSync(bytes).length);
      expect(sums).toContain(`${file.sha256}  ${file.path}`);
    }
  });

  test('the CSV opens in a spreadsheet: byte order mark, CRLF, a header of the manifest’s columns', () => {
    const text = read('van-ban.csv.gz');
    expect(text.startsWith('\uFEFFdocumentId,locale,number,')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
    const [header, ...rows] = csv('van-ban');
    expect(header).toEqual(manifest().datasets[0]!.columns.map((c) => c.name));
    const labour = rows.find((r) => r[header!.indexOf('number')] === '45/2019/QH14' && r[1] === 'vi')!;
    expect(labour[header!.indexOf('title')]).toBe(censusAct('45/2019/QH14').title);
    expect(labour[header!.indexOf('owningSite')]).toBe('quoc-gia');
  });

  test('documents carry their metadata, validity history, translations and public relations', () => {
    const documents = jsonl('van-ban');
    const labour = documents.filter((d) => d.documentId === ids.labour);
    expect(labour.map((d) => d.locale).sort()).toEqual(['en', 'vi']);
    const vi = labour.find((d) => d.locale === 'vi')!;
    expect(vi).toMatchObject({
      number: '45/2019/QH14',
      documentType: 'law',
      issuedDate: '2019-11-20',
      owningSite: 'quoc-gia',
    });
    expect(Array.isArray(vi.validityHistory)).toBe(true);
    expect(vi.validityStatus).toEqual(expect.any(String));
    // Based on by the enterprise law (public); amended by a draft (left out); it cites a draft, whose id is withheld.
    expect(vi.actedOnBy).toEqual([
      expect.objectContaining({
        kind: 'based_on',
        sourceNumber: '59/2020/QH14',
        sourceDocumentId: ids.enterprise,
      }),
    ]);
    expect(vi.actsOn).toEqual([
      expect.objectContaining({ kind: 'cites', targetNumber: '20/2023/QH15', targetDocumentId: null }),
    ]);
    const relations = jsonl('quan-he-van-ban');
    expect(relations.map((r) => `${r.sourceNumber} ${r.kind} ${r.targetNumber}`).sort()).toEqual([
      '45/2019/QH14 cites 20/2023/QH15',
      '59/2020/QH14 based_on 45/2019/QH14',
    ]);
    expect(relations.find((r) => r.kind === 'cites')!.targetDocumentId).toBeNull();
  });

  test('drafts and unpublished items never appear', () => {
    const everything = manifest()
      .datasets.flatMap((d) => d.files.map((f) => read(f.path)))
      .join('\n');
    expect(everything).not.toContain(ids.draftLaw);
    expect(everything).not.toContain('Dự thảo chưa xuất bản');
    expect(everything).not.toContain('Bản nháp giới thiệu chưa xuất bản');
    expect(everything).not.toContain(ids.unpublishedQa);
    expect(jsonl('gioi-thieu-van-ban').map((i) => i.documentId)).toEqual([ids.introduction]);
  });

  test('Q&A holds published answers only, never the asker or any private field', () => {
    const questions = jsonl('hoi-dap');
    expect(questions.map((q) => q.documentId)).toEqual([ids.publishedQa]);
    expect(questions[0]).toMatchObject({ handlingStatus: 'published', owningSite: 'ha-noi' });
    expect(typeof questions[0]!.question).toBe('string');
    const [header] = csv('hoi-dap');
    for (const field of [
      'askerName',
      'askerEmail',
      'askerPhone',
      'consentToPublish',
      'trackingCode',
      'rejectionReason',
      'internalNote',
      'assigneeEmail',
      'forwardTo',
      'forwardedFrom',
      'respondedAt',
      'reviewState',
      'reviewNote',
    ]) {
      expect({ field, inJson: field in questions[0]! }).toEqual({ field, inJson: false });
      expect({ field, inCsv: header!.includes(field) }).toEqual({ field, inCsv: false });
    }
    const everything = manifest()
      .datasets.flatMap((d) => d.files.map((f) => read(f.path)))
      .join('\n');
    for (const value of [ASKER.email, ASKER.phone, ASKER.name, 'HN-MO-0001', 'HD-TEST-0001'])
      expect({ value, found: everything.includes(value) }).toEqual({ value, found: false });
    expect(everything).not.toContain('urgentPublishReason');
    expect(everything).not.toContain('validityChangedAt');
  });

  test('a disabled site and its items never appear; relations to it are dropped', () => {
    const sites = jsonl('don-vi');
    expect(sites.map((s) => s.code)).not.toContain('ha-noi-phuc-xa');
    expect(sites.map((s) => s.code)).toEqual(
      expect.arrayContaining(['quoc-gia', 'ha-noi', 'ha-noi-ba-dinh']),
    );
    expect(sites.find((s) => s.code === 'ha-noi-ba-dinh')).toMatchObject({
      parent: 'ha-noi',
      kind: 'commune',
    });
    expect(sites[0]).not.toHaveProperty('enabled');
    expect(sites.find((s) => s.code === 'ha-noi-phuc-xa-khu-1')).toMatchObject({ parent: null });
    const everything = manifest()
      .datasets.flatMap((d) => d.files.map((f) => read(f.path)))
      .join('\n');
    expect(everything.replace(/ha-noi-phuc-xa-khu-1/g, '')).not.toContain('ha-noi-phuc-xa');
    expect(everything).not.toContain(ids.mergedDocument);
    expect(everything).not.toContain(ids.mergedIntroduction);
    expect(everything).not.toContain('Nghị quyết của phường đã sáp nhập');
    const citing = jsonl('tai-lieu').find((m) => m.documentId === ids.citingMaterial)!;
    expect(citing.citations).toEqual([
      expect.objectContaining({
        documentNumber: '05/2025/NQ-HĐND',
        citedDocumentId: null,
        documentTitle: null,
      }),
    ]);
  });

  test('states its licence and why', () => {
    const { licence } = manifest();
    expect(licence.id).toBe('CC-BY-4.0');
    expect(licence.note).toMatch(/Luật Sở hữu trí tuệ, Điều 15/);
    expect(licence.why).toMatch(/ghi công/);
  });
});

describe('on disk', () => {
  const link = (name: string) => fs.readlinkSync(path.join(outDir, name));

  test('the day and latest are symlinks to a complete run; index.json lists the day', () => {
    expect(link('latest')).toBe('2026-12-10');
    expect(link('2026-12-10')).toBe(path.join('runs', run.runId));
    const index = JSON.parse(fs.readFileSync(path.join(outDir, 'index.json'), 'utf8'));
    expect(index).toMatchObject({
      latest: '2026-12-10',
      days: [{ day: '2026-12-10', manifest: '2026-12-10/manifest.json' }],
    });
    expect(fs.readdirSync(path.join(outDir, 'runs')).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  test('a second run the same day switches the day to it; an old run is kept an hour for readers already in it', async () => {
    const again = await exportOpenData(cms.strapi, { outDir, now: new Date(NOW.getTime() + 60_000) });
    expect(again.day).toBe('2026-12-10');
    expect(link('2026-12-10')).toBe(path.join('runs', again.runId));
    expect(fs.existsSync(path.join(outDir, 'runs', run.runId))).toBe(true);
    // Two hours later (its folder's time set back) the replaced run is gone; the linked one stays.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(path.join(outDir, 'runs', run.runId), twoHoursAgo, twoHoursAgo);
    const later = await exportOpenData(cms.strapi, { outDir, now: new Date(NOW.getTime() + 2 * 3_600_000) });
    const runs = fs.readdirSync(path.join(outDir, 'runs'));
    expect(runs).not.toContain(run.runId);
    expect(runs).toContain(later.runId);
    run = later;
  });

  test('keeps 30 days: the snapshot of 30 days before is pruned, latest never moves backwards', async () => {
    const old = await exportOpenData(cms.strapi, { outDir, now: new Date('2026-11-10T02:15:00+07:00') });
    expect(fs.existsSync(path.join(outDir, '2026-11-10'))).toBe(true);
    expect(link('latest')).toBe('2026-12-10');
    const next = await exportOpenData(cms.strapi, { outDir, now: new Date('2026-12-11T02:15:00+07:00') });
    expect(next.pruned.days).toEqual(['2026-11-10']);
    expect(fs.existsSync(path.join(outDir, '2026-11-10'))).toBe(false);
    expect(link('latest')).toBe('2026-12-11');
    const index = JSON.parse(fs.readFileSync(path.join(outDir, 'index.json'), 'utf8'));
    expect(index.days.map((d: { day: string }) => d.day)).toEqual(['2026-12-11', '2026-12-10']);
    void old;
  });

  test('a run that fails half way publishes nothing: the previous day and latest stay as they were', async () => {
    const before = { latest: link('latest'), day: link('2026-12-11') };
    const query = cms.strapi.db.query.bind(cms.strapi.db);
    const spy = jest.spyOn(cms.strapi.db, 'query').mockImplementation(((uid: string) => {
      if (uid === 'api::video.video') throw new Error('mất kết nối cơ sở dữ liệu (giả lập)');
      return query(uid as never);
    }) as never);
    try {
      await expect(
        exportOpenData(cms.strapi, { outDir, now: new Date('2026-12-11T03:00:00+07:00') }),
      ).rejects.toThrow('mất kết nối');
    } finally {
      spy.mockRestore();
    }
    expect({ latest: link('latest'), day: link('2026-12-11') }).toEqual(before);
    expect(fs.readdirSync(path.join(outDir, 'runs')).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

test('the command refuses to run without a folder, in Vietnamese, before booting anything', () => {
  const result = spawnSync(process.execPath, [path.join(CMS_DIR, 'dist', 'scripts', 'opendata-export.js')], {
    env: { ...process.env, OPEN_DATA_DIR: '' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('cần --out DIR');
});
