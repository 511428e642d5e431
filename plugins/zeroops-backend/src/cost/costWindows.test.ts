import { costQueryWindows } from './costWindows';

describe('costQueryWindows', () => {
  it('asks daily for 30 days and monthly for the 5 complete months before', () => {
    expect(costQueryWindows('2025-03-20')).toEqual({
      daily: { start: '2025-02-19', end: '2025-03-21' },
      monthly: { start: '2024-10-01', end: '2025-03-01' },
    });
  });

  it('covers the whole current month on its 31st day', () => {
    expect(costQueryWindows('2025-01-31').daily).toEqual({
      start: '2025-01-01',
      end: '2025-02-01',
    });
  });
});
