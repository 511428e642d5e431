import { render } from '@testing-library/react';
import { SkeletonStack } from './SkeletonStack';

describe('SkeletonStack', () => {
  it('draws one bar per entry, full width unless given, spaced after the first', () => {
    const { container } = render(
      <SkeletonStack bars={[{ width: '40%', height: 32 }, { height: 12 }]} />,
    );
    const bars = Array.from(container.children) as HTMLElement[];
    expect(bars).toHaveLength(2);
    expect(bars[0].style.width).toBe('40%');
    expect(bars[0].style.height).toBe('32px');
    expect(bars[0].style.marginTop).toBe('');
    expect(bars[1].style.width).toBe('100%');
    expect(bars[1].style.marginTop).toBe('16px');
  });

  it('takes another gap', () => {
    const { container } = render(
      <SkeletonStack bars={[{ height: 28 }, { height: 28 }]} gap={8} />,
    );
    expect((container.children[1] as HTMLElement).style.marginTop).toBe('8px');
  });
});
