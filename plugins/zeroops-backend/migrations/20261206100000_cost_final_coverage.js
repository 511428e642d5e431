// @ts-check

/**
 * What a cost snapshot holds as final, so that the next refresh re-reads only the days Cost
 * Explorer can still revise and reads each closed month once. Snapshots written before this
 * migration have neither value: the first refresh after it reads everything once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('zeroops_cost_refreshes', table => {
    table
      .string('days_final_through', 10)
      .nullable()
      .comment(
        'Last day whose DAILY lines were read after Cost Explorer stopped revising it',
      );
    table
      .string('months_final_through', 10)
      .nullable()
      .comment(
        'First day of the last closed month whose MONTHLY lines are stored',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('zeroops_cost_refreshes', table => {
    table.dropColumn('days_final_through');
    table.dropColumn('months_final_through');
  });
};
