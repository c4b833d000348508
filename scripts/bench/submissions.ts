/**
 * `pnpm bench:submissions [--count 10000] [--sites 50] [--rate 80] [--clients 16]
 *   [--restart-at 0.5] [--outage-seconds 5] [--database-url URL --no-restart]`
 * Issue 7's load and fault goal: submits `count` legal questions across `sites` sites at a
 * sustained rate while PostgreSQL is restarted once mid-run, then checks that every accepted
 * submission (201 with a tracking code) is in the database — 0 lost — and that every refused
 * one got a 4xx or 503 the client could retry (the client retries those after Retry-After).
 * Prints throughput, latency percentiles and the counts, then one JSON line. Figures only: no
 * pass/fail on timings. 127.0.0.1 only, bounded in time.
 *
 * By default it makes its own throwaway PostgreSQL 15 cluster (initdb in a temporary folder, run
 * as the `postgres` user: needs root, like .ci/run) so the restart disturbs nobody else. Needs
 * the CMS compiled (`pnpm --filter @pbgdpl/cms build`). `BENCH_CMS_NODE_OPTIONS` passes Node
 * options to the CMS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`); `BENCH_CMS_OUTPUT=<file>` keeps
 * its whole output.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort, startCmsProcess, testCmsEnv, type CmsProcess } from '@pbgdpl/test-support';
import { summarise } from './load.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'cms');
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const ADMIN = {
  email: 'bench-submissions@pbgdpl.invalid',
  password: 'BenchSubmissions2026',
  firstname: 'Bench',
};

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    count: { type: 'string', default: '10000' },
    sites: { type: 'string', default: '50' },
    rate: { type: 'string', default: '80' },
    clients: { type: 'string', default: '16' },
    'restart-at': { type: 'string', default: '0.5' },
    'outage-seconds': { type: 'string', default: '5' },
    'max-retries': { type: 'string', default: '8' },
    'database-url': { type: 'string' },
    'no-restart': { type: 'boolean', default: false },
  },
});
const count = Number(args.count);
const siteCount = Number(args.sites);
const rate = Number(args.rate);
const clients = Number(args.clients);
const maxRetries = Number(args['max-retries']);

interface Cluster {
  url: string;
  restart: (outageSeconds: number) => Promise<void>;
  stop: () => void;
}

/** A throwaway PostgreSQL cluster on a free port, owned by the `postgres` user. */
async function throwawayCluster(): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-bench-submissions-'));
  const port = await freePort();
  const asPostgres = (command: string) => execFileSync('su', ['postgres', '-c', command], { stdio: 'pipe' });
  execFileSync('chown', ['postgres', dir]);
  asPostgres(`${PG_BIN}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8`);
  const start = () =>
    asPostgres(
      `${PG_BIN}/pg_ctl -D ${dir}/data -l ${dir}/log -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' -w start`,
    );
  start();
  asPostgres(`psql -h 127.0.0.1 -p ${port} -U postgres -c 'CREATE DATABASE pbgdpl_bench_submissions'`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/pbgdpl_bench_submissions`,
    async restart(outageSeconds) {
      asPostgres(`${PG_BIN}/pg_ctl -D ${dir}/data -m fast -w stop`);
      await new Promise((resolve) => setTimeout(resolve, outageSeconds * 1000));
      start();
    },
    stop() {
      try {
        asPostgres(`${PG_BIN}/pg_ctl -D ${dir}/data -m fast -w stop`);
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Answer {
  status: number;
  body: string;
  ms: number;
  retryAfter: number | null;
}

function call(
  agent: http.Agent,
  url: string,
  method: 'GET' | 'POST',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          accept: 'application/json',
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
            retryAfter: res.headers['retry-after'] ? Number(res.headers['retry-after']) : null,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

async function prepareSites(cms: CmsProcess, agent: http.Agent): Promise<string[]> {
  const register = await call(agent, `${cms.url}/admin/register-admin`, 'POST', ADMIN);
  const login =
    register.status === 201 || register.status === 200
      ? register
      : await call(agent, `${cms.url}/admin/login`, 'POST', { email: ADMIN.email, password: ADMIN.password });
  const token = (JSON.parse(login.body) as { data: { token: string } }).data.token;
  const codes = Array.from({ length: siteCount }, (_, i) => `bench-site-${String(i + 1).padStart(3, '0')}`);
  for (const code of codes) {
    const res = await call(
      agent,
      `${cms.url}/content-manager/collection-types/api::site.site`,
      'POST',
      { code, name: `Trang thử tải ${code}`, kind: 'province', basePath: `/${code}/`, enabled: true },
      { authorization: `Bearer ${token}` },
    );
    if (res.status !== 201 && !res.body.includes('unique'))
      throw new Error(`Creating site ${code}: ${res.status} ${res.body.slice(0, 200)}`);
  }
  return codes;
}

interface Outcome {
  index: number;
  site: string;
  trackingCode: string | null;
  attempts: number;
  refusals: Record<string, number>;
  networkErrors: number;
}

async function main() {
  const cluster = args['database-url'] ? null : await throwawayCluster();
  const databaseUrl = args['database-url'] ?? cluster!.url;
  const restart = !args['no-restart'] && cluster !== null;
  console.log(
    `Database: ${databaseUrl.replace(/\/\/[^@]*@/, '//')} — PostgreSQL restart mid-run: ${restart ? 'yes' : 'no'}`,
  );
  let cms: CmsProcess | null = null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients + 2 });
  try {
    cms = await startCmsProcess({
      cmsDir: CMS_DIR,
      env: {
        ...testCmsEnv(),
        NODE_ENV: 'production',
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: databaseUrl,
        // One client address sends everything: lift the per-address limit, keep the rest real.
        SUBMISSION_IP_LIMITS: '100000000/60',
        SUBMISSION_SITE_LIMITS: '100000/3600',
        SUBMISSION_READ_LIMITS: '100000/60',
        ...(process.env.BENCH_CMS_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_CMS_NODE_OPTIONS } : {}),
      },
      timeoutMs: 300_000,
    });
    const sites = await prepareSites(cms, agent);
    const tokens = new Map<string, string>();
    for (const site of sites) {
      const res = await call(agent, `${cms.url}/api/submissions/token?site=${site}`, 'GET');
      tokens.set(site, (JSON.parse(res.body) as { data: { token: string } }).data.token);
    }
    console.log(
      `${sites.length} sites ready; sending ${count} questions at ${rate}/s with ${clients} clients…`,
    );

    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const outcomes: Outcome[] = [];
    const runId = crypto.randomBytes(3).toString('hex');
    const startedAt = performance.now();
    let next = 0;
    let restarted: Promise<void> | null = null;
    let restartWindow: { from: number; to: number } | null = null;

    const submitOne = async (index: number): Promise<Outcome> => {
      const site = sites[index % sites.length]!;
      const outcome: Outcome = {
        index,
        site,
        trackingCode: null,
        attempts: 0,
        refusals: {},
        networkErrors: 0,
      };
      const body = {
        site,
        token: tokens.get(site),
        question: `Câu hỏi thử tải số ${index} (${runId}): người lao động nghỉ việc riêng có hưởng lương trong trường hợp kết hôn không?`,
        email: `nguoi-hoi-${index}@example.invalid`,
        consent: true,
      };
      while (outcome.attempts <= maxRetries) {
        outcome.attempts += 1;
        try {
          const res = await call(agent, `${cms!.url}/api/submissions/questions`, 'POST', body);
          latencies.push(res.ms);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 201) {
            outcome.trackingCode = (
              JSON.parse(res.body) as { data: { trackingCode: string } }
            ).data.trackingCode;
            return outcome;
          }
          const code =
            (JSON.parse(res.body) as { error?: { code?: string } }).error?.code ?? `http-${res.status}`;
          outcome.refusals[code] = (outcome.refusals[code] ?? 0) + 1;
          // A duplicate after a retry means the first attempt was stored after all: look it up below.
          if (code === 'duplicate') return outcome;
          if (res.status !== 503 && res.status !== 429) return outcome;
          await new Promise((resolve) => setTimeout(resolve, Math.min(10, res.retryAfter ?? 1) * 1000));
        } catch {
          outcome.networkErrors += 1;
          statuses.network = (statuses.network ?? 0) + 1;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
      return outcome;
    };

    const client = async () => {
      for (;;) {
        const index = next++;
        if (index >= count) return;
        // Sustained rate: question i leaves no earlier than i / rate seconds after the start.
        const due = startedAt + (index / rate) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (restart && !restarted && index >= count * Number(args['restart-at'])) {
          const from = performance.now();
          console.log(`Restarting PostgreSQL after ${index} questions (outage ${args['outage-seconds']} s)…`);
          restarted = cluster!.restart(Number(args['outage-seconds'])).then(() => {
            restartWindow = { from: (from - startedAt) / 1000, to: (performance.now() - startedAt) / 1000 };
            console.log(`PostgreSQL back after ${(restartWindow.to - restartWindow.from).toFixed(1)} s.`);
          });
        }
        outcomes.push(await submitOne(index));
        if (outcomes.length % 1000 === 0) {
          const elapsed = (performance.now() - startedAt) / 1000;
          console.log(`  ${outcomes.length} done in ${elapsed.toFixed(0)} s`);
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    await restarted;
    const seconds = (performance.now() - startedAt) / 1000;
    const outage = restartWindow as { from: number; to: number } | null;

    // What the database holds: every question of this run, by tracking code and by text.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const stored = await db.query<{ tracking_code: string; question: string }>(
      `SELECT DISTINCT tracking_code, question FROM qas WHERE question LIKE $1`,
      [`%(${runId})%`],
    );
    await db.end();
    const storedCodes = new Set(stored.rows.map((r) => r.tracking_code));
    const storedIndexes = new Set(stored.rows.map((r) => Number(/số (\d+) /.exec(r.question)?.[1])));
    const accepted = outcomes.filter((o) => o.trackingCode);
    const lost = accepted.filter((o) => !storedCodes.has(o.trackingCode!));
    const givenUp = outcomes.filter((o) => !o.trackingCode);
    const givenUpButStored = givenUp.filter((o) => storedIndexes.has(o.index));
    const refusals: Record<string, number> = {};
    for (const o of outcomes)
      for (const [code, n] of Object.entries(o.refusals)) refusals[code] = (refusals[code] ?? 0) + n;
    const figures = summarise(latencies, 0, seconds);

    const result = {
      bench: 'submissions',
      count,
      sites: sites.length,
      rate,
      clients,
      seconds: Math.round(seconds * 10) / 10,
      accepted: accepted.length,
      acceptedPerSecond: Math.round((accepted.length / seconds) * 10) / 10,
      lost: lost.length,
      storedInDatabase: stored.rowCount,
      notAcceptedButStored: givenUpButStored.length,
      notAccepted: givenUp.length,
      acceptedAfterRetry: accepted.filter((o) => o.attempts > 1).length,
      responses: statuses,
      refusals,
      latencyMs: {
        p50: figures.p50,
        p95: figures.p95,
        p99: figures.p99,
        max: figures.max,
        mean: figures.mean,
      },
      postgresRestart: outage,
    };
    console.log('');
    console.log(
      `Submissions: ${count} over ${sites.length} sites in ${result.seconds} s (target ${rate}/s, ${clients} clients)`,
    );
    console.log(`  accepted (201 + tracking code): ${accepted.length}  → ${result.acceptedPerSecond}/s`);
    console.log(`  lost (accepted, not in the database): ${lost.length}`);
    console.log(
      `  accepted after a retry: ${result.acceptedAfterRetry}; given up: ${givenUp.length} (of which stored anyway: ${givenUpButStored.length})`,
    );
    console.log(
      `  responses by status: ${JSON.stringify(statuses)}; refusal codes: ${JSON.stringify(refusals)}`,
    );
    console.log(
      `  latency per request (ms): p50 ${figures.p50}, p95 ${figures.p95}, p99 ${figures.p99}, max ${figures.max}`,
    );
    if (outage)
      console.log(
        `  PostgreSQL down from ${outage.from.toFixed(1)} s to ${outage.to.toFixed(1)} s of the run`,
      );
    if (process.env.BENCH_CMS_OUTPUT) fs.writeFileSync(process.env.BENCH_CMS_OUTPUT, cms.output());
    if (statuses.network) {
      console.log('  The CMS stopped answering at times; the end of its output:');
      console.log(cms.output().trim().split('\n').slice(-40).join('\n'));
    }
    console.log(JSON.stringify(result));
  } finally {
    agent.destroy();
    await cms?.stop();
    cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
