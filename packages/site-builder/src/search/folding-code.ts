/**
 * The accent folding that puts its copies in every record (the template's contract,
 * `@pbgdpl/site-template/search-fold`, which the search page repeats) lives outside this folder,
 * but it is part of the code that makes records and indexes: the fingerprints that let a build
 * reuse an index or find the national bundle without folding again must change when it does.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

let code: string | undefined;

/** The folding module's source as it runs here. */
export function foldingCode(): string {
  code ??= fs.readFileSync(
    createRequire(import.meta.url).resolve('@pbgdpl/site-template/search-fold'),
    'utf8',
  );
  return code;
}
