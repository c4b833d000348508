'use strict';

/**
 * The outgoing email queue (cms/src/extensions/notifications): one row per message and
 * recipient, written in the transaction of the write that caused it and sent by a worker loop,
 * so a message queued when the process dies is sent after the restart. Not a content type: its
 * rows hold addresses and must never reach the admin, the content API or the GraphQL schema,
 * and the claim is plain SQL (`FOR UPDATE SKIP LOCKED`). Sent rows are deleted after a few days.
 */
const TABLE = 'pbgdpl_email_outbox';

module.exports = {
  async up(knex, db) {
    const schema = () => db.getSchemaConnection(knex);
    if (await schema().hasTable(TABLE)) return;
    await schema().createTable(TABLE, (t) => {
      t.bigIncrements('id').primary();
      t.string('kind', 60).notNullable();
      t.string('recipient', 254).notNullable();
      t.text('subject').notNullable();
      t.text('body').notNullable();
      // pending → sending (claimed by a worker until claimed_until) → sent | pending (retry) | failed
      t.string('status', 12).notNullable();
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true }).notNullable();
      t.timestamp('claimed_until', { useTz: true }).nullable();
      t.timestamp('last_attempt_at', { useTz: true }).nullable();
      t.string('last_error', 60).nullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('sent_at', { useTz: true }).nullable();
      t.index(['status', 'next_attempt_at'], 'pbgdpl_email_outbox_due_idx');
    });
  },
  async down() {
    throw new Error('The email outbox is not dropped by a migration: it may hold unsent messages.');
  },
};
