import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readZeroOpsConfig } from './ZeroOpsConfig';

const environments = [
  {
    name: 'production',
    kind: 'persistent',
    accountId: '111111111111',
    region: 'us-east-1',
  },
  {
    name: 'ephemeral',
    kind: 'ephemeral',
    accountId: '222222222222',
    region: 'us-east-1',
    cluster: 'pr-cluster',
  },
];

describe('readZeroOpsConfig', () => {
  it('applies defaults', () => {
    const config = readZeroOpsConfig(
      new ConfigReader({
        zeroops: {
          environments,
          costExplorer: { accountId: '999999999999' },
        },
      }),
    );
    expect(config).toEqual({
      environments: [
        {
          name: 'production',
          kind: 'persistent',
          accountId: '111111111111',
          region: 'us-east-1',
          cluster: 'zeroops-production',
        },
        {
          name: 'ephemeral',
          kind: 'ephemeral',
          accountId: '222222222222',
          region: 'us-east-1',
          cluster: 'pr-cluster',
        },
      ],
      costExplorer: {
        accountId: '999999999999',
        region: 'us-east-1',
        refreshIntervalMs: 8 * 3600_000,
        metric: 'UnblendedCost',
        forecast: 'run-rate',
        budgetWarningPercent: 80,
      },
      cacheTtlMs: 15_000,
      restingTtlMs: 60_000,
      decisionCacheTtlMs: 5_000,
      requestTimeoutMs: 5_000,
      requestDeadlineMs: 1_500,
      maxAttempts: 3,
      targetHealth: 'on-symptom',
      demoData: false,
      // Off without integrations.github: an anonymous github.com allows 60 requests an hour.
      delivery: {
        enabled: false,
        reconcileIntervalMs: 15 * 60_000,
        reconcileInitialDelayMs: 15_000,
        rateLimitReserve: 500,
        backfillDays: 90,
        maxPayloadBytes: 1024 * 1024,
        productionEnvironment: 'production',
        stagingEnvironment: 'staging',
      },
    });
  });

  it('reads durations in every Backstage form', () => {
    const config = readZeroOpsConfig(
      new ConfigReader({
        zeroops: {
          cache: { ttl: '30s' },
          aws: { requestTimeout: { seconds: 2 } },
          costExplorer: { accountId: '999999999999', refreshInterval: 'PT1H' },
        },
      }),
    );
    expect(config.cacheTtlMs).toBe(30_000);
    expect(config.requestTimeoutMs).toBe(2_000);
    expect(config.costExplorer?.refreshIntervalMs).toBe(3600_000);
    expect(config.environments).toEqual([]);
  });

  it('takes a duration from the overlay alone, whatever form each layer uses', () => {
    const layered = (base: JsonValue, overlay: JsonValue) =>
      readZeroOpsConfig(
        ConfigReader.fromConfigs([
          {
            context: 'app-config.yaml',
            data: {
              zeroops: {
                costExplorer: {
                  accountId: '999999999999',
                  refreshInterval: base,
                },
              },
            },
          },
          {
            context: 'app-config.local.yaml',
            data: { zeroops: { costExplorer: { refreshInterval: overlay } } },
          },
        ]),
      ).costExplorer?.refreshIntervalMs;
    expect(layered('6h', { minutes: 1 })).toBe(60_000);
    expect(layered('6h', 'PT2M')).toBe(120_000);
    expect(layered({ hours: 6 }, '3m')).toBe(180_000);
  });

  // Every duration key: Backstage merges objects across config files, so only a value read
  // from the top layer alone makes `1m` over `6h` one minute rather than 6 h 1 min.
  it.each<[string, (c: ReturnType<typeof readZeroOpsConfig>) => unknown]>([
    ['costExplorer.refreshInterval', c => c.costExplorer?.refreshIntervalMs],
    ['cache.ttl', c => c.cacheTtlMs],
    ['requestDeadline', c => c.requestDeadlineMs],
    ['permissions.decisionCacheTtl', c => c.decisionCacheTtlMs],
    ['aws.requestTimeout', c => c.requestTimeoutMs],
    ['delivery.reconcileInterval', c => c.delivery.reconcileIntervalMs],
  ])('an overlay of %s replaces the base value', (key, read) => {
    const at = (value: JsonValue) =>
      key
        .split('.')
        .reduceRight<JsonValue>((inner, part) => ({ [part]: inner }), value);
    const layered = (base: JsonValue, overlay: JsonValue) =>
      read(
        readZeroOpsConfig(
          ConfigReader.fromConfigs([
            {
              context: 'app-config.yaml',
              data: {
                zeroops: {
                  ...(at(base) as object),
                  costExplorer: {
                    accountId: '999999999999',
                    ...(key.startsWith('costExplorer') && {
                      refreshInterval: base,
                    }),
                  },
                },
              },
            },
            {
              context: 'app-config.local.yaml',
              data: { zeroops: at(overlay) },
            },
          ]),
        ),
      );
    expect(layered('6h', '1m')).toBe(60_000);
    expect(layered('6h', { minutes: 1 })).toBe(60_000);
    expect(layered({ hours: 6 }, 'PT1M')).toBe(60_000);
  });

  it('names the key of a duration it cannot read', () => {
    expect(() =>
      readZeroOpsConfig(
        new ConfigReader({ zeroops: { cache: { ttl: 'soon' } } }),
      ),
    ).toThrow('zeroops config: cache.ttl is not a duration');
  });

  it('reads the request deadline as a duration string and refuses zero', () => {
    expect(
      readZeroOpsConfig(
        new ConfigReader({ zeroops: { requestDeadline: '800ms' } }),
      ).requestDeadlineMs,
    ).toBe(800);
    expect(
      readZeroOpsConfig(
        new ConfigReader({ zeroops: { requestDeadline: 'PT3S' } }),
      ).requestDeadlineMs,
    ).toBe(3_000);
    expect(() =>
      readZeroOpsConfig(
        new ConfigReader({ zeroops: { requestDeadline: '0s' } }),
      ),
    ).toThrow('requestDeadline must be a positive duration');
  });

  it('lets the permission decision cache be turned off, but not made negative', () => {
    expect(
      readZeroOpsConfig(
        new ConfigReader({
          zeroops: { permissions: { decisionCacheTtl: '0s' } },
        }),
      ).decisionCacheTtlMs,
    ).toBe(0);
    expect(
      readZeroOpsConfig(
        new ConfigReader({
          zeroops: { permissions: { decisionCacheTtl: { seconds: 2 } } },
        }),
      ).decisionCacheTtlMs,
    ).toBe(2_000);
    expect(() =>
      readZeroOpsConfig(
        new ConfigReader({
          zeroops: { permissions: { decisionCacheTtl: { seconds: -1 } } },
        }),
      ),
    ).toThrow('permissions.decisionCacheTtl must be a non-negative duration');
  });

  it('accepts an account id YAML parsed as a number', () => {
    const config = readZeroOpsConfig(
      new ConfigReader({
        zeroops: {
          environments: [{ ...environments[0], accountId: 111111111111 }],
        },
      }),
    );
    expect(config.environments[0].accountId).toBe('111111111111');
  });

  it('names the bad key', () => {
    expect(() =>
      readZeroOpsConfig(
        new ConfigReader({
          zeroops: {
            environments: [{ ...environments[0], kind: 'temporary' }],
          },
        }),
      ),
    ).toThrow(
      'zeroops.environments[0].kind must be "persistent" or "ephemeral"',
    );
    expect(() =>
      readZeroOpsConfig(
        new ConfigReader({
          zeroops: { environments: [{ ...environments[0], accountId: '123' }] },
        }),
      ),
    ).toThrow('zeroops.environments[0].accountId must be a 12-digit');
    expect(() =>
      readZeroOpsConfig(
        new ConfigReader({
          zeroops: { environments: [environments[0], environments[0]] },
        }),
      ),
    ).toThrow('environment "production" is listed twice');
    expect(() =>
      readZeroOpsConfig(
        new ConfigReader({ zeroops: { cache: { ttl: '0s' } } }),
      ),
    ).toThrow('cache.ttl must be a positive duration');
  });
});
