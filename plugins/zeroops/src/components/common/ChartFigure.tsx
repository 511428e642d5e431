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
 * Colours of the charts' series: distinct hues with at least 3:1 contrast on light and dark card
 * backgrounds (WCAG 1.4.11 for graphics), in a fixed order so a series keeps its colour.
 */
export const CHART_COLORS = [
  '#3b6fd8',
  '#2a9d8f',
  '#9b5de5',
  '#e76f51',
  '#8d99ae',
] as const;

/** One row of a {@link ChartTable}: a point of the chart, named by its label. */
export interface ChartTableRow {
  key: string;
  label: string;
  cells: ReactNode[];
}

/** A chart's figures as the table of its {@link ChartFigure}: one row per point. */
export function ChartTable(props: {
  caption: string;
  /** Column headers, the first one over the row labels. */
  columns: readonly string[];
  rows: readonly ChartTableRow[];
}) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column, index) => (
            <th scope="col" key={index}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(row => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A captioned chart: the drawing is hidden from assistive technology and the same figures are
 * given as a visually hidden table, which sighted users do not see and screen readers read.
 */
export function ChartFigure(props: {
  caption: string;
  height: number;
  /** A recharts chart; it fills the figure's width. */
  chart: ReactElement;
  /** The chart's figures as a `<table>`, usually a {@link ChartTable}. */
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
