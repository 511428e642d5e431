import { Text } from '@backstage/ui';
import { formatMoney } from '../../lib/format';

/**
 * A cost figure of an overview table, or "no data" while Cost Explorer has none for that row
 * (a new service or environment before the next scheduled read).
 */
export function CostAmount(props: { amount?: number; currency: string }) {
  const { amount, currency } = props;
  return amount === undefined ? (
    <Text color="secondary">no data</Text>
  ) : (
    <Text>{formatMoney(amount, currency)}</Text>
  );
}
