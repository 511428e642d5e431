import { Skeleton } from '@backstage/ui';

/** One placeholder bar: as wide as the content unless a width is given. */
export interface SkeletonBar {
  height: number;
  width?: string;
}

/**
 * The loading placeholder of a card or page: bars in the rough shape of the content (a heading,
 * a chart, table rows), one under the other with `gap` pixels between them.
 */
export function SkeletonStack(props: {
  bars: readonly SkeletonBar[];
  gap?: number;
}) {
  const { bars, gap = 16 } = props;
  return (
    <>
      {bars.map((bar, index) => (
        <Skeleton
          key={index}
          width={bar.width ?? '100%'}
          height={bar.height}
          style={index === 0 ? undefined : { marginTop: gap }}
        />
      ))}
    </>
  );
}
