/**
 * `pnpm ops:audit`: `pnpm audit --prod --json` against the reviewed allowlist ops/audit-allowlist.json.
 * Exit 0: every advisory reported is accepted there; 1: a new or expired one, or a bad allowlist;
 * 3: NOT CHECKED — the registry's audit service did not answer (never counted as a pass).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  allowlistProblems,
  auditUnavailable,
  judgeAudit,
  parseAuditReport,
  type AuditAllowlist,
} from '@pbgdpl/operations';
import { ROOT, fail } from './targets.ts';

const ALLOWLIST = path.join(ROOT, 'ops', 'audit-allowlist.json');
export const NOT_CHECKED = 3;

function main() {
  const list = JSON.parse(fs.readFileSync(ALLOWLIST, 'utf8')) as AuditAllowlist;
  const problems = allowlistProblems(list);
  if (problems.length > 0) throw new Error(`${ALLOWLIST} is not valid:\n  ${problems.join('\n  ')}`);
  const run = spawnSync('pnpm', ['audit', '--prod', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  let advisories;
  try {
    advisories = parseAuditReport(run.stdout);
  } catch {
    const reason = auditUnavailable(output) ?? (run.error ? run.error.message : null);
    if (reason) {
      console.error(
        `NOT CHECKED (not a pass): pnpm audit --prod could not ask for advisories — ${reason}. ` +
          `Run it where the registry's audit service answers (the public npm registry) before a release.`,
      );
      process.exitCode = NOT_CHECKED;
      return;
    }
    throw new Error(`pnpm audit --prod failed (exit ${run.status}):\n${output.trim().slice(0, 2000)}`);
  }
  const verdict = judgeAudit(advisories, list, new Date().toISOString().slice(0, 10));
  for (const { advisory, entry } of verdict.accepted)
    console.log(
      `accepted  ${advisory.id} ${advisory.package} (${advisory.severity}) until ${entry.expires}: ${entry.reason}`,
    );
  for (const entry of verdict.stale)
    console.log(
      `stale     ${entry.id} ${entry.package}: no longer reported — remove it from ops/audit-allowlist.json`,
    );
  for (const { advisory, why } of verdict.unaccepted)
    console.log(
      `FAIL      ${advisory.id} ${advisory.package} ${advisory.vulnerableVersions} (${advisory.severity}) ${advisory.title}\n` +
        `          ${why}; ${advisory.url}\n          via ${advisory.paths.slice(0, 3).join(', ')}`,
    );
  console.log(
    `pnpm audit --prod: ${advisories.length} advisories, ${verdict.accepted.length} accepted, ` +
      `${verdict.unaccepted.length} not accepted, ${verdict.stale.length} stale allowlist entries`,
  );
  if (verdict.unaccepted.length > 0) process.exitCode = 1;
}

try {
  main();
} catch (error) {
  fail(error);
}
