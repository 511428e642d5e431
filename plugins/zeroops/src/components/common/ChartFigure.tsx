import { ReactElement, ReactNode, useId } from 'react';
import { ResponsiveContainer } from 'recharts';
import { Text, VisuallyHidden } from '@backstage/ui';

/**
 * Props every ZeroOps chart takes: room around the axes, and no recharts keyboard layer since
 * the figure's hidden table is what screen readers and keyboard users read.
 */
export const CHART_PROPS = {
  margin: { top: 8, right: 8, left: 8, bottom: 0 },
  accessibilityLayer: false,
} as const;

/** Axis tick text, smaller than body text so that week and month labels fit. */
export const AXIS_TICK = { fontSize: 11 };

/**
 * A captioned chart: the drawing is hidden from assistive technology and the same figures are
 * given as a visually hidden table, which sighted users do not see and screen readers read.
 */
export function ChartFigure(props: {
  caption: string;
  height: number;
  /** A recharts chart; it fills the figure's width. */
  chart: ReactElement;
  /** The chart's figures as a `<table>`. */
  table: ReactNode;
}) {
  const { caption, height } = props;
  const captionId = useId();
  return (
    <figure aria-labelledby={captionId} style={{ margin: 0 }}>
      <Text as="p" variant="body-small" weight="bold" id={captionId}>
        {caption}
      </Text>
      <div aria-hidden="true" style={{ width: '100%', height }}>
        <ResponsiveContainer
          width="100%"
          height="100%"
          initialDimension={{ width: 480, height }}
        >
          {props.chart}
        </ResponsiveContainer>
      </div>
      <VisuallyHidden>{props.table}</VisuallyHidden>
    </figure>
  );
}
