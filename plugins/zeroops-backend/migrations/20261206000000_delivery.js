// @ts-check

/**
 * Delivery records from GitHub (webhooks and the scheduled reconciliation), read by page views,
 * DORA and MCP actions. Repositories are `owner/name` in lower case.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('zeroops_delivery_deployments', table => {
    table.comment(
      'One GitHub deployment of task deploy:zeroops with its newest status',
    );
    table.string('repository', 200).notNullable();
    table.bigInteger('deployment_id').notNullable();
    table.string('environment', 255).notNullable();
    table.string('sha', 40).notNullable();
    table.string('ref', 255).notNullable();
    table.string('state', 16).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table
      .timestamp('finished_at', { useTz: true })
      .nullable()
      .comment('Time of the first success, failure or error status');
    table
      .bigInteger('status_id')
      .nullable()
      .comment(
        'Id of the newest status applied; older statuses arriving late are ignored',
      );
    table.string('ecs_service_deployment_arn', 255).nullable();
    table.string('rollback_reason', 64).nullable();
    table.bigInteger('workflow_run_id').nullable();
    table.string('workflow_run_url', 500).nullable();
    table.string('creator', 100).nullable();
    table.primary(['repository', 'deployment_id']);
    // Windows of one service or of a list of services (DORA, overview).
    table.index(
      ['repository', 'environment', 'created_at'],
      'zeroops_delivery_deployments_window_idx',
    );
    // Rollbacks seen by ECS are joined by ARN.
    table.index(
      ['ecs_service_deployment_arn'],
      'zeroops_delivery_deployments_ecs_idx',
    );
  });

  await knex.schema.createTable('zeroops_delivery_environments', table => {
    table.comment(
      'Per repository and environment: the newest deployment overall and per kind, kept on every write so the overview reads a few rows per service instead of its whole history',
    );
    table.string('repository', 200).notNullable();
    table.string('environment', 255).notNullable();
    table.bigInteger('newest_id').notNullable();
    table.string('newest_state', 16).notNullable();
    table.bigInteger('current_id').nullable().comment('Newest success');
    table
      .bigInteger('in_progress_id')
      .nullable()
      .comment('Newest queued, pending or in_progress');
    table
      .bigInteger('last_failure_id')
      .nullable()
      .comment('Newest failure, error or rolled_back');
    table.primary(['repository', 'environment']);
  });

  await knex.schema.createTable('zeroops_delivery_commits', table => {
    table.comment(
      'What is known of a deployed commit: its time and the change that brought it',
    );
    table.string('repository', 200).notNullable();
    table.string('sha', 40).notNullable();
    table.timestamp('commit_at', { useTz: true }).nullable();
    table
      .timestamp('push_first_commit_at', { useTz: true })
      .nullable()
      .comment('Earliest commit of the push whose head is this SHA');
    table
      .timestamp('pr_first_commit_at', { useTz: true })
      .nullable()
      .comment('First commit of the merged pull request that produced it');
    table.integer('pull_request').nullable();
    table
      .boolean('resolved')
      .notNullable()
      .defaultTo(false)
      .comment('True once GitHub was asked for its commit and pull request');
    table.primary(['repository', 'sha']);
  });

  await knex.schema.createTable(
    'zeroops_delivery_webhook_deliveries',
    table => {
      table.comment(
        'X-GitHub-Delivery ids already processed, so a replay is ignored',
      );
      table.string('delivery_id', 64).primary();
      table.string('event', 32).notNullable();
      table.string('repository', 200).nullable();
      table.timestamp('received_at', { useTz: true }).notNullable();
      table.index(
        ['received_at'],
        'zeroops_delivery_webhook_deliveries_age_idx',
      );
    },
  );

  await knex.schema.createTable('zeroops_delivery_pending_approvals', table => {
    table.comment(
      'Workflow runs waiting for a reviewer of a protected environment',
    );
    table.string('repository', 200).notNullable();
    table.bigInteger('workflow_run_id').notNullable();
    table.string('environment', 255).notNullable();
    table.string('review_url', 500).notNullable();
    table.string('sha', 40).notNullable();
    table.timestamp('waiting_since', { useTz: true }).notNullable();
    table
      .text('reviewers')
      .notNullable()
      .comment('JSON array of logins and team slugs');
    table.primary(['repository', 'workflow_run_id', 'environment']);
  });

  await knex.schema.createTable('zeroops_delivery_staging_ahead', table => {
    table.comment('Newest comparison of the production and staging commits');
    table.string('repository', 200).primary();
    table.string('production_sha', 40).notNullable();
    table.string('staging_sha', 40).notNullable();
    table.integer('commits').notNullable();
    table.string('compare_url', 500).notNullable();
    table.timestamp('compared_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('zeroops_delivery_repositories', table => {
    table.comment('Sync state of one repository');
    table.string('repository', 200).primary();
    table
      .timestamp('last_synced_at', { useTz: true })
      .nullable()
      .comment('Last webhook or reconciliation that touched the repository');
    table
      .timestamp('last_reconciled_at', { useTz: true })
      .nullable()
      .comment('Last completed reconciliation; the oldest go first');
  });

  await knex.schema.createTable('zeroops_delivery_etags', table => {
    table.comment(
      'ETag of the last fully processed GitHub response, for conditional requests',
    );
    table.string('repository', 200).notNullable();
    table.string('request_key', 300).notNullable();
    table.string('etag', 200).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['repository', 'request_key']);
    table.index(['updated_at'], 'zeroops_delivery_etags_age_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('zeroops_delivery_etags');
  await knex.schema.dropTable('zeroops_delivery_repositories');
  await knex.schema.dropTable('zeroops_delivery_staging_ahead');
  await knex.schema.dropTable('zeroops_delivery_pending_approvals');
  await knex.schema.dropTable('zeroops_delivery_webhook_deliveries');
  await knex.schema.dropTable('zeroops_delivery_commits');
  await knex.schema.dropTable('zeroops_delivery_environments');
  await knex.schema.dropTable('zeroops_delivery_deployments');
};
