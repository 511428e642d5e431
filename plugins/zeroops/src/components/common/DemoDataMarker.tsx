import { TooltipBadge } from './TooltipBadge';

const style = {
  display: 'inline-block',
  padding: '0 var(--bui-space-2)',
  borderRadius: 'var(--bui-radius-full)',
  border: '1px dashed var(--bui-border-2)',
  color: 'var(--bui-fg-secondary)',
  fontSize: 'var(--bui-font-size-1)',
  lineHeight: '1.8',
  whiteSpace: 'nowrap' as const,
};

/**
 * A discreet label telling that the figures come from the AWS simulator, set by the backend's
 * `zeroops.demoData` and carried in every response (`demoData`).
 */
export function DemoDataMarker(props: { demoData: boolean | undefined }) {
  if (!props.demoData) return null;
  return (
    <TooltipBadge
      label="Demo data"
      tooltip="These figures come from the ZeroOps AWS simulator, not from a real AWS account (zeroops.demoData is set)."
      style={style}
      data-testid="zeroops-demo-data"
    >
      Demo data
    </TooltipBadge>
  );
}
