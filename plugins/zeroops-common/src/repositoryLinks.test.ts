import { Entity } from '@backstage/catalog-model';
import { repositoryLinks } from './repositoryLinks';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'storefront-web', annotations },
  };
}

describe('repositoryLinks', () => {
  it('links commits and pull requests from the GitHub project slug', () => {
    const links = repositoryLinks(
      entity({ 'github.com/project-slug': 'zeroops-demo/storefront-web' }),
    );
    expect(links?.commitUrl('abc')).toBe(
      'https://github.com/zeroops-demo/storefront-web/commit/abc',
    );
    expect(links?.pullRequestUrl(42)).toBe(
      'https://github.com/zeroops-demo/storefront-web/pull/42',
    );
  });

  it('falls back to a GitHub or GitLab source location', () => {
    expect(
      repositoryLinks(
        entity({
          'backstage.io/source-location':
            'url:https://github.example.com/acme/shop.git/tree/main/',
        }),
      )?.commitUrl('abc'),
    ).toBe('https://github.example.com/acme/shop/commit/abc');
    expect(
      repositoryLinks(
        entity({
          'backstage.io/source-location':
            'url:https://github.com/acme/shop/tree/main/',
        }),
      )?.commitUrl('abc'),
    ).toBe('https://github.com/acme/shop/commit/abc');
    expect(
      repositoryLinks(
        entity({
          'backstage.io/source-location':
            'url:https://gitlab.com/acme/shop/-/tree/main',
        }),
      )?.pullRequestUrl(7),
    ).toBe('https://gitlab.com/acme/shop/-/merge_requests/7');
  });

  it('gives nothing for unknown hosts or no annotation', () => {
    expect(repositoryLinks(entity({}))).toBeUndefined();
    expect(
      repositoryLinks(
        entity({
          'backstage.io/source-location': 'url:https://example.com/a/b',
        }),
      ),
    ).toBeUndefined();
  });
});
