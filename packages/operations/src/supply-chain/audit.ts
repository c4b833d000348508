/**
 * `pnpm audit --prod --json` against a reviewed allowlist: every advisory reported must be named
 * there with the reason it is accepted and the date its review runs out; a new one fails CI.
 * When the registry's audit service does not answer, the result is "not checked" — never a pass.
 */

export interface Advisory {
  /** The GitHub advisory id (GHSA-…) when the report gives one, else the registry's numeric id. */
  id: string;
  package: string;
  severity: string;
  title: string;
  url: string;
  vulnerableVersions: string;
  /** Dependency paths through which it is installed (`.>cms>@strapi/strapi>…`). */
  paths: string[];
}

export interface AllowlistEntry {
  id: string;
  package: string;
  /** Why it is accepted here (not reachable, not exploitable in our use, no fix yet and mitigated by …). */
  reason: string;
  reviewedBy: string;
  reviewedOn: string;
  /** Review again by then (at most a year after reviewedOn); an expired entry fails like a new advisory. */
  expires: string;
}

export interface AuditAllowlist {
  advisories: AllowlistEntry[];
}

export interface AuditVerdict {
  accepted: Array<{ advisory: Advisory; entry: AllowlistEntry }>;
  /** Reported and not allowed (or allowed by an expired entry): fail. */
  unaccepted: Array<{ advisory: Advisory; why: string }>;
  /** Allowed but no longer reported: remove from the allowlist. */
  stale: AllowlistEntry[];
}

type RawAdvisory = {
  id?: number | string;
  github_advisory_id?: string;
  module_name?: string;
  severity?: string;
  title?: string;
  url?: string;
  vulnerable_versions?: string;
  findings?: Array<{ paths?: string[] }>;
};

/**
 * The advisories of a `pnpm audit --json` report (npm's audit report format: `advisories` keyed by
 * id, each with `module_name`, `severity`, `url`, `findings[].paths`).
 * @throws Error when the text is not such a report
 */
export function parseAuditReport(text: string): Advisory[] {
  const report = JSON.parse(text) as { advisories?: Record<string, RawAdvisory> };
  if (
    !report ||
    typeof report !== 'object' ||
    typeof report.advisories !== 'object' ||
    report.advisories === null
  )
    throw new Error('Not a pnpm audit report: no "advisories" object.');
  return Object.values(report.advisories)
    .map((a) => ({
      id: a.github_advisory_id ?? /GHSA(-[0-9a-z]{4}){3}/.exec(a.url ?? '')?.[0] ?? String(a.id),
      package: a.module_name ?? '?',
      severity: a.severity ?? 'unknown',
      title: a.title ?? '',
      url: a.url ?? '',
      vulnerableVersions: a.vulnerable_versions ?? '',
      paths: [...new Set((a.findings ?? []).flatMap((f) => f.paths ?? []))].sort(),
    }))
    .sort((x, y) => x.id.localeCompare(y.id));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with the allowlist itself (each entry must say why, who, when, until when). */
export function allowlistProblems(list: AuditAllowlist): string[] {
  if (!Array.isArray(list?.advisories)) return ['the allowlist must be { "advisories": [ … ] }'];
  const problems: string[] = [];
  const seen = new Set<string>();
  list.advisories.forEach((entry, i) => {
    const at = `entry ${i + 1} (${entry?.id ?? 'no id'})`;
    if (!entry?.id) problems.push(`${at}: no id (the GHSA-… of the advisory)`);
    if (seen.has(entry?.id)) problems.push(`${at}: listed twice`);
    seen.add(entry?.id);
    if (!entry?.package) problems.push(`${at}: no package`);
    if (!entry?.reason || entry.reason.trim().length < 30)
      problems.push(`${at}: the reason must say why it is acceptable here (30 characters or more)`);
    if (!entry?.reviewedBy) problems.push(`${at}: no reviewedBy`);
    if (!DAY.test(entry?.reviewedOn ?? '') || !DAY.test(entry?.expires ?? ''))
      problems.push(`${at}: reviewedOn and expires must be dates (YYYY-MM-DD)`);
    else if (Date.parse(entry.expires) - Date.parse(entry.reviewedOn) > 366 * 24 * 3600 * 1000)
      problems.push(`${at}: expires more than a year after its review`);
  });
  return problems;
}

/** Sorts the reported advisories into accepted, unaccepted (new or expired) and stale entries. */
export function judgeAudit(
  advisories: readonly Advisory[],
  list: AuditAllowlist,
  today: string,
): AuditVerdict {
  const byId = new Map(list.advisories.map((e) => [e.id, e]));
  const verdict: AuditVerdict = { accepted: [], unaccepted: [], stale: [] };
  for (const advisory of advisories) {
    const entry = byId.get(advisory.id);
    if (!entry) verdict.unaccepted.push({ advisory, why: 'new: not in the allowlist' });
    else if (entry.package !== advisory.package)
      verdict.unaccepted.push({
        advisory,
        why: `the allowlist names it for ${entry.package}, not ${advisory.package}`,
      });
    else if (entry.expires < today)
      verdict.unaccepted.push({
        advisory,
        why: `its acceptance expired on ${entry.expires}: review it again`,
      });
    else verdict.accepted.push({ advisory, entry });
  }
  const reported = new Set(advisories.map((a) => a.id));
  verdict.stale = list.advisories.filter((e) => !reported.has(e.id));
  return verdict;
}

/**
 * Whether a failed `pnpm audit` run means the audit service could not be asked (no answer, an
 * error status from the endpoint) rather than a finding.
 */
export function auditUnavailable(output: string): string | null {
  const patterns: Array<[RegExp, string]> = [
    [
      /ERR_PNPM_AUDIT_BAD_RESPONSE[\s\S]*?responded with (\d{3})/,
      'the registry’s audit endpoint answered HTTP $1',
    ],
    [/ERR_PNPM_AUDIT_BAD_RESPONSE/, 'the registry’s audit endpoint gave a bad response'],
    [/ERR_PNPM_AUDIT_ENDPOINT_NOT_EXISTS/, 'the registry has no audit endpoint'],
    [
      /(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ERR_PNPM_META_FETCH_FAIL|ERR_PNPM_FETCH)/,
      'the registry could not be reached ($1)',
    ],
  ];
  for (const [pattern, message] of patterns) {
    const m = pattern.exec(output);
    if (m) return message.replace('$1', m[1] ?? '');
  }
  return null;
}
