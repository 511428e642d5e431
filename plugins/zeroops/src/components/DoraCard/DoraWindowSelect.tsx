import { ToggleButton, ToggleButtonGroup } from '@backstage/ui';
import {
  DORA_WINDOWS,
  DoraWindowDays,
} from '@zeroops/backstage-plugin-zeroops-common';

/** 7 / 30 / 90 days: one choice, always one selected. */
export function DoraWindowSelect(props: {
  value: DoraWindowDays;
  onChange(windowDays: DoraWindowDays): void;
  label?: string;
}) {
  const { value, onChange, label = 'DORA window' } = props;
  return (
    <ToggleButtonGroup
      aria-label={label}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[String(value)]}
      onSelectionChange={keys => {
        const selected = DORA_WINDOWS.find(days => keys.has(String(days)));
        if (selected) onChange(selected);
      }}
    >
      {DORA_WINDOWS.map(days => (
        <ToggleButton
          key={days}
          id={String(days)}
          size="small"
          aria-label={`${days} days`}
        >
          {`${days} d`}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
