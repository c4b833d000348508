/** The national records and their input key, over a small snapshot written the generator's way. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeJson } from '../fs-json.js';
import {
  snapshotFiles,
  type DocumentDetail,
  type DocumentSummary,
} from '@pbgdpl/site-template/snapshot-format';
import { nationalInputKey, nationalRecords } from './snapshot-records.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-records-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const summary = (id: string, scope: 'national' | 'local', number: string): DocumentSummary => ({
  documentId: id,
  number,
  documentType: 'law',
  title: `Luật ${number}`,
  issuedDate: '2024-01-18',
  effectiveFrom: null,
  effectiveTo: null,
  validityStatus: 'in_force',
  scope,
  issuerNames: ['Quốc hội'],
  issuers: [],
  fields: [],
  path: `van-ban/luat/2024/${number.replace(/\//g, '-').toLowerCase()}/`,
});
function write(documents: DocumentSummary[], text: (id: string) => string, relations: unknown[] = []) {
  writeJson(snapshotFiles.index(dir), {
    documents: Object.fromEntries(documents.map((d) => [d.documentId, d])),
  });
  for (const d of documents) {
    const detail = {
      document: {
        documentId: d.documentId,
        abstract: null,
        signerTitle: null,
        signerName: null,
        fields: [],
        fullText: text(d.documentId),
      },
      relations,
      path: d.path,
    } as unknown as DocumentDetail;
    writeJson(snapshotFiles.document(dir, d.documentId), detail);
  }
}
const docs = [
  summary('b', 'national', '31/2024/QH15'),
  summary('a', 'national', '45/2019/QH14'),
  summary('c', 'local', '25/2024/NQ-HĐND'),
];

test('national records are the national documents only, by documentId, with URLs under a site’s base', () => {
  write(docs, () => 'Điều 1. Đất đai.');
  expect([...nationalRecords(dir)].map((r) => [r.number, r.url])).toEqual([
    ['45/2019/QH14', 'van-ban/luat/2024/45-2019-qh14/'],
    ['31/2024/QH15', 'van-ban/luat/2024/31-2024-qh15/'],
  ]);
});

test('the input key follows what the records are made of, not the relations nor local documents', () => {
  write(docs, () => 'Điều 1. Đất đai.');
  const key = nationalInputKey(dir);
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  write(docs, () => 'Điều 1. Đất đai.', [{ kind: 'replaces' }]);
  expect(nationalInputKey(dir)).toBe(key);
  write(docs, (id) => (id === 'c' ? 'Điều 2. Khác.' : 'Điều 1. Đất đai.'));
  expect(nationalInputKey(dir)).toBe(key);
  write(docs, (id) => (id === 'a' ? 'Điều 1. Đất đai (sửa đổi).' : 'Điều 1. Đất đai.'));
  expect(nationalInputKey(dir)).not.toBe(key);
});
