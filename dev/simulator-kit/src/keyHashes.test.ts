import { hashString, unitHash } from './keyHashes.ts';

describe('hashString', () => {
  it('is 32-bit FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('payments-api')).toBe(1498640491);
  });
});

describe('unitHash', () => {
  it('depends only on the key, with the values the simulators have always used', () => {
    expect(unitHash('payments-api')).toBe(0.26979316328652203);
    expect(unitHash('payments-api')).toBe(unitHash('payments-api'));
  });

  it('spreads keys that differ in one trailing digit', () => {
    expect(unitHash('a1')).toBe(0.6305168243125081);
    expect(unitHash('a2')).toBe(0.053564595989882946);
  });
});
