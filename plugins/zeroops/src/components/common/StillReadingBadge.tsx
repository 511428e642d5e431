import { TooltipBadge } from './TooltipBadge';
import { pillStyle } from './healthStyles';

const LABEL = 'Still reading';

/**
 * In place of a health badge while AWS has not answered for the environment within the
 * backend's request deadline. Not a health verdict: the page asks again in a few seconds.
 */
export function StillReadingBadge(props: { subject?: string }) {
  const { subject } = props;
  return (
    <TooltipBadge
      label={subject ? `${subject}: ${LABEL}` : LABEL}
      tooltip="AWS has not answered yet for this environment; it refreshes in a few seconds."
      aria-busy="true"
      style={pillStyle('unknown')}
      data-health="pending"
    >
      <span aria-hidden="true">…</span>
      {LABEL}
    </TooltipBadge>
  );
}
