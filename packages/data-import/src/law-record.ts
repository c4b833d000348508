/**
 * One line of the laws corpus → one document. The corpus's metadata was parsed from each header
 * upstream and is sometimes missing or wrong; every repair below cross-checks it against the
 * text or the census and is reported, so nothing changes silently.
 */
import { NATIONAL_SITE_CODE, slugifyVietnamese } from '@pbgdpl/domain';
import type { Census, CensusEntry } from './census.js';
import { documentTypeOf } from './document-types.js';
import { fieldCodeFromSourceUrl } from './fields.js';
import {
  cleanNumber,
  completeNumberFromHeader,
  deriveAbstract,
  deriveTitle,
  findAdoptionDate,
  findDateInTitle,
  findEffectiveDate,
  findHeaderDate,
  findSigner,
  numberFromSourceId,
  numberKey,
  parseIsoDate,
  type AbstractOrigin,
  type IsoDate,
} from './law-text.js';
import { canonicalNumber, issuerOf, type ReadContext, type SourcedDocument } from './sourced.js';

export interface RawLaw {
  id?: unknown;
  so_hieu?: unknown;
  loai_van_ban?: unknown;
  ten?: unknown;
  co_quan_ban_hanh?: unknown;
  ngay_ban_hanh?: unknown;
  ngay_hieu_luc?: unknown;
  source_url?: unknown;
  noi_dung?: unknown;
}

export interface LawContext extends ReadContext {
  census: Census;
  /** Filled while mapping, for the summary issues. */
  abstractOrigins: Record<AbstractOrigin, number>;
  matchedCensusNumbers: Set<string>;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.normalize('NFC').trim() : null;

/** @returns null when the law cannot be imported (reported as an error). */
export function mapLaw(raw: RawLaw, source: string, context: LawContext): SourcedDocument | null {
  const { issues } = context;
  const fullText = text(raw.noi_dung);
  const rawNumber = text(raw.so_hieu);
  if (!fullText || !rawNumber) {
    issues.error(source, fullText ? 'number' : 'fullText', 'so_hieu or noi_dung is empty; skipped.');
    return null;
  }

  const title = resolveTitle(text(raw.ten), fullText, rawNumber, source, context);
  const label = resolveLabel(text(raw.loai_van_ban), title, source, context);
  const issuer = issuerOf(
    context,
    resolveIssuerName(text(raw.co_quan_ban_hanh), label, source, context),
    source,
  );
  const type = documentTypeOf(label, issuer);
  if (type.note) issues.warn(source, 'documentType', type.note);

  const number = resolveNumber(rawNumber, fullText, source, context);
  const issuedDate = resolveIssuedDate(
    raw.ngay_ban_hanh,
    fullText,
    title,
    context.census.byNumber.get(numberKey(number)),
    source,
    context,
  );
  if (!issuedDate) return null;
  const finalNumber = fixNumberFromSourceId(
    number,
    text(raw.id) ?? '',
    issuedDate,
    fullText,
    source,
    context,
  );
  const censusEntry = context.census.byNumber.get(numberKey(finalNumber));
  if (censusEntry) context.matchedCensusNumbers.add(numberKey(finalNumber));

  const { abstract, origin } = deriveAbstract(fullText, title);
  context.abstractOrigins[origin] += 1;
  if (origin === 'title')
    issues.warn(source, 'abstract', 'No scope article or sentence found; the abstract repeats the title.');

  const signer = findSigner(fullText);
  if (!signer)
    issues.warn(source, 'signerName', 'No signature found at the end of the text; signer left empty.');
  else if (!signer.title)
    issues.warn(
      source,
      'signerTitle',
      `The text gives the signer's name (${signer.name}) but no title; title left empty.`,
    );

  const sourceUrl = text(raw.source_url);
  const fieldCode = sourceUrl ? fieldCodeFromSourceUrl(sourceUrl) : null;
  if (!fieldCode)
    issues.warn(source, 'fieldCodes', `No category segment in source_url "${sourceUrl ?? ''}"; no field.`);
  else if (!context.fields.use(fieldCode))
    issues.warn(
      source,
      'fieldCodes',
      `Category "${fieldCode}" has no Vietnamese name in the field table; named after its code.`,
    );

  return {
    source,
    origin: 'laws',
    record: {
      number: canonicalNumber(context, finalNumber, source),
      documentType: type.type,
      title,
      abstract,
      fullText,
      issuerCodes: [issuer.code],
      signerTitle: signer?.title ?? null,
      signerName: signer?.name ?? null,
      issuedDate,
      effectiveFrom: resolveEffectiveFrom(raw.ngay_hieu_luc, fullText, censusEntry, source, context),
      effectiveTo: null,
      scope: 'national',
      scopeSiteCode: null,
      owningSiteCode: NATIONAL_SITE_CODE,
      sourceUrl,
      fieldCodes: fieldCode ? [fieldCode] : [],
      declaredStatus: censusEntry?.status ?? null,
      declaredStatusSource: censusEntry?.status ? context.census.sourceNote(censusEntry) : null,
      declaredStatusAsOf: censusEntry?.status ? context.census.asOf : null,
      titleEn: censusEntry?.titleEn ?? null,
    },
  };
}

function resolveTitle(
  title: string | null,
  fullText: string,
  number: string,
  source: string,
  context: LawContext,
): string {
  if (title) return title;
  const derived = deriveTitle(fullText);
  context.issues.warn(
    source,
    'title',
    derived
      ? `ten is empty; title "${derived}" taken from the enacting or scope sentence.`
      : `ten is empty and the text names no title; titled by its number.`,
  );
  return derived ?? `Văn bản số ${number}`;
}

function resolveLabel(label: string | null, title: string, source: string, context: LawContext): string {
  if (label) return label;
  const inferred = /^Bộ luật/iu.test(title) ? 'Bộ luật' : /^Luật/iu.test(title) ? 'Luật' : 'Văn bản';
  context.issues.warn(
    source,
    'documentType',
    `loai_van_ban is empty; "${inferred}" inferred from the title.`,
  );
  return inferred;
}

function resolveIssuerName(name: string | null, label: string, source: string, context: LawContext): string {
  if (name) return name;
  // Only the National Assembly passes laws and codes; a sắc lệnh is the President's act.
  const inferred = slugifyVietnamese(label) === 'sac-lenh' ? 'Chủ tịch nước' : 'Quốc hội';
  context.issues.warn(
    source,
    'issuerCodes',
    `co_quan_ban_hanh is empty; "${inferred}" inferred from the type "${label}".`,
  );
  return inferred;
}

function resolveNumber(rawNumber: string, fullText: string, source: string, context: LawContext): string {
  const number = cleanNumber(rawNumber);
  const completed = completeNumberFromHeader(number, fullText);
  if (completed) {
    context.issues.warn(
      source,
      'number',
      `so_hieu "${rawNumber}" lacks the legislature term; completed to "${completed}" from the header.`,
    );
    return completed;
  }
  return number;
}

/**
 * The upstream parser sometimes took a number cited in the preamble (51/2001/QH10, the 2001
 * constitutional amendment) for the law's own. The source id carries the real one; it is used only
 * when its year agrees with the adoption date and the metadata's does not.
 */
function fixNumberFromSourceId(
  number: string,
  id: string,
  issued: IsoDate,
  fullText: string,
  source: string,
  context: LawContext,
): string {
  const fromId = numberFromSourceId(id);
  if (!fromId || numberKey(fromId) === numberKey(number)) return number;
  const year = issued.slice(0, 4);
  if (fromId.split('/')[1] === year && number.split('/')[1] !== year) {
    context.issues.warn(
      source,
      'number',
      `so_hieu "${number}" is the number of an act cited in the text (its year is not the adoption year ${year}); using "${fromId}" from the source id.`,
    );
    return fromId;
  }
  const printed = fullText.slice(0, 800).includes(number) ? ' as printed in the header' : '';
  context.issues.warn(source, 'number', `The source id suggests "${fromId}"; kept "${number}"${printed}.`);
  return number;
}

function resolveIssuedDate(
  rawDate: unknown,
  fullText: string,
  title: string,
  census: CensusEntry | undefined,
  source: string,
  context: LawContext,
): IsoDate | null {
  const { issues } = context;
  const declared = parseIsoDate(rawDate);
  if (rawDate != null && !declared)
    issues.warn(source, 'issuedDate', `ngay_ban_hanh "${String(rawDate)}" is not a valid date.`);
  // A law is dated the day the National Assembly adopts it, which its closing formula states.
  const adopted = findAdoptionDate(fullText);
  if (declared && adopted && declared !== adopted) {
    issues.warn(
      source,
      'issuedDate',
      `ngay_ban_hanh ${declared} contradicts the adoption formula (${adopted}); using ${adopted}.`,
    );
    return adopted;
  }
  if (declared) return declared;

  const fallbacks: [IsoDate | null, string][] = [
    [adopted, 'the adoption formula'],
    [census?.issuedDate ?? null, 'the census'],
    [findHeaderDate(fullText), 'the header'],
    [findDateInTitle(title), 'the title'],
  ];
  const found = fallbacks.find(([date]) => date !== null);
  if (!found) {
    issues.error(
      source,
      'issuedDate',
      'ngay_ban_hanh is empty and no date was found in the text; the CMS requires it, skipped.',
    );
    return null;
  }
  issues.warn(source, 'issuedDate', `ngay_ban_hanh is empty; took ${found[0]} from ${found[1]}.`);
  return found[0];
}

function resolveEffectiveFrom(
  rawDate: unknown,
  fullText: string,
  census: CensusEntry | undefined,
  source: string,
  context: LawContext,
): IsoDate | null {
  const { issues } = context;
  const declared = parseIsoDate(rawDate);
  if (rawDate != null && !declared)
    issues.warn(source, 'effectiveFrom', `ngay_hieu_luc "${String(rawDate)}" is not a valid date.`);
  const fromText = declared ? null : findEffectiveDate(fullText);
  const value = declared ?? fromText;
  // The census knows about later postponements the original text cannot (the 2015 Penal Code).
  if (census?.inForceDate && census.inForceDate !== value) {
    issues.warn(
      source,
      'effectiveFrom',
      value
        ? `The text gives ${value} but the census says the law entered into force on ${census.inForceDate}; using the census.`
        : `ngay_hieu_luc is empty; took ${census.inForceDate} from the census.`,
    );
    return census.inForceDate;
  }
  if (fromText)
    issues.warn(
      source,
      'effectiveFrom',
      `ngay_hieu_luc is empty; took ${fromText} from the entry-into-force clause.`,
    );
  else if (!value)
    issues.warn(
      source,
      'effectiveFrom',
      'ngay_hieu_luc is empty and neither the text nor the census gives one; left empty.',
    );
  return value;
}
