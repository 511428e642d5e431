import { ReactNode } from 'react';
import { Link, VisuallyHidden } from '@backstage/ui';

/** A link that opens in a new tab and says so to screen readers. */
export function ExternalLink(props: {
  href: string;
  children: ReactNode;
  title?: string;
}) {
  return (
    <Link
      href={props.href}
      target="_blank"
      rel="noopener noreferrer"
      title={props.title}
    >
      {props.children}
      <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
    </Link>
  );
}
