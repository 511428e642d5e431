import { formatAgo, formatTimestamp } from '../../lib/format';

/** A moment as the time since then ("5 min ago"), with the exact time on hover. */
export function TimeAgo(props: {
  at: string;
  /** Words before the time, inside the hover target: "Waiting ". */
  prefix?: string;
}) {
  const { at, prefix } = props;
  return (
    <span title={formatTimestamp(at)}>
      {prefix}
      {formatAgo(at)}
    </span>
  );
}
