/**
 * Declared validity from the Ansvar census of 93 national acts (Feb 2026). The laws corpus has no
 * status at all, so this is the only status the import can give, and it is stored as *declared*
 * by that source, with its date, never as a computed status.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidityStatus } from '@pbgdpl/domain';
import { DATA_FILES } from './data-dir.js';
import { DataImportError } from './errors.js';
import type { IssueLog } from './issues.js';
import { numberKey, parseIsoDate, type IsoDate } from './law-text.js';

export interface CensusEntry {
  number: string;
  /** The census's own word ("amended"), kept for the source note. */
  censusStatus: string;
  status: ValidityStatus | null;
  titleEn: string | null;
  issuedDate: IsoDate | null;
  inForceDate: IsoDate | null;
}

export interface Census {
  /** Date the census was generated: the "as of" of every status it declares. */
  asOf: IsoDate | null;
  byNumber: Map<string, CensusEntry>;
  /** Text for declaredStatusSource, e.g. "Ansvar census 93 (2026-02-26): amended". */
  sourceNote(entry: CensusEntry): string;
}

/**
 * "amended" is not a validity status: an amended act is still in force, as amended. The
 * census's own word survives in declaredStatusSource.
 */
const STATUS_MAP: Readonly<Record<string, ValidityStatus>> = {
  in_force: 'in_force',
  not_yet_in_force: 'not_yet_in_force',
  amended: 'in_force',
};

interface RawCensusLaw {
  id?: unknown;
  official_number?: unknown;
  status?: unknown;
  title_en?: unknown;
  issued_date?: unknown;
  in_force_date?: unknown;
}

/**
 * @throws {DataImportError} when the file is not JSON or has no "laws" list.
 */
export async function readCensus(dataDir: string, issues: IssueLog): Promise<Census> {
  const file = DATA_FILES.census;
  let raw: { generated_at?: unknown; laws?: unknown };
  try {
    raw = JSON.parse(await readFile(path.join(dataDir, file), 'utf8')) as typeof raw;
  } catch (cause) {
    throw new DataImportError(`Cannot read ${file} in "${dataDir}": ${(cause as Error).message}`, { cause });
  }
  if (!Array.isArray(raw.laws)) {
    throw new DataImportError(`${file} in "${dataDir}" has no "laws" list.`);
  }
  const asOf = parseIsoDate(typeof raw.generated_at === 'string' ? raw.generated_at.slice(0, 10) : null);
  if (!asOf)
    issues.warn(
      file,
      'declaredStatusAsOf',
      'generated_at is missing or not a date; statuses carry no "as of" date.',
    );

  const byNumber = new Map<string, CensusEntry>();
  for (const law of raw.laws as RawCensusLaw[]) {
    const number = typeof law.official_number === 'string' ? law.official_number.trim() : '';
    // The constitution has no number ("N/A"); nothing in the corpus could match it anyway.
    if (!/\d/.test(number)) continue;
    const censusStatus = typeof law.status === 'string' ? law.status : '';
    const status = STATUS_MAP[censusStatus] ?? null;
    if (!status) {
      issues.warn(
        `${file}:${String(law.id)}`,
        'declaredStatus',
        `Unknown census status "${censusStatus}"; no status declared.`,
      );
    }
    byNumber.set(numberKey(number), {
      number,
      censusStatus,
      status,
      titleEn: typeof law.title_en === 'string' && law.title_en.trim() !== '' ? law.title_en.trim() : null,
      issuedDate: parseIsoDate(law.issued_date),
      inForceDate: parseIsoDate(law.in_force_date),
    });
  }
  return {
    asOf,
    byNumber,
    sourceNote: (entry) => `Ansvar census 93 (${asOf ?? 'undated'}): ${entry.censusStatus}`,
  };
}
