import { HTMLAttributes, ReactNode } from 'react';
import { Focusable, Tooltip, TooltipTrigger } from '@backstage/ui';

export interface TooltipBadgeProps
  extends Omit<
    HTMLAttributes<HTMLSpanElement>,
    'role' | 'tabIndex' | 'aria-label' | 'children'
  > {
  /** What screen readers announce for the badge. */
  label: string;
  /** Shown on hover and on keyboard focus. */
  tooltip: ReactNode;
  /** What the badge shows. */
  children: ReactNode;
}

/**
 * A small labelled badge with an explanation in a tooltip. The badge is focusable so that the
 * tooltip also opens from the keyboard (WCAG 1.4.13); extra attributes (style, data-*) go on it.
 */
export function TooltipBadge(props: TooltipBadgeProps) {
  const { label, tooltip, children, ...badgeProps } = props;
  return (
    <TooltipTrigger delay={200}>
      <Focusable>
        <span
          role="img"
          // A focusable image rather than a button: it does nothing but open the tooltip.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-label={label}
          {...badgeProps}
        >
          {children}
        </span>
      </Focusable>
      <Tooltip>{tooltip}</Tooltip>
    </TooltipTrigger>
  );
}
