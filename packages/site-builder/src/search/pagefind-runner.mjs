/* global process, console */
// Builds Pagefind indexes with Pagefind's Node API, in a process of its own (the `pagefind`
// package is ESM only, and a process of its own keeps the builder's memory flat). Several
// indexes (a batch of sites) share the process, one after another.
//   node pagefind-runner.mjs <records.jsonl> <outputPath> [<records.jsonl> <outputPath> …]
// Each line of records.jsonl is {"url": "...", "html": "..."} (search/index-site.ts).
// Prints one JSON line per index, in order: {"records": n}; or exits 1 with the errors on stderr.
import fs from 'node:fs';
import readline from 'node:readline';
import * as pagefind from 'pagefind';

const args = process.argv.slice(2);
const fail = (message) => {
  console.error(message);
  process.exitCode = 1;
};

/** Indexes one records file into outputPath; @returns the records indexed. */
async function indexOne(recordsFile, outputPath) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let records = 0;
  const lines = readline.createInterface({
    input: fs.createReadStream(recordsFile, 'utf8'),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { url, html } = JSON.parse(line);
    const added = await index.addHTMLFile({ url, content: html });
    if (added.errors.length > 0) throw new Error(`Pagefind rejected ${url}: ${added.errors.join('; ')}`);
    records += 1;
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return records;
}

try {
  if (args.length === 0 || args.length % 2 !== 0)
    throw new Error('usage: pagefind-runner.mjs <records.jsonl> <outputPath> […]');
  for (let i = 0; i < args.length; i += 2)
    console.log(JSON.stringify({ records: await indexOne(args[i], args[i + 1]) }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await pagefind.close();
}
