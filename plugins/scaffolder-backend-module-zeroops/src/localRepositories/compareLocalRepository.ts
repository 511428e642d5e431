import { git } from './git';

/** How many differing files a message lists before it says "and N more". */
const LISTED_FILES = 10;

const CHANGE_WORDING: Record<string, string> = {
  M: 'differs',
  T: 'differs',
  A: 'is only in the workspace',
  D: 'is only in the repository',
};

/**
 * What differs between the repository already at `target` and the one assembled in `staging`
 * (its branch and the files of its last commit), one sentence per input field, so a re-run
 * that is not identical fails with exactly what differs. Empty when they are identical.
 */
export async function compareLocalRepository(options: {
  staging: string;
  target: string;
  branch: string;
  tree: string;
}): Promise<string[]> {
  const { staging, target } = options;
  const differences: string[] = [];
  const existingBranch = await git(target, [
    'symbolic-ref',
    '--quiet',
    '--short',
    'HEAD',
  ]).catch(() => undefined);
  if (existingBranch !== options.branch) {
    differences.push(
      `defaultBranch: the repository's branch is "${
        existingBranch ?? '(none)'
      }", this run asks for "${options.branch}"`,
    );
  }
  const existingTree = await git(target, ['rev-parse', 'HEAD^{tree}']).catch(
    () => undefined,
  );
  if (existingTree === undefined) {
    differences.push('content: the repository has no commit');
  } else if (existingTree !== options.tree) {
    await git(staging, ['fetch', '--quiet', '--no-tags', target, 'HEAD']);
    const changes = (
      await git(staging, [
        'diff',
        '--name-status',
        '--no-renames',
        'FETCH_HEAD',
        'HEAD',
      ])
    )
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [status, file] = line.split('\t');
        return `"${file}" ${CHANGE_WORDING[status[0]] ?? 'differs'}`;
      });
    const more = changes.length - LISTED_FILES;
    differences.push(
      `content: ${changes.slice(0, LISTED_FILES).join(', ')}${
        more > 0 ? ` and ${more} more files differ` : ''
      }`,
    );
  }
  return differences;
}
