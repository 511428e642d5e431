import { zeroOpsApiErrorCodeOf } from './errors';

describe('zeroOpsApiErrorCodeOf', () => {
  it('recognizes the codes the backend sends', () => {
    expect(zeroOpsApiErrorCodeOf('annotation-missing')).toBe(
      'annotation-missing',
    );
    expect(zeroOpsApiErrorCodeOf('not-allowed')).toBe('not-allowed');
  });

  it('ignores codes it does not know, such as a database driver code on a 500', () => {
    expect(zeroOpsApiErrorCodeOf('ECONNREFUSED')).toBeUndefined();
    expect(zeroOpsApiErrorCodeOf(undefined)).toBeUndefined();
    expect(zeroOpsApiErrorCodeOf(404)).toBeUndefined();
  });
});
