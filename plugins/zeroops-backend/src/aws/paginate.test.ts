import { collectPages } from './paginate';

describe('collectPages', () => {
  it('follows tokens until the last page', async () => {
    const pages: Record<string, { items: number[]; nextToken?: string }> = {
      start: { items: [1, 2], nextToken: 'a' },
      a: { items: [3], nextToken: 'b' },
      b: { items: [4] },
    };
    const seen: Array<string | undefined> = [];
    const items = await collectPages(async token => {
      seen.push(token);
      return pages[token ?? 'start'];
    });
    expect(items).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual([undefined, 'a', 'b']);
  });

  it('fails instead of looping on a repeated token', async () => {
    await expect(
      collectPages(async () => ({ items: [1], nextToken: 'same' })),
    ).rejects.toThrow('Pagination token repeated: same');
  });

  it('fails after maxPages', async () => {
    let n = 0;
    await expect(
      collectPages(async () => ({ items: [], nextToken: `t${n++}` }), {
        maxPages: 3,
      }),
    ).rejects.toThrow('within 3 pages');
  });
});
