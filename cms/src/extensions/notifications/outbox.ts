import type { Core } from '@strapi/strapi';

/** Knex, as Strapi's database exposes it (a transaction is callable the same way). */
type Knex = Core.Strapi['db']['connection'];

/**
 * The outgoing email queue in the database (`pbgdpl_email_outbox`, created by the migration
 * cms/database/migrations/2026.11.30T01.00.00.email-outbox.js): one row per message and
 * recipient, `pending` → `sending` (claimed) → `sent`, back to `pending` for a retry, or
 * `failed` after the last try.
 */
export const OUTBOX_TABLE = 'pbgdpl_email_outbox';

/**
 * How long a claim holds. A worker that dies while sending (or a process killed mid-pass)
 * leaves its rows `sending`; after this they are due again, for any process. Longer than one
 * SMTP exchange can take (10 s to connect, 20 s of silence).
 */
export const CLAIM_MS = 5 * 60_000;

export interface ClaimedMessage {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  /** Tries so far, this one included. */
  attempts: number;
}

/** Writes one row per recipient in `db` (the transaction of the write that caused the message, when there is one). */
export async function enqueue(
  db: Knex,
  mail: { kind: string; to: readonly string[]; subject: string; text: string },
  now: Date,
): Promise<number> {
  const recipients = [...new Set(mail.to.map((address) => address.trim()).filter(Boolean))];
  if (recipients.length === 0) return 0;
  await db(OUTBOX_TABLE).insert(
    recipients.map((recipient) => ({
      kind: mail.kind.slice(0, 60),
      recipient,
      subject: mail.subject,
      body: mail.text,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })),
  );
  return recipients.length;
}

/**
 * Claims up to `limit` messages due at `now` (pending and due, or claimed by a worker whose
 * claim has run out), oldest first. On PostgreSQL the rows are locked with `FOR UPDATE SKIP
 * LOCKED` inside one UPDATE, so two CMS processes claiming at the same moment never get the
 * same row; elsewhere (SQLite) each row is taken by an update guarded by the same condition.
 */
export async function claimDue(
  knex: Knex,
  options: { now: Date; limit: number; postgres: boolean },
): Promise<ClaimedMessage[]> {
  const { now, limit } = options;
  const until = new Date(now.getTime() + CLAIM_MS);
  if (options.postgres) {
    const result = (await knex.raw(
      `UPDATE ${OUTBOX_TABLE} SET status = 'sending', claimed_until = ?, attempts = attempts + 1, last_attempt_at = ?
       WHERE id IN (
         SELECT id FROM ${OUTBOX_TABLE}
         WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_until <= ?)
         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, recipient, subject, body, attempts`,
      [until, now, now, now, limit],
    )) as { rows: Array<ClaimedMessage & { id: string | number }> };
    return result.rows.map((row) => ({ ...row, id: Number(row.id) })).sort((a, b) => a.id - b.id);
  }
  const isDue = (q: ReturnType<Knex>) =>
    q
      .where((w: ReturnType<Knex>) => w.where({ status: 'pending' }).andWhere('next_attempt_at', '<=', now))
      .orWhere((w: ReturnType<Knex>) => w.where({ status: 'sending' }).andWhere('claimed_until', '<=', now));
  const due = (await knex(OUTBOX_TABLE).where(isDue).orderBy('id').limit(limit).select('id')) as Array<{
    id: number;
  }>;
  // Each row is taken by an update that re-checks it is still due: of two workers that read it,
  // only the one whose update changed it sends it.
  const ids: number[] = [];
  for (const { id } of due) {
    const changed = await knex(OUTBOX_TABLE)
      .where({ id })
      .andWhere(isDue)
      .update({
        status: 'sending',
        claimed_until: until,
        attempts: knex.raw('attempts + 1'),
        last_attempt_at: now,
      });
    if (changed === 1) ids.push(id);
  }
  if (ids.length === 0) return [];
  return (await knex(OUTBOX_TABLE)
    .whereIn('id', ids)
    .orderBy('id')
    .select('id', 'kind', 'recipient', 'subject', 'body', 'attempts')) as ClaimedMessage[];
}

export async function markSent(knex: Knex, id: number, now: Date): Promise<void> {
  await knex(OUTBOX_TABLE)
    .where({ id, status: 'sending' })
    .update({ status: 'sent', sent_at: now, claimed_until: null, last_error: null });
}

/** A failed try: due again at `retryAt`, or `failed` for good when there is none. */
export async function markFailed(
  knex: Knex,
  id: number,
  options: { error: string; retryAt: Date | null },
): Promise<void> {
  await knex(OUTBOX_TABLE)
    .where({ id, status: 'sending' })
    .update({
      status: options.retryAt ? 'pending' : 'failed',
      next_attempt_at: options.retryAt ?? knex.raw('next_attempt_at'),
      claimed_until: null,
      last_error: options.error,
    });
}

/** Deletes sent messages older than `keepSentDays` and failed ones older than `keepFailedDays` (they hold addresses). */
export async function purge(
  knex: Knex,
  options: { now: Date; keepSentDays: number; keepFailedDays: number },
): Promise<number> {
  const before = (days: number) => new Date(options.now.getTime() - days * 86_400_000);
  const sent = await knex(OUTBOX_TABLE)
    .where({ status: 'sent' })
    .andWhere('sent_at', '<', before(options.keepSentDays))
    .delete();
  const failed = await knex(OUTBOX_TABLE)
    .where({ status: 'failed' })
    .andWhere('last_attempt_at', '<', before(options.keepFailedDays))
    .delete();
  return Number(sent) + Number(failed);
}
