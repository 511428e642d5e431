import {
  formatDoraTarget,
  formatDoraValue,
  formatSamples,
} from './doraMetrics';

describe('DORA wording', () => {
  it('shows deployment frequency in the unit that reads best', () => {
    expect(formatDoraValue('deploymentFrequency', 2.44)).toBe('2.4 per day');
    expect(formatDoraValue('deploymentFrequency', 3 / 7)).toBe('3 per week');
    expect(formatDoraValue('deploymentFrequency', 0.05)).toBe('1.5 per month');
    expect(formatDoraValue('deploymentFrequency', 0)).toBe('none');
  });

  it('shows durations in minutes, hours or days and rates in percent', () => {
    expect(formatDoraValue('leadTime', 42.4)).toBe('42 min');
    expect(formatDoraValue('leadTime', 210)).toBe('3.5 h');
    expect(formatDoraValue('timeToRestore', 3 * 1440)).toBe('3 d');
    expect(formatDoraValue('changeFailureRate', 0.125)).toBe('12.5 %');
    expect(formatDoraValue('changeFailureRate', undefined)).toBe('—');
  });

  it('words the target by the direction that is better', () => {
    expect(formatDoraTarget('deploymentFrequency', 1)).toBe(
      'at least 1 per day',
    );
    expect(formatDoraTarget('leadTime', 30)).toBe('under 30 min');
    expect(formatDoraTarget('changeFailureRate', 0.05)).toBe('under 5 %');
  });

  it('names what the samples are', () => {
    expect(formatSamples('leadTime', 1)).toBe('1 change');
    expect(formatSamples('timeToRestore', 9)).toBe('9 restored incidents');
  });
});
