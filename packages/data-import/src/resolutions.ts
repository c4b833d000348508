/**
 * The 2025 resolutions: 34 UBTVQH resolutions (one per province, merging its communes) and the
 * Party resolution 60-NQ/TW. A province's resolution is local: it belongs to that province's
 * site, found from the abstract ("… của tỉnh An Giang năm 2025").
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NATIONAL_SITE_CODE, slugifyVietnamese } from '@pbgdpl/domain';
import { DATA_FILES } from './data-dir.js';
import { documentTypeOf } from './document-types.js';
import { DataImportError } from './errors.js';
import { ADMINISTRATIVE_APPARATUS } from './fields.js';
import { cleanNumber, findHeaderDate, parseIsoDate } from './law-text.js';
import type { DocumentRecord } from './records.js';
import type { ProvinceUnit } from './sites.js';
import { canonicalNumber, issuerOf, type ReadContext, type SourcedDocument } from './sourced.js';

interface RawResolution {
  file?: unknown;
  so_hieu?: unknown;
  loai_van_ban?: unknown;
  co_quan_ban_hanh?: unknown;
  ngay_ban_hanh?: unknown;
  ngay_hieu_luc?: unknown;
  trich_yeu?: unknown;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.normalize('NFC').trim() : null;

/** "… của tỉnh An Giang năm 2025" → { unitWord: "tỉnh", name: "An Giang" }. */
export function provinceNamedIn(abstract: string): { unitWord: string; name: string } | null {
  const match = /của\s+(tỉnh|thành phố)\s+(.+?)\s+năm\s+\d{4}\s*$/iu.exec(abstract.normalize('NFC'));
  return match ? { unitWord: match[1]!.toLowerCase(), name: match[2]! } : null;
}

/**
 * The signature block of a UBTVQH resolution ("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI / CHỦ TỊCH /
 * <name>"), which the PDF conversion left inside a two-column table: the name is the first bold
 * run of capitalised words after "CHỦ TỊCH". The Standing Committee is chaired by the Chairman of
 * the National Assembly (Constitution, Art. 73), hence the title.
 */
export function findResolutionSigner(markdown: string): { title: string; name: string } | null {
  const block = /TM\.\s*ỦY BAN THƯỜNG VỤ QUỐC HỘI[\s\S]*?CHỦ TỊCH/u.exec(markdown.normalize('NFC'));
  if (!block) return null;
  const after = markdown.normalize('NFC').slice(block.index + block[0].length);
  const name = /(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,3})\*\*/u.exec(after);
  return name ? { title: 'Chủ tịch Quốc hội', name: name[1]! } : null;
}

export interface ResolutionContext extends ReadContext {
  provinces: readonly ProvinceUnit[];
}

/**
 * @throws {DataImportError} when index.json is not a JSON list.
 */
export async function readResolutions(
  dataDir: string,
  context: ResolutionContext,
): Promise<SourcedDocument[]> {
  const indexFile = DATA_FILES.resolutionsIndex;
  let entries: unknown;
  try {
    entries = JSON.parse(await readFile(path.join(dataDir, indexFile), 'utf8'));
  } catch (cause) {
    throw new DataImportError(`Cannot read ${indexFile} in "${dataDir}": ${(cause as Error).message}`, {
      cause,
    });
  }
  if (!Array.isArray(entries)) throw new DataImportError(`${indexFile} in "${dataDir}" is not a JSON list.`);

  const documents: SourcedDocument[] = [];
  for (const entry of entries as RawResolution[]) {
    const document = await readResolution(dataDir, entry, context);
    if (document) documents.push(document);
  }

  const owners = new Map<string, string>();
  for (const { record } of documents.filter((document) => document.record.scope === 'local')) {
    const earlier = owners.get(record.owningSiteCode);
    if (earlier) {
      context.issues.warn(
        indexFile,
        'scopeSiteCode',
        `${earlier} and ${record.number} both concern ${record.owningSiteCode}.`,
      );
    }
    owners.set(record.owningSiteCode, record.number);
  }
  return documents;
}

async function readResolution(
  dataDir: string,
  entry: RawResolution,
  context: ResolutionContext,
): Promise<SourcedDocument | null> {
  const { issues } = context;
  const indexFile = DATA_FILES.resolutionsIndex;
  const number = text(entry.so_hieu);
  const file = text(entry.file);
  const source = `${indexFile}:${number ?? String(entry.file)}`;
  const label = text(entry.loai_van_ban);
  const issuerName = text(entry.co_quan_ban_hanh);
  const abstract = text(entry.trich_yeu);
  if (!number || !file || !label || !issuerName || !abstract) {
    issues.error(
      source,
      'number',
      'Entry lacks one of file, so_hieu, loai_van_ban, co_quan_ban_hanh, trich_yeu; skipped.',
    );
    return null;
  }

  let fullText: string;
  try {
    fullText = (await readFile(path.join(dataDir, path.dirname(indexFile), file), 'utf8')).normalize('NFC');
  } catch {
    issues.error(source, 'fullText', `Full text file ${file} is missing beside ${indexFile}; skipped.`);
    return null;
  }

  let issuedDate = parseIsoDate(entry.ngay_ban_hanh);
  if (!issuedDate) {
    issuedDate = findHeaderDate(fullText);
    if (!issuedDate) {
      issues.error(
        source,
        'issuedDate',
        `ngay_ban_hanh "${String(entry.ngay_ban_hanh)}" is not a date and the header has none; skipped.`,
      );
      return null;
    }
    issues.warn(
      source,
      'issuedDate',
      `ngay_ban_hanh is missing; took ${issuedDate} from the header of ${file}.`,
    );
  }
  const effectiveFrom = parseIsoDate(entry.ngay_hieu_luc);
  if (!effectiveFrom) {
    issues.warn(
      source,
      'effectiveFrom',
      `ngay_hieu_luc is ${JSON.stringify(entry.ngay_hieu_luc)}; effectiveFrom left empty.`,
    );
  }

  const issuer = issuerOf(context, issuerName, source);
  const type = documentTypeOf(label, issuer);
  if (type.note) issues.warn(source, 'documentType', type.note);

  const owner = owningProvince(abstract, source, context);
  if (owner === undefined) return null;

  const signer = findResolutionSigner(fullText);
  if (!signer) issues.warn(source, 'signerName', `No signature block found in ${file}; signer left empty.`);
  context.fields.use(ADMINISTRATIVE_APPARATUS);

  const startsWithType = slugifyVietnamese(abstract).startsWith(slugifyVietnamese(label));
  const record: DocumentRecord = {
    number: canonicalNumber(context, cleanNumber(number), source),
    documentType: type.type,
    title: startsWithType ? abstract : `${label} ${abstract.charAt(0).toLowerCase()}${abstract.slice(1)}`,
    abstract,
    fullText,
    issuerCodes: [issuer.code],
    signerTitle: signer?.title ?? null,
    signerName: signer?.name ?? null,
    issuedDate,
    effectiveFrom,
    effectiveTo: null,
    scope: owner ? 'local' : 'national',
    scopeSiteCode: owner?.siteCode ?? null,
    owningSiteCode: owner?.siteCode ?? NATIONAL_SITE_CODE,
    sourceUrl: null,
    fieldCodes: [ADMINISTRATIVE_APPARATUS],
    declaredStatus: null,
    declaredStatusSource: null,
    declaredStatusAsOf: null,
    titleEn: null,
  };
  return { record, source, origin: 'resolutions' };
}

/** null: a national document; undefined: names a province that is not in the registry (reported). */
function owningProvince(
  abstract: string,
  source: string,
  context: ResolutionContext,
): ProvinceUnit | null | undefined {
  const named = provinceNamedIn(abstract);
  if (!named) return null;
  const province = context.provinces.find(
    (candidate) => slugifyVietnamese(candidate.name) === slugifyVietnamese(named.name),
  );
  if (!province) {
    context.issues.error(
      source,
      'scopeSiteCode',
      `The abstract names "${named.unitWord} ${named.name}", which matches no province in ${DATA_FILES.provinces}; skipped.`,
    );
    return undefined;
  }
  const isCity = province.unitType.startsWith('Thành phố');
  if (isCity !== (named.unitWord === 'thành phố')) {
    context.issues.warn(
      source,
      'scopeSiteCode',
      `The abstract says "${named.unitWord} ${named.name}" but the registry lists "${province.unitType}" ${province.name} ` +
        '(its status changed after the resolution); matched by name.',
    );
  }
  return province;
}
