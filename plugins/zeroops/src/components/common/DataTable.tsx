import { ReactNode } from 'react';
import {
  Cell,
  Column,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
} from '@backstage/ui';

export interface DataTableColumn<T> {
  id: string;
  label: string;
  /** The column that names the row for screen readers. */
  isRowHeader?: boolean;
  render(item: T): ReactNode;
}

export interface DataTableProps<T extends { id: string }> {
  /** Accessible name of the table. */
  label: string;
  columns: ReadonlyArray<DataTableColumn<T>>;
  items: ReadonlyArray<T>;
  /** Shown in the body when there are no items. */
  emptyState?: ReactNode;
}

/**
 * A Backstage UI table with an accessible name and free-form cells. The `Table` convenience
 * wrapper has no way to name the table, which screen readers need when a card holds several.
 */
export function DataTable<T extends { id: string }>(props: DataTableProps<T>) {
  const { label, columns, items, emptyState } = props;
  return (
    <TableRoot aria-label={label}>
      <TableHeader columns={columns}>
        {column => (
          <Column id={column.id} isRowHeader={column.isRowHeader}>
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody
        items={items}
        dependencies={[columns]}
        renderEmptyState={emptyState ? () => emptyState : undefined}
      >
        {item => (
          <Row id={item.id} columns={columns}>
            {column => <Cell>{column.render(item)}</Cell>}
          </Row>
        )}
      </TableBody>
    </TableRoot>
  );
}
