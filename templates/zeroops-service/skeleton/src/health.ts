/** A dependency the health endpoint checks: the database, the cache. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'ok' | 'unavailable'; error?: string }>;
}

/**
 * Runs every check with a deadline. The load balancer, the blue/green switch and the smoke test
 * after each deployment call this, so it must answer quickly even when a dependency hangs.
 */
export async function checkHealth(
  checks: HealthCheck[],
  timeoutMs = 2000,
): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, { status: 'ok' as const }] as const;
      } catch (error) {
        return [
          name,
          { status: 'unavailable' as const, error: (error as Error).message },
        ] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const entries = Object.fromEntries(results);
  const healthy = results.every(([, result]) => result.status === 'ok');
  return { status: healthy ? 'ok' : 'unavailable', checks: entries };
}
