import { CSSProperties } from 'react';
import { Flex, Text } from '@backstage/ui';
import { BudgetState } from '@zeroops/backstage-plugin-zeroops-common';
import {
  BUDGET_THRESHOLDS,
  BudgetLevel,
  budgetLevel,
  describeBudget,
} from '../../lib/costSeries';
import { formatMoney, formatPercent } from '../../lib/format';
import { StatusText, StatusTone } from '../common/StatusText';

/** Fill colours with at least 3:1 contrast against the track in both themes (WCAG 1.4.11). */
const FILL: Record<BudgetLevel, string> = {
  ok: 'var(--bui-positive-fg-subdued)',
  notice: 'var(--bui-announcement-fg-subdued)',
  warning: 'var(--bui-warning-fg-subdued)',
  critical: 'var(--bui-negative-fg-subdued)',
};

const STATUS_LABELS: Record<BudgetState['status'], string> = {
  ok: 'On track',
  'at-risk': 'At risk',
  over: 'Over budget',
};

const STATUS_TONES: Record<BudgetState['status'], StatusTone> = {
  ok: 'positive',
  'at-risk': 'warning',
  over: 'negative',
};

const clamp = (percent: number) => Math.max(0, Math.min(percent, 100));

/**
 * The budget consumed this month as a meter, with ticks at the 50, 80 and 95 % thresholds and a
 * dashed marker where the month-end forecast lands.
 */
export function BudgetBar(props: { budget: BudgetState; compact?: boolean }) {
  const { budget, compact } = props;
  const level = budgetLevel(budget.consumedPercent);
  const track: CSSProperties = {
    position: 'relative',
    height: compact ? 8 : 12,
    borderRadius: 'var(--bui-radius-full)',
    background: 'var(--bui-bg-neutral-3)',
    overflow: 'visible',
  };
  return (
    <Flex direction="column" gap="1">
      <div
        role="meter"
        aria-label={`Budget ${budget.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamp(budget.consumedPercent))}
        aria-valuetext={describeBudget(budget)}
        data-level={level}
        style={track}
      >
        <div
          style={{
            width: `${clamp(budget.consumedPercent)}%`,
            height: '100%',
            borderRadius: 'var(--bui-radius-full)',
            background: FILL[level],
          }}
        />
        {budget.forecastPercent !== undefined ? (
          <div
            aria-hidden="true"
            title={`Forecast ${formatPercent(budget.forecastPercent)}`}
            style={{
              position: 'absolute',
              top: -3,
              bottom: -3,
              left: `${clamp(budget.forecastPercent)}%`,
              borderLeft: '2px dashed var(--bui-fg-primary)',
            }}
          />
        ) : null}
        {BUDGET_THRESHOLDS.map(threshold => (
          <div
            key={threshold}
            aria-hidden="true"
            style={{
              position: 'absolute',
              top: 0,
              bottom: 0,
              left: `${threshold}%`,
              borderLeft: '1px solid var(--bui-bg-app, #fff)',
            }}
          />
        ))}
      </div>
      {compact ? null : (
        <div aria-hidden="true" style={{ position: 'relative', height: 16 }}>
          {BUDGET_THRESHOLDS.map(threshold => (
            <span
              key={threshold}
              style={{
                position: 'absolute',
                left: `${threshold}%`,
                transform: 'translateX(-50%)',
                fontSize: 'var(--bui-font-size-1)',
                color: 'var(--bui-fg-secondary)',
              }}
            >
              {threshold} %
            </span>
          ))}
        </div>
      )}
      <Text variant="body-small">
        {formatMoney(budget.actual, budget.currency)} of{' '}
        {formatMoney(budget.limit, budget.currency)} (
        {formatPercent(budget.consumedPercent)})
        {budget.forecast !== undefined && budget.forecastPercent !== undefined
          ? ` · AWS Budgets forecast ${formatMoney(
              budget.forecast,
              budget.currency,
            )} (${formatPercent(budget.forecastPercent)})`
          : ''}{' '}
        ·{' '}
        <StatusText tone={STATUS_TONES[budget.status]}>
          {STATUS_LABELS[budget.status]}
        </StatusText>
      </Text>
    </Flex>
  );
}
