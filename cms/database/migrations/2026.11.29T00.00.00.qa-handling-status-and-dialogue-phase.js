'use strict';

/**
 * A question's `status` became `handlingStatus`, a dialogue's `status` became `phase`: Strapi 5
 * reserves `status` on draft & publish types for the draft/published switch, so its content
 * manager could neither show nor save them. Strapi runs this before it syncs the tables to the
 * schemas, which would otherwise add the new columns empty and drop the old ones with their
 * values. A database created after the rename (or one already migrated) is left as it is.
 */
const RENAMES = [
  { table: 'qas', from: 'status', to: 'handling_status' },
  { table: 'dialogues', from: 'status', to: 'phase' },
];

module.exports = {
  async up(knex, db) {
    const schema = () => db.getSchemaConnection(knex);
    for (const { table, from, to } of RENAMES) {
      if (!(await schema().hasTable(table))) continue;
      if (!(await schema().hasColumn(table, from)) || (await schema().hasColumn(table, to))) continue;
      await schema().alterTable(table, (t) => t.renameColumn(from, to));
    }
  },
  async down() {
    throw new Error('The rename of qas.status and dialogues.status is not reversed: restore a backup.');
  },
};
