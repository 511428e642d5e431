import { ReactNode } from 'react';

/** The meaning a status text carries. */
export type StatusTone = 'negative' | 'warning' | 'positive' | 'info';

/**
 * Text in a status colour. Backstage UI's `Text` status colours are too light on white for body
 * text (the warning orange is about 2.5:1); the "subdued" foregrounds keep at least 4.5:1 in the
 * light and dark themes (WCAG 1.4.3), and a glyph repeats the meaning without colour.
 */
const TONES: Record<StatusTone, { color: string; glyph: string }> = {
  negative: { color: 'var(--bui-negative-fg-subdued)', glyph: '■' },
  warning: { color: 'var(--bui-warning-fg-subdued)', glyph: '▲' },
  positive: { color: 'var(--bui-positive-fg-subdued)', glyph: '●' },
  info: { color: 'var(--bui-announcement-fg-subdued)', glyph: 'ℹ' },
};

export function StatusText(props: {
  tone: StatusTone;
  children: ReactNode;
  /** Show the glyph before the text (default true). */
  glyph?: boolean;
}) {
  const tone = TONES[props.tone];
  return (
    <span style={{ color: tone.color, fontWeight: 600 }}>
      {props.glyph === false ? null : (
        <span aria-hidden="true">{tone.glyph} </span>
      )}
      {props.children}
    </span>
  );
}
