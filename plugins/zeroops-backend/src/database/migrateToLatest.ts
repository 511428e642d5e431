import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@zeroops/backstage-plugin-zeroops-backend',
  'migrations',
);
/** Start-up attempts when another instance holds the migration lock. */
const MIGRATION_ATTEMPTS = 5;

/**
 * The plugin database's client, with the plugin's migrations applied (unless the operator
 * skips them). Every store of the plugin shares the one migrations folder, so whichever store
 * starts first brings the schema up to date for all.
 */
export async function migrateToLatest(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (database.migrations?.skip) return knex;
  // Several backend instances starting together race for knex's migration lock; the loser
  // retries instead of failing start-up.
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({ directory: migrationsDir });
      return knex;
    } catch (error) {
      // A first start on an empty database races on creating knex's own tables (SQLite:
      // "already exists", PostgreSQL: duplicate pg_type key); the retry finds them.
      const locked = /already locked|knex_migrations/.test(String(error));
      if (!locked || attempt >= MIGRATION_ATTEMPTS) throw error;
      await new Promise(resolve => setTimeout(resolve, 1000 * attempt));
    }
  }
}
