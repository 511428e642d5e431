import { ConfigReader } from '@backstage/config';
import { readDeliverySettings } from '../../config/ZeroOpsConfig';

describe('readDeliverySettings (zeroops.delivery)', () => {
  it('is on by default only when integrations.github is configured', () => {
    expect(readDeliverySettings(new ConfigReader({})).enabled).toBe(false);
    const withGithub = new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: 't' }] },
    });
    expect(readDeliverySettings(withGithub)).toEqual({
      enabled: true,
      reconcileIntervalMs: 15 * 60 * 1000,
      reconcileInitialDelayMs: 15_000,
      rateLimitReserve: 500,
      backfillDays: 90,
      maxPayloadBytes: 1024 * 1024,
      productionEnvironment: 'production',
      stagingEnvironment: 'staging',
    });
    expect(
      readDeliverySettings(
        new ConfigReader({
          integrations: { github: [{ host: 'github.com' }] },
          zeroops: { delivery: { enabled: false } },
        }),
      ).enabled,
    ).toBe(false);
  });

  it('reads durations, limits and environment names', () => {
    const settings = readDeliverySettings(
      new ConfigReader({
        zeroops: {
          delivery: {
            enabled: true,
            reconcileInterval: '5m',
            rateLimitReserve: 1000,
            backfillDays: 30,
            webhooks: { maxPayloadBytes: 65536 },
            productionEnvironment: 'prod',
            stagingEnvironment: 'preprod',
          },
        },
      }),
    );
    expect(settings).toMatchObject({
      reconcileIntervalMs: 300_000,
      rateLimitReserve: 1000,
      backfillDays: 30,
      maxPayloadBytes: 65536,
      productionEnvironment: 'prod',
      stagingEnvironment: 'preprod',
    });
  });

  it('names the bad key', () => {
    const read = (delivery: object) => () =>
      readDeliverySettings(new ConfigReader({ zeroops: { delivery } }));
    expect(read({ reconcileInterval: 'often' })).toThrow(
      /delivery\.reconcileInterval is not a duration/,
    );
    expect(read({ rateLimitReserve: -1 })).toThrow(
      /zeroops\.delivery\.rateLimitReserve must be a positive integer/,
    );
    expect(read({ webhooks: { maxPayloadBytes: 1.5 } })).toThrow(
      /webhooks\.maxPayloadBytes must be a positive integer/,
    );
    expect(read({ productionEnvironment: 'has space' })).toThrow(
      /productionEnvironment "has space" is not a GitHub environment name/,
    );
  });
});
