import { doraBandOf, meetsDoraTarget } from './doraTargets';

const HOUR = 60;
const DAY = 24 * HOUR;

describe('doraBandOf', () => {
  it('bands deployment frequency per day: elite from once a day, high from once a week, medium from once a month', () => {
    expect(doraBandOf('deploymentFrequency', 3)).toBe('elite');
    expect(doraBandOf('deploymentFrequency', 1)).toBe('elite');
    expect(doraBandOf('deploymentFrequency', 0.99)).toBe('high');
    expect(doraBandOf('deploymentFrequency', 1 / 7)).toBe('high');
    expect(doraBandOf('deploymentFrequency', 1 / 8)).toBe('medium');
    expect(doraBandOf('deploymentFrequency', 1 / 30)).toBe('medium');
    expect(doraBandOf('deploymentFrequency', 1 / 31)).toBe('low');
    expect(doraBandOf('deploymentFrequency', 0)).toBe('low');
  });

  it('bands lead time: elite under a day, high under a week, medium under 30 days', () => {
    expect(doraBandOf('leadTime', DAY - 1)).toBe('elite');
    expect(doraBandOf('leadTime', DAY)).toBe('high');
    expect(doraBandOf('leadTime', 7 * DAY - 1)).toBe('high');
    expect(doraBandOf('leadTime', 7 * DAY)).toBe('medium');
    expect(doraBandOf('leadTime', 30 * DAY - 1)).toBe('medium');
    expect(doraBandOf('leadTime', 30 * DAY)).toBe('low');
  });

  it('bands change failure rate: elite up to 5 %, high up to 10 %, medium up to 15 %', () => {
    expect(doraBandOf('changeFailureRate', 0)).toBe('elite');
    expect(doraBandOf('changeFailureRate', 0.05)).toBe('elite');
    expect(doraBandOf('changeFailureRate', 0.051)).toBe('high');
    expect(doraBandOf('changeFailureRate', 0.1)).toBe('high');
    expect(doraBandOf('changeFailureRate', 0.15)).toBe('medium');
    expect(doraBandOf('changeFailureRate', 0.151)).toBe('low');
  });

  it('bands time to restore: elite under an hour, high under a day, medium under a week', () => {
    expect(doraBandOf('timeToRestore', HOUR - 1)).toBe('elite');
    expect(doraBandOf('timeToRestore', HOUR)).toBe('high');
    expect(doraBandOf('timeToRestore', DAY)).toBe('medium');
    expect(doraBandOf('timeToRestore', 7 * DAY - 1)).toBe('medium');
    expect(doraBandOf('timeToRestore', 7 * DAY)).toBe('low');
  });

  it('has no band without a value', () => {
    expect(doraBandOf('leadTime', undefined)).toBe('no-data');
  });
});

describe('meetsDoraTarget', () => {
  it("holds each metric to the seed's success metrics", () => {
    // "Multiple per day": at least 2.
    expect(meetsDoraTarget('deploymentFrequency', 2)).toBe(true);
    expect(meetsDoraTarget('deploymentFrequency', 1.99)).toBe(false);
    // "< 30 minutes", "< 15 minutes", "< 5 %": strictly below.
    expect(meetsDoraTarget('leadTime', 29.9)).toBe(true);
    expect(meetsDoraTarget('leadTime', 30)).toBe(false);
    expect(meetsDoraTarget('timeToRestore', 14)).toBe(true);
    expect(meetsDoraTarget('timeToRestore', 15)).toBe(false);
    expect(meetsDoraTarget('changeFailureRate', 0.049)).toBe(true);
    expect(meetsDoraTarget('changeFailureRate', 0.05)).toBe(false);
    expect(meetsDoraTarget('changeFailureRate', undefined)).toBeUndefined();
  });
});
