import { costReadPlan } from './costWindows';

describe('costReadPlan', () => {
  it('reads 30 days daily and the 5 closed months once when there is no snapshot', () => {
    expect(costReadPlan('2025-03-20')).toEqual({
      daily: { start: '2025-02-19', end: '2025-03-21' },
      monthly: { start: '2024-10-01', end: '2025-03-01' },
      keepDaily: { start: '2025-02-19', end: '2025-02-19' },
      keepMonthly: { start: '2024-10-01', end: '2024-10-01' },
      coverage: {
        daysFinalThrough: '2025-03-17',
        monthsFinalThrough: '2025-02-01',
      },
    });
  });

  it('then re-reads only today and the 3 days Cost Explorer may still revise', () => {
    const first = costReadPlan('2025-03-20');
    const later = costReadPlan('2025-03-20', first.coverage);
    expect(later.daily).toEqual({ start: '2025-03-17', end: '2025-03-21' });
    expect(later.monthly).toBeUndefined();
    expect(later.keepDaily).toEqual({ start: '2025-02-19', end: '2025-03-17' });
    expect(later.keepMonthly).toEqual({
      start: '2024-10-01',
      end: '2025-03-01',
    });

    const nextDay = costReadPlan('2025-03-21', later.coverage);
    expect(nextDay.daily).toEqual({ start: '2025-03-18', end: '2025-03-22' });
    expect(nextDay.coverage.daysFinalThrough).toBe('2025-03-18');
  });

  it('keeps the previous month daily until it closes on the 8th, then reads it once', () => {
    const third = costReadPlan('2025-03-03');
    // February is not closed: its days are read and its total is their sum.
    expect(third.daily.start).toBe('2025-02-01');
    expect(third.monthly).toEqual({ start: '2024-10-01', end: '2025-02-01' });
    expect(third.coverage.monthsFinalThrough).toBe('2025-01-01');

    const seventh = costReadPlan('2025-03-07', {
      daysFinalThrough: '2025-03-03',
      monthsFinalThrough: '2025-01-01',
    });
    expect(seventh.monthly).toBeUndefined();
    expect(seventh.keepDaily.start).toBe('2025-02-01');

    const eighth = costReadPlan('2025-03-08', seventh.coverage);
    expect(eighth.monthly).toEqual({ start: '2025-02-01', end: '2025-03-01' });
    expect(eighth.keepDaily.start).toBe('2025-02-07');
    expect(costReadPlan('2025-03-08', eighth.coverage).monthly).toBeUndefined();
  });

  it('reads the days it missed after an outage, within the days shown', () => {
    const plan = costReadPlan('2025-03-20', {
      daysFinalThrough: '2025-03-09',
      monthsFinalThrough: '2025-02-01',
    });
    expect(plan.daily).toEqual({ start: '2025-03-10', end: '2025-03-21' });
    const longOutage = costReadPlan('2025-06-20', {
      daysFinalThrough: '2025-03-09',
      monthsFinalThrough: '2025-02-01',
    });
    expect(longOutage.daily.start).toBe('2025-05-22');
    expect(longOutage.monthly).toEqual({
      start: '2025-03-01',
      end: '2025-06-01',
    });
  });

  it('covers the whole current month on its 31st day', () => {
    expect(costReadPlan('2025-01-31').daily).toEqual({
      start: '2025-01-01',
      end: '2025-02-01',
    });
  });
});
