import { CSSProperties } from 'react';
import { HealthStatus } from '@zeroops/backstage-plugin-zeroops-common';

/** Words shown for each status; never colour alone (WCAG 1.4.1). */
export const HEALTH_LABELS: Record<HealthStatus, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  down: 'Down',
  'not-deployed': 'Not deployed yet',
  unknown: 'Unknown',
};

/**
 * Backstage UI status tokens, which the themes keep at readable contrast in light and dark
 * mode: the `*-on-bg` foregrounds are meant for the matching status backgrounds.
 */
const TONES: Record<HealthStatus, { fg: string; bg: string; border: string }> =
  {
    healthy: {
      fg: 'var(--bui-positive-fg-subdued)',
      bg: 'var(--bui-positive-bg-subdued)',
      border: 'var(--bui-positive-border)',
    },
    degraded: {
      fg: 'var(--bui-warning-fg-subdued)',
      bg: 'var(--bui-warning-bg-subdued)',
      border: 'var(--bui-warning-border)',
    },
    down: {
      fg: 'var(--bui-negative-fg-subdued)',
      bg: 'var(--bui-negative-bg-subdued)',
      border: 'var(--bui-negative-border)',
    },
    // Nothing is wrong and nothing runs yet: neutral, never the colour of an outage.
    'not-deployed': {
      fg: 'var(--bui-fg-secondary)',
      bg: 'var(--bui-bg-neutral-1)',
      border: 'var(--bui-border-2)',
    },
    unknown: {
      fg: 'var(--bui-fg-primary)',
      bg: 'var(--bui-bg-neutral-2)',
      border: 'var(--bui-border-2)',
    },
  };

export function pillStyle(status: HealthStatus): CSSProperties {
  const tone = TONES[status];
  return {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 'var(--bui-space-1)',
    padding: '0 var(--bui-space-2)',
    borderRadius: 'var(--bui-radius-full)',
    border: `1px solid ${tone.border}`,
    background: tone.bg,
    color: tone.fg,
    fontSize: 'var(--bui-font-size-2)',
    fontWeight: 600,
    lineHeight: '1.6',
    whiteSpace: 'nowrap',
  };
}

/** A glyph per status so the badge reads without colour. */
export const HEALTH_GLYPHS: Record<HealthStatus, string> = {
  healthy: '●',
  degraded: '▲',
  down: '■',
  'not-deployed': '○',
  unknown: '?',
};
