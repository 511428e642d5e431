import { buildStore } from '../history/buildStore.ts';
import { ENGINEERS } from '../history/people.ts';

const NOW = new Date('2026-11-18T10:30:00Z');

describe('RepositoryState.compare', () => {
  const store = buildStore(
    {
      preset: 'none',
      repositories: {
        'acme/api': {
          script: b => {
            const at = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
            b.push(at(10), ENGINEERS[0], 'one');
            b.push(at(9), ENGINEERS[1], 'two');
            b.push(at(8), ENGINEERS[2], 'three');
            b.commit({
              at: at(7),
              author: ENGINEERS[3],
              message: 'Hotfix: four',
              onMainline: false,
              parent: b.state.mainline[0],
            });
          },
        },
      },
    },
    NOW,
    'https://github.com',
  );
  const state = store.repository('acme', 'API')!;
  const [one, two, three] = state.mainline.map(sha => state.commits.get(sha)!);
  const hotfix = [...state.commits.values()].find(c =>
    c.message.startsWith('Hotfix'),
  )!;

  it('reports ahead, behind, identical and diverged like GitHub', () => {
    expect(state.compare(one, three)).toMatchObject({
      status: 'ahead',
      aheadBy: 2,
      behindBy: 0,
      commits: [two, three],
    });
    expect(state.compare(three, one)).toMatchObject({
      status: 'behind',
      aheadBy: 0,
      behindBy: 2,
      commits: [],
    });
    expect(state.compare(two, two)).toMatchObject({
      status: 'identical',
      aheadBy: 0,
      behindBy: 0,
    });
    expect(state.compare(hotfix, three)).toMatchObject({
      status: 'diverged',
      aheadBy: 2,
      behindBy: 1,
      mergeBase: one,
    });
  });

  it('resolves full SHAs, short SHAs and the default branch', () => {
    expect(state.resolveCommit(two.sha.slice(0, 7))).toBe(two);
    expect(state.resolveCommit('main')).toBe(three);
    expect(state.resolveCommit('nope')).toBeUndefined();
  });
});
