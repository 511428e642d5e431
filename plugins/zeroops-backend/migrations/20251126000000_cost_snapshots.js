// @ts-check

/**
 * Cost snapshots written by the scheduled Cost Explorer refresh and read by page views.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('zeroops_cost_refreshes', table => {
    table.comment('One Cost Explorer refresh attempt (succeeded or failed)');
    table.increments('id').primary();
    table.string('account_id', 12).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.string('status', 16).notNullable().comment('succeeded | failed');
    table.text('error').nullable();
    table
      .string('snapshot_date', 10)
      .nullable()
      .comment('UTC day the snapshot describes (YYYY-MM-DD)');
    table.string('currency', 8).nullable();
    table.string('metric', 32).nullable();
    table
      .integer('cost_explorer_requests')
      .notNullable()
      .defaultTo(0)
      .comment('Billed Cost Explorer requests made by this refresh');
    table.double('forecast_total').nullable();
    table.string('forecast_method', 16).nullable();
    table.index(['status', 'id'], 'zeroops_cost_refreshes_status_idx');
  });

  await knex.schema.createTable('zeroops_cost_lines', table => {
    table.comment('Cost of one service x environment instance x day or month');
    table
      .integer('refresh_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('zeroops_cost_refreshes')
      .onDelete('CASCADE');
    table.string('service', 64).notNullable();
    table.string('environment', 64).notNullable();
    table.string('granularity', 8).notNullable().comment('DAILY | MONTHLY');
    table.string('period_start', 10).notNullable();
    table.double('amount').notNullable();
    table.index(['refresh_id', 'service'], 'zeroops_cost_lines_service_idx');
  });

  await knex.schema.createTable('zeroops_budgets', table => {
    table.comment('AWS Budgets scoped to one service, as of a refresh');
    table
      .integer('refresh_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('zeroops_cost_refreshes')
      .onDelete('CASCADE');
    table.string('name', 128).notNullable();
    table.string('service', 64).notNullable();
    table.string('environment', 64).nullable();
    table.double('limit_amount').notNullable();
    table.double('actual').notNullable();
    table.double('forecast').nullable();
    table.string('currency', 8).notNullable();
    table.index(['refresh_id', 'service'], 'zeroops_budgets_service_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('zeroops_budgets');
  await knex.schema.dropTable('zeroops_cost_lines');
  await knex.schema.dropTable('zeroops_cost_refreshes');
};
