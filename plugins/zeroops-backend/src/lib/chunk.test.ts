import { chunk } from './chunk';

describe('chunk', () => {
  it('splits into batches of DescribeServices size', () => {
    const names = Array.from({ length: 23 }, (_, i) => `s${i}`);
    expect(chunk(names, 10).map(c => c.length)).toEqual([10, 10, 3]);
    expect(chunk([], 10)).toEqual([]);
  });
});
