/**
 * The weekly digest: every active unit administrator gets one email listing, for the sites they
 * administer (their own, a province's communes), the requirements not met in the latest
 * snapshot. Sent through the notifications extension; each (week, address) is claimed in
 * `pbgdpl_coverage_digests` first, so several CMS processes running the cron send it once.
 */
import type { Core } from '@strapi/strapi';
import { coverageDigestEmail, type DigestSite, type RequirementResult } from '@pbgdpl/domain';
import { notifyAfterCommit } from '../notifications';
import { coverageViewer } from './access';
import { latestDay, readDay } from './snapshots';

const DIGESTS_TABLE = 'pbgdpl_coverage_digests';
export const DASHBOARD_PATH = '/admin/pbgdpl-coverage';

export interface DigestRun {
  day: string | null;
  administrators: number;
  sent: number;
  /** Administrators whose sites meet everything (no email) or who were already sent this week's. */
  skipped: number;
}

/** Sends this week's digests (the week is named by the Monday of `now`, Vietnam time). */
export async function sendCoverageDigests(strapi: Core.Strapi, now: Date = new Date()): Promise<DigestRun> {
  const db = strapi.db.connection;
  const day = await latestDay(db);
  const run: DigestRun = { day, administrators: 0, sent: 0, skipped: 0 };
  if (!day) return run;
  const week = mondayOf(now);
  const users = (await strapi.db.query('admin::user').findMany({
    where: { isActive: true, blocked: false, roles: { code: 'pbgdpl-unit-admin' } },
    select: ['id', 'email'],
    populate: { roles: { select: ['id', 'code'] } },
  })) as Array<{ id: number; email: string; roles: Array<{ id: number; code: string }> }>;
  const base = String(strapi.config.get('server.url', '') ?? '').replace(/\/+$/, '');
  for (const user of users) {
    run.administrators += 1;
    const viewer = await coverageViewer(strapi, user).catch(() => null);
    if (!viewer || viewer.all || viewer.siteCodes.length === 0) {
      run.skipped += 1;
      continue;
    }
    const rows = await readDay(db, day, viewer.siteCodes, { figures: true });
    const sites: DigestSite[] = rows.map((r) => ({
      code: r.siteCode,
      name: r.siteName,
      score: r.score,
      met: r.met,
      total: r.total,
      gaps: ((r.figures.requirements ?? []) as RequirementResult[])
        .filter((q) => !q.met)
        .map((q) => ({ code: q.code, label: q.label, state: q.state, stateLabel: q.stateLabel, note: q.note })),
    }));
    const mail = coverageDigestEmail({ sites, day, dashboardUrl: /^https?:\/\//.test(base) ? `${base}${DASHBOARD_PATH}` : null });
    if (!mail || !(await claim(db, week, user.email.toLowerCase(), now))) {
      run.skipped += 1;
      continue;
    }
    await notifyAfterCommit(strapi, { to: [user.email], subject: mail.subject, text: mail.text, kind: 'coverage-digest' });
    run.sent += 1;
  }
  return run;
}

/** True when this process is the first to claim the week's digest for the address. */
async function claim(db: Core.Strapi['db']['connection'], week: string, email: string, now: Date): Promise<boolean> {
  const inserted = (await db(DIGESTS_TABLE)
    .insert({ week, email, claimed_at: now })
    .onConflict(['week', 'email'])
    .ignore()
    .returning('email')) as unknown[];
  return Array.isArray(inserted) && inserted.length > 0;
}

/** ISO date of the Monday of the week holding `now` in Vietnam (UTC+7, no daylight saving). */
export function mondayOf(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}
