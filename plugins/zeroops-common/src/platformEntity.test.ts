import { isZeroOpsPlatformEntity } from './platformEntity';

const withServiceName = (name?: string) => {
  const annotations: Record<string, string> = name
    ? { 'zeroops.io/service-name': name }
    : {};
  return { metadata: { name: 'x', annotations } };
};

describe('isZeroOpsPlatformEntity', () => {
  it("recognises the foundation's platform component by its service name", () => {
    expect(isZeroOpsPlatformEntity(withServiceName('zeroops-platform'))).toBe(
      true,
    );
    expect(isZeroOpsPlatformEntity(withServiceName('platform'))).toBe(true);
  });

  it('leaves services alone, including reserved names that are not the platform', () => {
    expect(isZeroOpsPlatformEntity(withServiceName('payments-api'))).toBe(
      false,
    );
    expect(isZeroOpsPlatformEntity(withServiceName('platform-api'))).toBe(
      false,
    );
    expect(isZeroOpsPlatformEntity(withServiceName('shared'))).toBe(false);
    expect(isZeroOpsPlatformEntity(withServiceName())).toBe(false);
  });
});
