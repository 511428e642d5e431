import { Select } from '@backstage/ui';

const ALL = 'all';

/**
 * A filter menu of the overview over entity refs (owners, systems), each shown by its label,
 * after a first option that clears the filter.
 */
export function RefFilterSelect(props: {
  label: string;
  /** The option that clears the filter: "All owners". */
  allLabel: string;
  refs: readonly string[];
  labelOf: (ref: string) => string;
  /** The chosen ref; undefined for all. */
  value?: string;
  onChange: (ref: string | undefined) => void;
}) {
  const { labelOf, onChange } = props;
  return (
    <Select
      label={props.label}
      options={[
        { id: ALL, label: props.allLabel },
        ...props.refs.map(ref => ({ id: ref, label: labelOf(ref) })),
      ]}
      value={props.value ?? ALL}
      onChange={key => onChange(key && key !== ALL ? String(key) : undefined)}
    />
  );
}
