import { HealthStatus } from '@zeroops/backstage-plugin-zeroops-common';
import { HEALTH_GLYPHS, HEALTH_LABELS, pillStyle } from './healthStyles';
import { TooltipBadge } from './TooltipBadge';

export interface HealthBadgeProps {
  status: HealthStatus;
  /** Why: shown on hover and keyboard focus, and announced as the description. */
  reasons: string[];
  /** What the badge is about, for screen readers: "production", "payments-api in staging". */
  subject?: string;
}

/**
 * The health of one environment as a coloured, labelled pill. The reasons are in a tooltip that
 * opens on hover and on keyboard focus (the pill is focusable for that reason).
 */
export function HealthBadge(props: HealthBadgeProps) {
  const { status, reasons, subject } = props;
  const label = HEALTH_LABELS[status];
  return (
    <TooltipBadge
      label={subject ? `${subject}: ${label}` : label}
      tooltip={
        reasons.length === 0 ? (
          'No issues found'
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
            {reasons.map(reason => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )
      }
      style={pillStyle(status)}
      data-health={status}
    >
      <span aria-hidden="true">{HEALTH_GLYPHS[status]}</span>
      {label}
    </TooltipBadge>
  );
}
