import { Focusable, Tooltip, TooltipTrigger } from '@backstage/ui';
import { pillStyle } from './healthStyles';

const LABEL = 'Still reading';

/**
 * In place of a health badge while AWS has not answered for the environment within the
 * backend's request deadline. Not a health verdict: the page asks again in a few seconds.
 */
export function StillReadingBadge(props: { subject?: string }) {
  const { subject } = props;
  return (
    <TooltipTrigger delay={200}>
      <Focusable>
        <span
          role="img"
          // Focusable so that the tooltip also opens from the keyboard (WCAG 1.4.13).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-label={subject ? `${subject}: ${LABEL}` : LABEL}
          aria-busy="true"
          style={pillStyle('unknown')}
          data-health="pending"
        >
          <span aria-hidden="true">…</span>
          {LABEL}
        </span>
      </Focusable>
      <Tooltip>
        AWS has not answered yet for this environment; it refreshes in a few
        seconds.
      </Tooltip>
    </TooltipTrigger>
  );
}
