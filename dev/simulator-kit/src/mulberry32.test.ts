import { mulberry32 } from './mulberry32.ts';

// The values below are the sequences the simulators produced before this kit existed: their
// scenarios and tests depend on them, so they must never change.
describe('mulberry32', () => {
  it('gives the same sequence for the same seed', () => {
    const random = mulberry32(42);
    expect([random(), random(), random()]).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
    const zero = mulberry32(0);
    expect([zero(), zero()]).toEqual([
      0.26642920868471265, 0.0003297457005828619,
    ]);
  });

  it('reads the seed as an unsigned 32-bit integer', () => {
    const a = mulberry32(-1);
    const b = mulberry32(0xffffffff);
    expect([a(), a()]).toEqual([b(), b()]);
  });

  it('stays in [0, 1)', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 10_000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });
});
