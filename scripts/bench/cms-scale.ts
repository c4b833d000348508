/**
 * `pnpm bench:cms [--no-indexes] [--no-read-cache] [--clients 50] [--seconds 15] [--database-url URL]`
 * The CMS at national scale (issue 3, item 5): 100,000 legal documents and 100,000 relations in
 * PostgreSQL; times the site-listing GraphQL query under concurrent clients and the admin list
 * with its filters. Prints a table and, last, one JSON line of the figures. Needs the CMS built
 * (`pnpm --filter @pbgdpl/cms build`) and a PostgreSQL server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startCmsProcess, testCmsEnv } from '@pbgdpl/test-support';
import { prepareBenchDatabase } from './bench-database.ts';
import { adminToken } from './cms-admin.ts';
import { runLoad, send, summarise, type LoadFigures } from './load.ts';
import { ADMIN_FILTERS, adminListRequest, siteListingRequests } from './scenarios.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'cms');

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/pbgdpl_bench',
    },
    'no-indexes': { type: 'boolean', default: false },
    'no-read-cache': { type: 'boolean', default: false },
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '15' },
    documents: { type: 'string', default: '100000' },
    relations: { type: 'string', default: '100000' },
    'admin-runs': { type: 'string', default: '10' },
  },
});
const databaseUrl = args['database-url']!;
const clients = Number(args.clients);
const seconds = Number(args.seconds);

async function main() {
  const env = {
    ...testCmsEnv(),
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATABASE_CLIENT: 'postgres',
  };
  const corpus = await prepareBenchDatabase({
    databaseUrl,
    cmsDir: CMS_DIR,
    cmsEnv: env,
    documents: Number(args.documents),
    relations: Number(args.relations),
    log: (line) => console.log(line),
  });
  const withIndexes = !args['no-indexes'];
  if (!withIndexes) await dropExtraIndexes();
  console.log(
    `Starting the CMS (${withIndexes ? 'with' : 'without'} the extra indexes, read cache ${args['no-read-cache'] ? 'off' : 'on'})…`,
  );
  const cms = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: {
      ...env,
      DATABASE_EXTRA_INDEXES: String(withIndexes),
      PBGDPL_READ_CACHE: String(!args['no-read-cache']),
    },
    timeoutMs: 600_000,
  });
  try {
    const listings = await measureListings(cms.url, cms.pid);
    const admin = await measureAdmin(cms.url);
    printTable(listings, admin);
    console.log(
      JSON.stringify({
        bench: 'cms-scale',
        indexes: withIndexes,
        readCache: !args['no-read-cache'],
        corpus,
        clients,
        seconds,
        listings,
        admin,
      }),
    );
  } finally {
    await cms.stop();
  }
}

async function dropExtraIndexes() {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ name: string }>(
      "SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'pbgdpl\\_%'",
    );
    for (const { name } of rows) await db.query(`DROP INDEX IF EXISTS "${name}"`);
    console.log(`Dropped ${rows.length} extra indexes.`);
  } finally {
    await db.end();
  }
}

/** The order in which content-client sends the local listing's two queries. */
const LOCAL_BRANCHES = ['scoped to it or its parent', 'owned by it'];

/**
 * CPU time per answered request during the loaded run, in ms: the CMS process's (from
 * /proc/<pid>/stat) and the load generator's (this process). On a machine shared with other
 * work, latencies swing with the load; these costs do not, so they show what a change saved.
 */
interface CpuCost {
  cmsMsPerRequest: number;
  clientMsPerRequest: number;
  /** The machine's 1-minute load average at the end of the run. */
  loadAverage: number;
}

type ListingFigures = Record<
  string,
  {
    total: number;
    bytes: number;
    encoding: string;
    oneClient: LoadFigures;
    loaded: LoadFigures;
    cpu: CpuCost;
  }
>;

/** CPU time (user + system) of a process so far, in ms. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}

/** Each listing: one client (the query's own latency), then `clients` at once. */
async function measureListings(cmsUrl: string, cmsPid: number): Promise<ListingFigures> {
  const scenarios: Record<string, Parameters<typeof siteListingRequests>[1]> = {
    'national (every site)': { national: true },
    'local: province ha-noi': { local: { code: 'ha-noi', parent: { code: 'quoc-gia' } } },
    'local: commune ha-noi-ba-dinh': { local: { code: 'ha-noi-ba-dinh', parent: { code: 'ha-noi' } } },
  };
  const out: ListingFigures = {};
  const requests = Object.entries(scenarios).flatMap(([name, part]) =>
    siteListingRequests(cmsUrl, part).then((all) =>
      all.map((request, i) => [all.length > 1 ? `${name} (${LOCAL_BRANCHES[i]})` : name, request] as const),
    ),
  );
  for (const [name, request] of (await Promise.all(requests)).flat()) {
    const first = await send(request);
    const total = JSON.parse(first.body).data?.legalDocuments_connection?.pageInfo?.total;
    if (first.status !== 200 || typeof total !== 'number') {
      throw new Error(`The ${name} listing failed (HTTP ${first.status}): ${first.body.slice(0, 300)}`);
    }
    console.log(`GraphQL ${name}: ${total} documents; 1 client, then ${clients} clients for ${seconds} s…`);
    const oneClient = await runLoad(request, { clients: 1, seconds: Math.min(5, seconds), warmupSeconds: 1 });
    // No warm-up here: the one-client run has warmed this query, and under overload a warm-up
    // window would swallow the first (and perhaps only) round of requests.
    const cmsBefore = processCpuMs(cmsPid);
    const clientBefore = process.cpuUsage();
    const loaded = await runLoad(request, { clients, seconds });
    const clientCpu = process.cpuUsage(clientBefore);
    const perRequest = (ms: number) =>
      Math.round((ms / Math.max(1, loaded.requests + loaded.errors)) * 100) / 100;
    const cpu = {
      cmsMsPerRequest: perRequest(processCpuMs(cmsPid) - cmsBefore),
      clientMsPerRequest: perRequest((clientCpu.user + clientCpu.system) / 1000),
      loadAverage: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
    };
    const sample = await send(request); // a repeated request: what a hit sends on the wire
    out[name] = {
      total,
      bytes: sample.raw.length,
      encoding: sample.encoding ?? 'identity',
      oneClient,
      loaded,
      cpu,
    };
  }
  return out;
}

type AdminFigures = Record<string, { total: number; status: number } & LoadFigures>;

/** The admin list, one request at a time as an editor clicks, `admin-runs` times each. */
async function measureAdmin(cmsUrl: string): Promise<AdminFigures> {
  const token = await adminToken(cmsUrl);
  const runs = Number(args['admin-runs']);
  const out: AdminFigures = {};
  for (const [name, filters] of Object.entries(ADMIN_FILTERS)) {
    const request = adminListRequest(cmsUrl, token, filters);
    const first = await send(request); // not counted: warms the CMS's caches for this shape
    if (first.status !== 200)
      throw new Error(`Admin list "${name}" failed (HTTP ${first.status}): ${first.body.slice(0, 300)}`);
    const latencies: number[] = [];
    for (let i = 0; i < runs; i++) latencies.push((await send(request)).ms);
    const total = JSON.parse(first.body).pagination?.total ?? NaN;
    out[name] = {
      total,
      status: first.status,
      ...summarise(latencies, 0, latencies.reduce((s, n) => s + n, 0) / 1000),
    };
  }
  return out;
}

function printTable(listings: ListingFigures, admin: AdminFigures) {
  const ms = (n: number) => n.toFixed(1).padStart(8);
  console.log(
    `\nSite listing (GraphQL, page 1 of 50 + total)   docs   1 client p50  ${clients} clients: p50      p95      p99   req/s  errors  CPU ms/req: CMS client  load  bytes`,
  );
  for (const [name, f] of Object.entries(listings)) {
    console.log(
      `  ${name.padEnd(44)} ${String(f.total).padStart(6)} ${ms(f.oneClient.p50)}      ${ms(f.loaded.p50)} ${ms(f.loaded.p95)} ${ms(f.loaded.p99)} ${f.loaded.throughput.toFixed(1).padStart(7)} ${String(f.loaded.errors).padStart(6)}  ${f.cpu.cmsMsPerRequest.toFixed(2).padStart(14)} ${f.cpu.clientMsPerRequest.toFixed(2).padStart(6)} ${f.cpu.loadAverage.toFixed(1).padStart(5)}  ${f.bytes} ${f.encoding}`,
    );
  }
  console.log('\nAdmin list (page 1 of 10, sort number, vi)           rows      p50      p95      max  (ms)');
  for (const [name, f] of Object.entries(admin)) {
    console.log(`  ${name.padEnd(48)} ${String(f.total).padStart(6)} ${ms(f.p50)} ${ms(f.p95)} ${ms(f.max)}`);
  }
  console.log('');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:cms failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
