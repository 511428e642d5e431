import { hexFrom } from './hexFrom.ts';

describe('hexFrom', () => {
  it('is 40 characters long by default, like a commit SHA', () => {
    expect(hexFrom('commit')).toBe('c18325eca828535ab0db14033fa704d7d3363ec8');
  });

  it('gives the requested length, joining hash blocks beyond 64 characters', () => {
    expect(hexFrom('task/1', 32)).toBe('4d071ab1f55a94a9ddf0ff9e9ce34ff0');
    const long = hexFrom('long', 70);
    expect(long).toBe(
      '2c8c10b12796f6ea58464ca2f3ac4c1368a7983c3064f75f4c08ed352ab727d9e1feff',
    );
    expect(long.startsWith(hexFrom('long', 64))).toBe(true);
  });
});
