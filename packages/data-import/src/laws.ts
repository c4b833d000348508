/**
 * The 207 laws, streamed line by line: the file is 24 MB of full text, and reading it whole
 * would hold it twice in memory (the string and the parsed objects) for no benefit.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Census } from './census.js';
import { DATA_FILES } from './data-dir.js';
import { mapLaw, type LawContext, type RawLaw } from './law-record.js';
import type { ReadContext, SourcedDocument } from './sourced.js';

const PROGRESS_EVERY = 50;

export async function readLaws(
  dataDir: string,
  context: ReadContext & { census: Census },
  log: (message: string) => void,
): Promise<SourcedDocument[]> {
  const file = DATA_FILES.laws;
  const lawContext: LawContext = {
    ...context,
    abstractOrigins: { 'scope-article': 0, 'scope-sentence': 0, title: 0 },
    matchedCensusNumbers: new Set(),
  };
  const documents: SourcedDocument[] = [];
  const lines = createInterface({
    input: createReadStream(path.join(dataDir, file), 'utf8'),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const source = `${file}:${lineNumber}`;
    let raw: RawLaw;
    try {
      raw = JSON.parse(line) as RawLaw;
    } catch (error) {
      context.issues.error(
        source,
        'fullText',
        `Line is not valid JSON (${(error as Error).message}); skipped.`,
      );
      continue;
    }
    const document = mapLaw(raw, source, lawContext);
    if (document) documents.push(document);
    if (lineNumber % PROGRESS_EVERY === 0) log(`  laws: ${lineNumber} lines read`);
  }
  summarise(file, documents.length, lawContext);
  return documents;
}

/** Facts true of the whole file are reported once, not 207 times. */
function summarise(file: string, count: number, context: LawContext): void {
  const { issues, census, abstractOrigins, matchedCensusNumbers } = context;
  issues.warn(
    file,
    'abstract',
    `The corpus has no trích yếu; abstracts were derived from the text: ${abstractOrigins['scope-article']} from the ` +
      `scope article (Điều 1), ${abstractOrigins['scope-sentence']} from the "Luật này quy định" sentence, ` +
      `${abstractOrigins.title} repeat the title.`,
  );
  const amended = [...matchedCensusNumbers].filter(
    (key) => census.byNumber.get(key)?.censusStatus === 'amended',
  );
  issues.warn(
    file,
    'declaredStatus',
    `tinh_trang_hieu_luc is empty for every law; ${matchedCensusNumbers.size} of ${count} get a declared status from the ` +
      `census, the rest none. ${amended.length} marked "amended" there are declared in_force (see declaredStatusSource).`,
  );
  const unmatched = [...census.byNumber]
    .filter(([key]) => !matchedCensusNumbers.has(key))
    .map(([, entry]) => entry);
  if (unmatched.length > 0) {
    issues.warn(
      DATA_FILES.census,
      'number',
      `${unmatched.length} census acts are not in the laws corpus (metadata only, not imported): ${unmatched.map((entry) => entry.number).join(', ')}.`,
    );
  }
}
