/**
 * `pnpm seed [--subset demo|full] [--data-dir DIR] [--demo-admin]`
 * Loads the real public data (PBGDPL_DATA_DIR, default ../shared/data) into the CMS.
 * Idempotent: a second run reports every entry as unchanged.
 */
import fs from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import { loadDataset, resolveDataDir, type ImportIssue } from '@pbgdpl/data-import';
import { bootCms, CMS_DIR } from './boot';
import { seedFields, seedOrganizations, seedSites, type RegistryIds } from './seed/registry';
import { seedDocuments } from './seed/documents';
import { seedRelations } from './seed/relations';
import { demoItems, seedEditorialItems } from './seed/editorial';
import { ensureDemoAdmin, DEMO_ADMIN } from './seed/demo-admin';
import { ensureDemoAccounts } from './seed/demo-accounts';
import type { Tally } from './seed/upsert';

const HELP = `Nạp dữ liệu thật vào CMS (Seed the CMS with real public data)

  pnpm seed [options]

  --subset demo|full   demo: national portal, 2 ministries, 3 provinces with 3 communes each,
                       their documents, and section items made from them (introductions of new
                       laws, the 2025 resolutions as guidance); full: all 3,379 sites and all
                       documents (default: full)
  --data-dir DIR       the shared data folder (default: $PBGDPL_DATA_DIR or ../shared/data)
  --demo-admin         also create the demo administrator (${DEMO_ADMIN.email})
                       and the demo accounts of a national, ministry, province and ward site
  --report FILE        write the data-quality report as JSON (default: cms/.tmp/seed-report.json)
  --summary FILE       also write the created/updated/unchanged counts as JSON
  -h, --help           this help
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    // `pnpm seed -- --subset demo` passes the separator through: ignore it.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      subset: { type: 'string', default: 'full' },
      'data-dir': { type: 'string' },
      'demo-admin': { type: 'boolean', default: false },
      report: { type: 'string', default: path.join(CMS_DIR, '.tmp', 'seed-report.json') },
      summary: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.subset !== 'demo' && values.subset !== 'full') {
    console.error(`--subset must be "demo" or "full", not "${values.subset}"`);
    return 2;
  }
  const started = Date.now();
  const dataDir = values['data-dir']
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values['data-dir'])
    : resolveDataDir(process.env, process.cwd());
  console.log(`Dữ liệu (data): ${dataDir} — subset ${values.subset}`);
  const dataset = await loadDataset({ dataDir, subset: values.subset, log: (m) => console.log(`  ${m}`) });

  const strapi = await bootCms();
  try {
    const ids: RegistryIds = { organizations: new Map(), fields: new Map(), sites: new Map() };
    const tallies: Record<string, Tally> = {};
    tallies.organizations = await seedOrganizations(strapi, dataset.organizations, ids);
    tallies.fields = await seedFields(strapi, dataset.fields, ids);
    tallies.sites = await seedSites(strapi, dataset.sites, ids);
    const docs = await seedDocuments(strapi, dataset.documents, ids);
    tallies['documents (vi)'] = docs.vi;
    tallies['documents (en)'] = docs.en;
    tallies.relations = await seedRelations(strapi, dataset.relations);
    if (values.subset === 'demo') {
      const items = await seedEditorialItems(strapi, demoItems(dataset, ids));
      for (const [type, tally] of Object.entries(items)) tallies[`${type} (vi)`] = tally;
    }
    if (values['demo-admin']) await ensureDemoAdmin(strapi);
    if (values['demo-admin']) await ensureDemoAccounts(strapi);
    printSummary(tallies, dataset.report, values.report!, Date.now() - started);
    if (values.summary)
      fs.writeFileSync(values.summary, JSON.stringify({ tallies, issues: dataset.report.length }, null, 2));
  } finally {
    await strapi.destroy();
  }
  return 0;
}

function printSummary(
  tallies: Record<string, Tally>,
  report: readonly ImportIssue[],
  reportFile: string,
  ms: number,
) {
  console.log('\nKết quả (result):            created  updated  unchanged');
  for (const [name, t] of Object.entries(tallies)) {
    console.log(
      `  ${name.padEnd(26)} ${String(t.created).padStart(7)}  ${String(t.updated).padStart(7)}  ${String(t.unchanged).padStart(9)}`,
    );
  }
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
  const errors = report.filter((i) => i.severity === 'error').length;
  console.log(
    `\nBáo cáo chất lượng dữ liệu (data report): ${errors} errors, ${report.length - errors} warnings → ${reportFile}`,
  );
  for (const issue of report.slice(0, 8)) {
    console.log(`  [${issue.severity}] ${issue.source} ${issue.field}: ${issue.message}`);
  }
  if (report.length > 8) console.log(`  … ${report.length - 8} more in the report file`);
  console.log(`Done in ${(ms / 1000).toFixed(1)} s`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  },
);
