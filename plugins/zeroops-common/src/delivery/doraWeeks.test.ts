import { parseDoraWindow, utcWeekStart } from './doraWeeks';

describe('utcWeekStart', () => {
  it('is Monday 00:00 UTC of the week, whatever the offset the instant was written with', () => {
    const monday = Date.parse('2025-03-24T00:00:00Z');
    expect(utcWeekStart(Date.parse('2025-03-24T00:00:00Z'))).toBe(monday);
    expect(utcWeekStart(Date.parse('2025-03-30T23:59:59.999Z'))).toBe(monday);
    // Monday 01:00 at +02:00 is still Sunday in UTC.
    expect(utcWeekStart(Date.parse('2025-03-31T01:00:00+02:00'))).toBe(monday);
    // Sunday 18:00 at −07:00 is already Monday in UTC.
    expect(utcWeekStart(Date.parse('2025-03-30T18:00:00-07:00'))).toBe(
      Date.parse('2025-03-31T00:00:00Z'),
    );
    // Before 1970 too.
    expect(utcWeekStart(Date.parse('1969-12-31T12:00:00Z'))).toBe(
      Date.parse('1969-12-29T00:00:00Z'),
    );
  });
});

describe('parseDoraWindow', () => {
  it('accepts 7, 30 and 90 days only', () => {
    expect(parseDoraWindow('7')).toBe(7);
    expect(parseDoraWindow(30)).toBe(30);
    expect(parseDoraWindow('90')).toBe(90);
    expect(parseDoraWindow('14')).toBeUndefined();
    expect(parseDoraWindow('30d')).toBeUndefined();
    expect(parseDoraWindow(undefined)).toBeUndefined();
  });
});
