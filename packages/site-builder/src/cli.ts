/**
 * `pnpm sites:build --site <code>[,<code>…] | --all --out <dir> [options]`
 * Generates static PBGDPL sites from the CMS into <dir>/<site-code>/.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentClientError } from '@pbgdpl/content-client';
import { GeneratorError } from './errors.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_LIST_PAGE_SIZE, generateSites } from './generate.js';

const HELP = `Tạo các trang PBGDPL tĩnh từ CMS (generate the static PBGDPL sites)

  pnpm sites:build --site <code>[,<code>…] --out <dir> [options]
  pnpm sites:build --all --out <dir> [options]

  --site CODES       site codes from the registry, comma-separated or repeated (e.g. ha-noi,quoc-gia)
  --all              every enabled site of the registry
  --out DIR          output folder; each site goes to DIR/<code>/ (relative to where you ran pnpm)
  --cms URL          CMS base URL (default: $PBGDPL_CMS_URL or http://127.0.0.1:1337)
  --batch-size N     sites per Astro build (default ${DEFAULT_BATCH_SIZE}); lower it if memory runs short
  --page-size N      documents per page of the document list (default ${DEFAULT_LIST_PAGE_SIZE})
  --as-of DATE       build date YYYY-MM-DD for "newly effective" (default: today in Vietnam)
  --releases         release layout: DIR/<code>/releases/<id>/ with DIR/<code>/current switched atomically
  --keep-snapshot    keep the fetched data (JSON) under sites/template/.snapshots/ for inspection
  -h, --help         this help

  Environment: PBGDPL_CMS_URL (CMS base URL), PBGDPL_CMS_TOKEN (read-only API token, optional).
  Exit code: 0 all sites built, 1 some site failed or the CMS could not be read, 2 bad arguments.
`;

async function main(argv: string[]): Promise<number> {
  // pnpm passes the "--" of `pnpm run generate -- --site x` through; it is not ours.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        site: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
        out: { type: 'string' },
        cms: { type: 'string' },
        'batch-size': { type: 'string' },
        'page-size': { type: 'string' },
        'as-of': { type: 'string' },
        'keep-snapshot': { type: 'boolean', default: false },
        releases: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const codes = (values.site ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (!values.out) return usage('--out <dir> is required.');
  if (values.all === codes.length > 0) return usage('Give either --site <code>[,<code>…] or --all.');
  const batchSize = wholeNumber(values['batch-size'], DEFAULT_BATCH_SIZE);
  const listPageSize = wholeNumber(values['page-size'], DEFAULT_LIST_PAGE_SIZE);
  if (batchSize === null) return usage('--batch-size must be a whole number ≥ 1.');
  if (listPageSize === null) return usage('--page-size must be a whole number ≥ 1.');

  // `pnpm sites:build` runs this in sites/template; a relative --out means the caller's folder.
  const outDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const cmsUrl = values.cms ?? process.env.PBGDPL_CMS_URL ?? 'http://127.0.0.1:1337';
  const token = process.env.PBGDPL_CMS_TOKEN;
  try {
    const result = await generateSites({
      cmsUrl,
      ...(values.all ? { all: true } : { codes }),
      outDir,
      batchSize,
      listPageSize,
      keepSnapshot: values['keep-snapshot'],
      ...(values.releases ? { layout: 'releases' as const } : {}),
      ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
      ...(token ? { token } : {}),
    });
    for (const site of result.sites) {
      const detail = site.ok
        ? `${site.pages} pages, ${(site.bytes / 1024).toFixed(0)} KiB, ${site.documents} documents` +
          (site.search
            ? `, search index ${(site.search.bytes / 1024).toFixed(0)} KiB in ${site.search.files} files`
            : '')
        : `FAILED: ${site.error}`;
      console.log(`  ${site.ok ? '✓' : '✗'} ${site.code.padEnd(28)} ${detail}`);
    }
    if (result.snapshotDir) console.log(`Snapshot kept in ${result.snapshotDir}`);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof GeneratorError) {
      console.error(`Error: ${error.message}`);
      return 2;
    }
    if (error instanceof ContentClientError) {
      console.error(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function usage(message: string): number {
  console.error(`Error: ${message}\n\n${HELP}`);
  return 2;
}

function wholeNumber(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
