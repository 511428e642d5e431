import { LoggerService } from '@backstage/backend-plugin-api';
import { AwsDataSource } from '@zeroops/backstage-plugin-zeroops-common';
import { awsFailureOf, classifyAwsError } from '../../aws/classifyAwsError';
import { SharedReadCache } from '../../cache/SharedReadCache';
import { Loaded } from '../records';

/** Bumped when a record's shape changes, so no instance serves another's old entries. */
const CACHE_KEY_VERSION = 'v1';

/** The AWS call a read stands for, named in its error. */
export interface AwsReadContext {
  source: AwsDataSource;
  action: string;
  accountId: string;
  region: string;
}

/**
 * One AWS read through the {@link SharedReadCache}, its outcome a {@link Loaded} value.
 *
 * Failures are cached as results too, with the shorter of `ttlMs` and the read's own TTL, so a
 * throttled or denied account does not turn every page view into another AWS call. The log
 * keeps AWS's own text (with the principal) for operators; readers get the classified message,
 * which never names it.
 */
export function cachedAwsRead<T>(
  deps: { cache: SharedReadCache; logger: LoggerService; ttlMs: number },
  key: string,
  ctx: AwsReadContext,
  load: () => Promise<T>,
  ttlMs: number | ((value: T) => number) = deps.ttlMs,
): Promise<Loaded<T>> {
  const ttlOf = (value: T) =>
    typeof ttlMs === 'function' ? ttlMs(value) : ttlMs;
  const errorTtlMs = Math.min(
    typeof ttlMs === 'function' ? deps.ttlMs : ttlMs,
    deps.ttlMs,
  );
  return deps.cache.read<Loaded<T>>(
    `${CACHE_KEY_VERSION}:${key}`,
    async () => {
      const fetchedAt = new Date().toISOString();
      try {
        return { ok: true, value: await load(), fetchedAt } as Loaded<T>;
      } catch (error) {
        const classified = classifyAwsError(error, ctx);
        const failure = awsFailureOf(error);
        deps.logger.warn(
          `ZeroOps: ${classified.message} (account ${ctx.accountId}, ${
            ctx.region
          }; AWS said: ${
            failure instanceof Error ? failure.message : failure
          })`,
        );
        return { ok: false, error: classified, fetchedAt };
      }
    },
    { ttlMs: loaded => (loaded.ok ? ttlOf(loaded.value) : errorTtlMs) },
  );
}
