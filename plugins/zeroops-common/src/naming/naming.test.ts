import {
  AWS_NAME_LIMITS,
  ENVIRONMENT_NAME_FORMS,
  LONGEST_ENVIRONMENT_NAME,
  MAX_ENVIRONMENT_NAME_LENGTH,
  MAX_SERVICE_NAME_LENGTH,
  NAME_FORMS,
  SERVICE_NAME_FORM_PATTERN,
  explainInvalidServiceName,
  isReservedServiceName,
  targetGroupNames,
  ephemeralEnvironmentName,
  parseEphemeralEnvironmentName,
} from './index';

const ACCOUNT = '123456789012';
const longest = (length = MAX_SERVICE_NAME_LENGTH) =>
  'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3).slice(0, length);

describe('naming contract', () => {
  it('derives the longest environment from the forms: production, not pr-99999', () => {
    expect(ENVIRONMENT_NAME_FORMS).toEqual([
      'production',
      'staging',
      'pr-99999',
    ]);
    expect(LONGEST_ENVIRONMENT_NAME).toBe('production');
    expect(MAX_ENVIRONMENT_NAME_LENGTH).toBe(10);
  });

  it('accepts a 20-character service, as the templates always promised', () => {
    expect(MAX_SERVICE_NAME_LENGTH).toBeGreaterThanOrEqual(20);
    expect(explainInvalidServiceName('order-fulfilment-api')).toBeUndefined();
  });

  it('fits every derived name at the longest service in every environment form', () => {
    const service = longest();
    const tooLong = NAME_FORMS.flatMap(form =>
      ENVIRONMENT_NAME_FORMS.map(env => ({
        name: form.name(service, env, ACCOUNT),
        limit: AWS_NAME_LIMITS[form.limit].maxLength,
      })),
    ).filter(({ name, limit }) => name.length > limit);
    expect(tooLong).toEqual([]);
  });

  it('derives the maximum exactly: one more character breaks some AWS limit', () => {
    const service = longest(MAX_SERVICE_NAME_LENGTH + 1);
    const broken = NAME_FORMS.flatMap(form =>
      ENVIRONMENT_NAME_FORMS.map(env => ({
        form: form.form,
        fits:
          form.name(service, env, ACCOUNT).length <=
          AWS_NAME_LIMITS[form.limit].maxLength,
      })),
    ).filter(f => !f.fits);
    expect(broken.length).toBeGreaterThan(0);
    expect(explainInvalidServiceName(service)).toMatch(/at most/);
  });

  it('keeps target groups of a 20-character production service within 32 characters', () => {
    const { blue, green } = targetGroupNames(
      'order-fulfilment-api',
      'production',
    );
    expect(blue).toBe('order-fulfilment-api-prod-b');
    expect(green.length).toBeLessThanOrEqual(32);
    expect(targetGroupNames('shop', 'staging').blue).toBe('shop-stg-b');
    expect(targetGroupNames('shop', 'pr-7').green).toBe('shop-pr-7-g');
  });

  it('keeps target group names unique across services and environments', () => {
    const services = ['a', 'a-prod', 'a-stg', 'a-pr-1', 'a-pr', 'a-1'];
    const envs = ['production', 'staging', 'pr-1', 'pr-12'];
    const names = services.flatMap(s =>
      envs.flatMap(e => Object.values(targetGroupNames(s, e))),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('rejects the names the platform and AWS reserve', () => {
    for (const name of [
      'zeroops',
      'zeroops-platform',
      'shared',
      'sthree-x',
      'amzn-s3-demo-a',
    ]) {
      expect(isReservedServiceName(name)).toBe(true);
      expect(explainInvalidServiceName(name)).toMatch(/reserved/);
    }
    for (const name of [
      'zero',
      'zeroopsy',
      'shared-cart',
      'payments',
      'prices',
      'preprod',
      'platforms',
    ]) {
      expect(isReservedServiceName(name)).toBe(false);
      expect(explainInvalidServiceName(name)).toBeUndefined();
    }
  });

  it('gives the templates a form pattern that agrees with the validation', () => {
    const form = new RegExp(SERVICE_NAME_FORM_PATTERN);
    const probes = [
      'a',
      'ab',
      'a-b',
      'a--b',
      '-a',
      'a-',
      '1a',
      'A',
      'zeroops',
      'zeroops-x',
      'zeroopsx',
      'shared',
      'shared-x',
      'sthree-a',
      'orders-pr',
      'a-pr-b',
      'pr',
      'prs',
      'platform',
      'xstaging',
      longest(),
      longest(MAX_SERVICE_NAME_LENGTH + 1),
    ];
    for (const probe of probes) {
      expect([probe, form.test(probe)]).toEqual([
        probe,
        explainInvalidServiceName(probe) === undefined,
      ]);
    }
  });

  it('names pull-request environments pr-<n> up to 99999', () => {
    expect(ephemeralEnvironmentName(99999)).toBe('pr-99999');
    expect(() => ephemeralEnvironmentName(100000)).toThrow();
    expect(parseEphemeralEnvironmentName('pr-42')).toBe(42);
    expect(parseEphemeralEnvironmentName('production')).toBeUndefined();
  });
});
