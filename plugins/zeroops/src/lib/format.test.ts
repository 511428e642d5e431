import {
  formatAge,
  formatAgo,
  formatAgoWithTimestamp,
  formatMoney,
  formatMonth,
  formatPercent,
  formatTimestamp,
  humanizeEnum,
  shortSha,
} from './format';

describe('format', () => {
  const now = Date.parse('2026-11-26T06:00:00Z');

  it('formats ages coarsely', () => {
    expect(formatAge('2026-11-26T05:59:40Z', now)).toBe('just now');
    expect(formatAge('2026-11-26T05:48:00Z', now)).toBe('12 min');
    expect(formatAge('2026-11-26T01:00:00Z', now)).toBe('5 h');
    expect(formatAge('2026-11-24T08:00:00Z', now)).toBe('46 h');
    expect(formatAge('2026-11-24T04:00:00Z', now)).toBe('2 d');
    expect(formatAge('2026-11-20T06:00:00Z', now)).toBe('6 d');
    expect(formatAge('not a date', now)).toBe('unknown');
    expect(formatAgo('2026-11-26T01:00:00Z', now)).toBe('5 h ago');
  });

  it('formats a refresh time as its age and its exact time', () => {
    expect(formatAgoWithTimestamp('2026-11-26T01:00:00Z', now)).toBe(
      '5 h ago (2026-11-26 01:00 UTC)',
    );
    expect(formatAgoWithTimestamp('2026-11-26T05:59:40Z', now)).toBe(
      'just now (2026-11-26 05:59 UTC)',
    );
  });

  it('formats money, percentages, months and timestamps', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(3, 'EUR')).toBe('€3.00');
    expect(formatPercent(93.456)).toBe('93.5 %');
    expect(formatMonth('2026-06')).toBe('Jun 2026');
    expect(formatTimestamp('2026-11-26T06:35:49.367Z')).toBe(
      '2026-11-26 06:35 UTC',
    );
  });

  it('shortens SHAs and humanizes ECS enums', () => {
    expect(shortSha('12a8f1a3fa7d4ecbffcfc5effd4af6c155a9dda5')).toBe(
      '12a8f1a',
    );
    expect(humanizeEnum('TEST_TRAFFIC_SHIFT')).toBe('test traffic shift');
  });
});
