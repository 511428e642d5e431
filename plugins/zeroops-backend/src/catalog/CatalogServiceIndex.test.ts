import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogServiceIndex } from './CatalogServiceIndex';
import { componentEntity } from '../__testUtils__/componentEntity';

function service(name: string): Entity {
  return componentEntity(name, { 'zeroops.io/service-name': name });
}

/** A catalog whose answers the test scripts, one per getEntities call. */
function scriptedCatalog(answers: Array<Entity[] | Error | Promise<Entity[]>>) {
  const getEntities = jest.fn(async () => {
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    const items = await answer;
    if (items instanceof Error) throw items;
    return { items: items as Entity[] };
  });
  return { catalog: { getEntities } as unknown as CatalogService, getEntities };
}

const names = (targets: Array<{ serviceName: string }>) =>
  targets.map(t => t.serviceName);

describe('CatalogServiceIndex roster', () => {
  let now: number;
  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('reads the catalog once a minute however many requests ask', async () => {
    const { catalog, getEntities } = scriptedCatalog([[service('a')]]);
    const index = new CatalogServiceIndex(catalog, mockServices.auth());
    await Promise.all([index.rosterTargets(), index.rosterTargets()]);
    now += 59_000;
    expect(names(await index.rosterTargets())).toEqual(['a']);
    expect(getEntities).toHaveBeenCalledTimes(1);
  });

  it('serves the expired roster while one reload runs, then the new one', async () => {
    let finishReload!: (entities: Entity[]) => void;
    const reload = new Promise<Entity[]>(resolve => {
      finishReload = resolve;
    });
    const { catalog, getEntities } = scriptedCatalog([[service('a')], reload]);
    const index = new CatalogServiceIndex(catalog, mockServices.auth());
    await index.rosterTargets();

    now += 61_000;
    // The reload has not answered: no request waits for it.
    expect(names(await index.rosterTargets())).toEqual(['a']);
    expect(names(await index.rosterTargets())).toEqual(['a']);
    expect(getEntities).toHaveBeenCalledTimes(2);

    finishReload([service('a'), service('b')]);
    await reload;
    await new Promise(resolve => setImmediate(resolve));
    expect(names(await index.rosterTargets())).toEqual(['a', 'b']);
  });

  it('keeps the last roster when a reload fails, and retries on the next request', async () => {
    const { catalog, getEntities } = scriptedCatalog([
      [service('a')],
      new Error('catalog unavailable'),
      [service('a'), service('c')],
    ]);
    const index = new CatalogServiceIndex(catalog, mockServices.auth());
    await index.rosterTargets();
    now += 61_000;
    expect(names(await index.rosterTargets())).toEqual(['a']);
    await new Promise(resolve => setImmediate(resolve));

    expect(names(await index.rosterTargets())).toEqual(['a']);
    await new Promise(resolve => setImmediate(resolve));
    expect(getEntities).toHaveBeenCalledTimes(3);
    expect(names(await index.rosterTargets())).toEqual(['a', 'c']);
  });

  it('lets a failed first read surface, and reads again on the next request', async () => {
    const { catalog, getEntities } = scriptedCatalog([
      new Error('catalog unavailable'),
      [service('a')],
    ]);
    const index = new CatalogServiceIndex(catalog, mockServices.auth());
    await expect(index.rosterTargets()).rejects.toThrow('catalog unavailable');
    expect(names(await index.rosterTargets())).toEqual(['a']);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('reloads early when a service is missing, but not more than every 5 seconds', async () => {
    const { catalog, getEntities } = scriptedCatalog([
      [service('a')],
      [service('a'), service('b')],
    ]);
    const index = new CatalogServiceIndex(catalog, mockServices.auth());
    await index.rosterTargets();

    now += 1_000;
    index.refreshSoon();
    await index.rosterTargets();
    expect(getEntities).toHaveBeenCalledTimes(1);

    now += 5_000;
    index.refreshSoon();
    // Served stale once while the reload runs, then the new roster.
    expect(names(await index.rosterTargets())).toEqual(['a']);
    await new Promise(resolve => setImmediate(resolve));
    expect(names(await index.rosterTargets())).toEqual(['a', 'b']);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });
});
