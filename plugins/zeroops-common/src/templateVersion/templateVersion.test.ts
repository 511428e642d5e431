import {
  ZEROOPS_TEMPLATE_VERSION,
  parseTemplateVersion,
  templateVersionStatus,
} from './templateVersion';

const entity = (annotations: Record<string, string>) => ({
  metadata: { name: 'orders-api', annotations },
});

describe('templateVersionStatus', () => {
  it('marks a service without a recorded version as behind from version 1', () => {
    expect(
      templateVersionStatus(
        entity({ 'zeroops.io/service-name': 'orders-api' }),
      ),
    ).toEqual({
      state: 'behind',
      version: 1,
      current: ZEROOPS_TEMPLATE_VERSION,
      recorded: false,
    });
  });

  it('compares a recorded version with the current one', () => {
    const at = (version: string) =>
      templateVersionStatus(
        entity({
          'zeroops.io/service-name': 'orders-api',
          'zeroops.io/template-version': version,
        }),
        3,
      );
    expect(at('2')).toEqual({
      state: 'behind',
      version: 2,
      current: 3,
      recorded: true,
    });
    expect(at('3')).toEqual({ state: 'current', version: 3 });
    expect(at('4')).toEqual({ state: 'ahead', version: 4, current: 3 });
    expect(at('two')).toEqual({ state: 'invalid', value: 'two' });
    expect(at('0')).toEqual({ state: 'invalid', value: '0' });
  });

  it('leaves entities alone that are not ZeroOps services', () => {
    expect(templateVersionStatus(entity({}))).toEqual({
      state: 'not-applicable',
    });
    // The platform repository of the foundation template: no generator manages its files.
    expect(
      templateVersionStatus(
        entity({
          'zeroops.io/service-name': 'zeroops-platform',
          'zeroops.io/template-version': '1',
        }),
      ),
    ).toEqual({ state: 'not-applicable' });
  });
});

describe('parseTemplateVersion', () => {
  it('accepts whole numbers from 1 only', () => {
    expect(parseTemplateVersion('2')).toBe(2);
    expect(parseTemplateVersion(' 12 ')).toBe(12);
    expect(parseTemplateVersion('1.5')).toBeUndefined();
    expect(parseTemplateVersion('-1')).toBeUndefined();
    expect(parseTemplateVersion(undefined)).toBeUndefined();
  });
});
