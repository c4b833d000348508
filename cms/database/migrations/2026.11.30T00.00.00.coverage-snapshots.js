'use strict';

/**
 * The national oversight's daily snapshots (cms/src/extensions/coverage): one row per site and
 * day with its coverage score, requirements met and the figures behind them, kept for the trend.
 * Not a content type: nobody edits these rows, and they must not reach the public APIs.
 */
const TABLE = 'pbgdpl_coverage_snapshots';
/** Weekly digests claimed (one row per week and address), so two CMS processes send one email. */
const DIGESTS = 'pbgdpl_coverage_digests';

module.exports = {
  async up(knex, db) {
    const schema = () => db.getSchemaConnection(knex);
    if (!(await schema().hasTable(DIGESTS)))
      await schema().createTable(DIGESTS, (t) => {
        t.string('week', 10).notNullable();
        t.string('email', 254).notNullable();
        t.timestamp('claimed_at', { useTz: true }).notNullable();
        t.primary(['week', 'email']);
      });
    if (await schema().hasTable(TABLE)) return;
    await schema().createTable(TABLE, (t) => {
      t.string('day', 10).notNullable();
      t.string('site_code', 80).notNullable();
      t.string('site_name', 200).notNullable();
      t.string('kind', 40).notNullable();
      t.string('province_code', 80).nullable();
      t.integer('score').notNullable();
      t.integer('met').notNullable();
      t.integer('total').notNullable();
      t.text('states').notNullable();
      t.text('figures').notNullable();
      t.timestamp('computed_at', { useTz: true }).notNullable();
      t.primary(['day', 'site_code']);
      t.index(['site_code', 'day'], 'pbgdpl_coverage_snapshots_site_idx');
    });
  },
  async down() {
    throw new Error(
      'The coverage snapshots table is not dropped by a migration: drop it by hand if you must.',
    );
  },
};
