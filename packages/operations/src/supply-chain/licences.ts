/**
 * The licences of the production dependencies (`pnpm licenses list --prod --json`), grouped, with
 * the ones that need a person's attention: copyleft (what it obliges us to do when we ship or
 * modify), licences for content rather than code, and packages whose licence is not declared in
 * SPDX form (read their LICENSE file: Strapi's enterprise features are under Strapi's own licence).
 */

export type LicenceCategory = 'permissive' | 'notice' | 'weak-copyleft' | 'strong-copyleft' | 'unknown';

const PERMISSIVE = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  '0BSD',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  'Zlib',
  'Unlicense',
  'CC0-1.0',
  'BlueOak-1.0.0',
  'Python-2.0',
  'WTFPL',
  'AFL-2.1',
  'BSL-1.0',
  'PSF-2.0',
]);
/** Attribution licences meant for content or data (browser statistics, SPDX lists): credit them. */
const NOTICE = new Set(['CC-BY-3.0', 'CC-BY-4.0']);
const WEAK_COPYLEFT = /^(MPL-\d|LGPL-|EPL-|CDDL-)/;
const STRONG_COPYLEFT = /^(GPL-|AGPL-|SSPL-|EUPL-|OSL-)/;

const WHY: Record<Exclude<LicenceCategory, 'permissive'>, string> = {
  notice: 'content licence with attribution: credit it where the data is shown or shipped',
  'weak-copyleft': 'file-level copyleft: changes to its files must be published under the same licence',
  'strong-copyleft': 'copyleft over the combined work when distributed: legal review before shipping',
  unknown: 'no SPDX licence declared: read the package’s LICENSE before relying on it',
};

function single(id: string): LicenceCategory {
  const bare = id.replace(/\+$/, '').trim();
  if (PERMISSIVE.has(bare)) return 'permissive';
  if (NOTICE.has(bare)) return 'notice';
  if (WEAK_COPYLEFT.test(bare)) return 'weak-copyleft';
  if (STRONG_COPYLEFT.test(bare)) return 'strong-copyleft';
  return 'unknown';
}

const RANK: LicenceCategory[] = ['permissive', 'notice', 'weak-copyleft', 'strong-copyleft', 'unknown'];

/**
 * The category of an SPDX expression: with OR we may pick the most permissive alternative, with
 * AND every part applies (the most demanding wins). Parentheses are flattened (enough for the
 * expressions packages declare).
 */
export function classifyLicence(expression: string): LicenceCategory {
  const text = expression.replace(/[()]/g, ' ').trim();
  if (!text || /^(unknown|unlicensed|see licen[cs]e in)/i.test(text)) return 'unknown';
  const alternatives = text.split(/\s+OR\s+/i).map((alt) =>
    alt
      .split(/\s+AND\s+/i)
      .map((part) => single(part.split(/\s+WITH\s+/i)[0]!))
      .reduce(
        (worst, c) => (RANK.indexOf(c) > RANK.indexOf(worst) ? c : worst),
        'permissive' as LicenceCategory,
      ),
  );
  return alternatives.reduce(
    (best, c) => (RANK.indexOf(c) < RANK.indexOf(best) ? c : best),
    'unknown' as LicenceCategory,
  );
}

export type PnpmPackage = {
  name: string;
  versions: string[];
  paths?: string[];
  license?: string;
  homepage?: string;
};
type PnpmLicences = Record<string, PnpmPackage[]>;

export interface LicenceReport {
  packages: number;
  byLicence: Array<{ licence: string; category: LicenceCategory; packages: number }>;
  attention: Array<{
    name: string;
    versions: string[];
    licence: string;
    category: LicenceCategory;
    why: string;
    homepage: string | null;
    /** What the package's own licence file says it is, for packages without an SPDX licence. */
    note: string | null;
  }>;
}

/**
 * @param licenceNote for a package whose licence is not declared in SPDX form, what its licence
 *   file calls itself (the CLI reads the file; tests pass a fake)
 */
export function licenceReport(
  pnpmJson: PnpmLicences,
  licenceNote: (pkg: PnpmPackage) => string | null = () => null,
): LicenceReport {
  const byLicence = Object.entries(pnpmJson)
    .map(([licence, list]) => ({ licence, category: classifyLicence(licence), packages: list.length }))
    .sort((a, b) => b.packages - a.packages || a.licence.localeCompare(b.licence));
  const attention = Object.entries(pnpmJson)
    .flatMap(([licence, list]) => list.map((p) => ({ ...p, licence, category: classifyLicence(licence) })))
    .filter((p) => p.category !== 'permissive')
    .map((p) => ({
      name: p.name,
      versions: p.versions,
      licence: p.licence,
      category: p.category,
      why: WHY[p.category as Exclude<LicenceCategory, 'permissive'>],
      homepage: p.homepage ?? null,
      note: p.category === 'unknown' ? licenceNote(p) : null,
    }))
    .sort((a, b) => RANK.indexOf(b.category) - RANK.indexOf(a.category) || a.name.localeCompare(b.name));
  return { packages: byLicence.reduce((n, l) => n + l.packages, 0), byLicence, attention };
}

/** The report as Markdown (docs, CI log). */
export function formatLicenceReport(report: LicenceReport, generatedOn: string): string {
  const lines = [
    `# Licences of the production dependencies`,
    '',
    `${report.packages} packages (\`pnpm licenses list --prod\`), ${generatedOn}. Regenerate: \`pnpm ops:licences --out FILE\`.`,
    '',
    '| licence | category | packages |',
    '| --- | --- | ---: |',
    ...report.byLicence.map((l) => `| ${l.licence} | ${l.category} | ${l.packages} |`),
    '',
    `## Needing attention (${report.attention.length})`,
    '',
    '| package | versions | licence | why |',
    '| --- | --- | --- | --- |',
    ...report.attention.map(
      (p) =>
        `| ${p.name} | ${p.versions.join(', ')} | ${p.licence}${p.note ? ` (its file: “${p.note}”)` : ''} | ${p.why} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
