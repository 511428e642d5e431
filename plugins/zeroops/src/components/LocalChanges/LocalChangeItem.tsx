import { useId } from 'react';
import { Flex, Link, Text } from '@backstage/ui';
import { LocalChange } from '@zeroops/backstage-plugin-zeroops-common';
import { DataTable } from '../common/DataTable';
import { StatusText, StatusTone } from '../common/StatusText';
import { TimeAgo } from '../common/TimeAgo';

const STATUS: Record<
  LocalChange['status'],
  { tone: StatusTone; label: string }
> = {
  open: { tone: 'info', label: 'Open' },
  merged: { tone: 'positive', label: 'Merged' },
  closed: { tone: 'warning', label: 'Closed (branch deleted)' },
};

/** The git commands that review and merge an open change, run where the backend runs. */
export function reviewCommands(repositoryPath: string, change: LocalChange) {
  const repo = `git -C '${repositoryPath}'`;
  return [
    `${repo} diff ${change.targetBranch}...${change.branch}`,
    `${repo} merge ${change.branch}`,
  ];
}

/**
 * One change request of a local repository: title, status, branch → target, the files with
 * their line counts and, while it is open, how to review and merge it with git.
 */
export function LocalChangeItem(props: {
  change: LocalChange;
  repositoryPath: string;
  /** Link to the change's own page; omitted on that page. */
  href?: string;
  selected?: boolean;
}) {
  const { change, repositoryPath, href, selected } = props;
  const headingId = useId();
  const status = STATUS[change.status];
  const title = `#${change.id} ${change.title}`;
  return (
    <article
      aria-labelledby={headingId}
      aria-current={selected ? 'true' : undefined}
      style={{
        padding: 'var(--bui-space-3)',
        border: `1px solid ${
          selected
            ? 'var(--bui-border-focus, currentColor)'
            : 'var(--bui-border)'
        }`,
        borderRadius: 'var(--bui-radius-2)',
      }}
    >
      <Flex direction="column" gap="2">
        <Flex justify="between" align="center" gap="2">
          <Text as="h3" variant="body-large" weight="bold" id={headingId}>
            {href ? <Link href={href}>{title}</Link> : title}
          </Text>
          <StatusText tone={status.tone}>{status.label}</StatusText>
        </Flex>
        <Text variant="body-small" color="secondary">
          <code>{change.branch}</code> → <code>{change.targetBranch}</code> ·{' '}
          {change.author} · <TimeAgo at={change.createdAt} prefix="opened " />
        </Text>
        {change.description ? (
          <Text as="p" variant="body-small" style={{ whiteSpace: 'pre-wrap' }}>
            {change.description}
          </Text>
        ) : null}
        <DataTable
          label={`Files of change #${change.id}`}
          columns={[
            {
              id: 'path',
              label: 'File',
              isRowHeader: true,
              render: file => <code>{file.path}</code>,
            },
            {
              id: 'lines',
              label: 'Lines',
              render: file =>
                file.binary
                  ? 'binary'
                  : `+${file.additions} −${file.deletions}`,
            },
          ]}
          items={change.files.map(file => ({ ...file, id: file.path }))}
          emptyState="No difference to the target branch any more."
        />
        {change.status === 'open' ? (
          <Flex direction="column" gap="1">
            <Text variant="body-small">
              Review and merge it with git where the Backstage backend runs (the
              catalog reads the merged files):
            </Text>
            <pre
              aria-label={`Commands to review and merge change #${change.id}`}
              style={{ margin: 0, overflowX: 'auto' }}
            >
              <code>{reviewCommands(repositoryPath, change).join('\n')}</code>
            </pre>
          </Flex>
        ) : null}
      </Flex>
    </article>
  );
}
