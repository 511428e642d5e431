import { z } from 'zod/v3';
import {
  MAX_SERVICE_NAME_LENGTH,
  explainInvalidServiceName,
} from '@zeroops/backstage-plugin-zeroops-common';
import { serviceNameSchema } from './schemas';

describe('serviceNameSchema', () => {
  const schema = serviceNameSchema(z);
  const longest = 'abcdefghijklmnopqrstuvwxyz'.slice(
    0,
    MAX_SERVICE_NAME_LENGTH,
  );

  it.each([
    'payments-api',
    longest,
    `${longest}x`,
    'zeroops',
    'zeroops-billing',
    'platform',
    'shared',
    'orders-pr',
    'a--b',
    'Payments',
  ])('accepts "%s" exactly when the naming contract does', name => {
    const result = schema.safeParse(name);
    const problem = explainInvalidServiceName(name);
    expect(result.success).toBe(problem === undefined);
    expect(result.success ? undefined : result.error.issues[0].message).toBe(
      problem,
    );
  });

  it('rejects names reserved for the platform with the reason', () => {
    const result = schema.safeParse('zeroops-billing');
    expect(result.success).toBe(false);
    expect(result.success ? '' : result.error.issues[0].message).toMatch(
      /reserved/,
    );
  });
});
