import { catchUpWhileCatalogEmpty } from './catchUpWhileCatalogEmpty';

describe('catchUpWhileCatalogEmpty', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks for another run soon when the catalog listed no repository', () => {
    const triggerRun = jest.fn(async () => undefined);
    catchUpWhileCatalogEmpty({
      repositoriesListed: 0,
      delayMs: 15_000,
      triggerRun,
    });
    jest.advanceTimersByTime(14_999);
    expect(triggerRun).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(triggerRun).toHaveBeenCalledTimes(1);
  });

  it('leaves the schedule alone once the catalog lists repositories', () => {
    const triggerRun = jest.fn(async () => undefined);
    catchUpWhileCatalogEmpty({
      repositoriesListed: 3,
      delayMs: 15_000,
      triggerRun,
    });
    jest.advanceTimersByTime(60_000);
    expect(triggerRun).not.toHaveBeenCalled();
  });

  it('swallows a refused trigger (a run already going, or shutdown)', async () => {
    const triggerRun = jest.fn(async () => {
      throw new Error('task is currently running');
    });
    catchUpWhileCatalogEmpty({
      repositoriesListed: 0,
      delayMs: 1_000,
      triggerRun,
    });
    jest.advanceTimersByTime(1_000);
    await Promise.resolve();
    expect(triggerRun).toHaveBeenCalledTimes(1);
  });
});
