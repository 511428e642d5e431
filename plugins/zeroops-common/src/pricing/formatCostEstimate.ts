import { CostEstimate } from './estimateMonthlyCost';

/** `1234.5` → `$1,234.50`. Throws for a non-finite amount: never shows "$∞" or "$NaN". @public */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) {
    throw new RangeError(`Not an amount of money: ${amount}`);
  }
  return `$${amount.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * A cost estimate as Markdown: the total with the price table's date, a summary per environment
 * and the line items. Shown on the scaffolder's result page and in generated READMEs.
 * @public
 */
export function formatCostEstimateMarkdown(estimate: CostEstimate): string {
  const lines: string[] = [
    `**Estimated monthly cost: ${formatUsd(estimate.monthlyUsd)}** — ${
      estimate.region
    } list prices as of ${
      estimate.priceTableDate
    }, in USD, before free tiers, discounts and taxes.`,
    '',
    '| Environment | Instances | Monthly |',
    '| --- | ---: | ---: |',
    ...estimate.environments.map(
      env =>
        `| ${escapeCell(env.environment)} | ${
          env.concurrentInstances
        } | ${formatUsd(env.monthlyUsd)} |`,
    ),
    `| **Total** | | **${formatUsd(estimate.monthlyUsd)}** |`,
    '',
    '| Environment | Item | Quantity | Unit price | Monthly |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const env of estimate.environments) {
    for (const item of env.lineItems) {
      lines.push(
        `| ${escapeCell(env.environment)} | ${escapeCell(item.description)} | ${
          item.quantity
        } ${item.unit} | $${item.unitPriceUsd} | ${formatUsd(
          item.monthlyUsd,
        )} |`,
      );
    }
  }
  lines.push(
    '',
    `_Price table dated ${estimate.priceTableDate}; confirm against the AWS Price List API before committing to a budget._`,
  );
  return lines.join('\n');
}
