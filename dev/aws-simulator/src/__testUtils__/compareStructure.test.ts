import { structureMismatches } from './compareStructure.ts';

describe('structureMismatches', () => {
  it('accepts the same structure with different values and Dates for documented timestamps', () => {
    expect(
      structureMismatches(
        { a: 'x', n: 1, at: '2016-08-29T16:25:52.130Z', list: [{ k: 'v' }] },
        {
          a: 'y',
          n: 2,
          at: new Date(),
          list: [{ k: 'w', extra: true }],
          more: 1,
        },
      ),
    ).toEqual([]);
  });

  it('reports missing keys, wrong types and empty lists', () => {
    expect(
      structureMismatches(
        { a: 'x', n: 1, nested: { b: true }, list: [{ k: 'v' }] },
        { n: '1', nested: {}, list: [] },
      ),
    ).toEqual([
      'a: missing',
      'n: expected number, got string',
      'nested.b: missing',
      'list: documented with items, but the simulator returned none to compare',
    ]);
  });

  it('merges array items so optional fields on any item count, and honours ignores', () => {
    expect(
      structureMismatches(
        { items: [{ a: 1, b: 2, c: 3 }] },
        { items: [{ a: 1 }, { b: 2 }] },
        new Set(['items[].c']),
      ),
    ).toEqual([]);
  });
});
