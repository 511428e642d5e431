import { spawnSync } from 'node:child_process';
import { explainInvalidGitBranchName } from './rules';

/** What `git branch` accepts: the authority our rule must agree with. */
function gitAccepts(name: string): boolean {
  if (name.startsWith('-') || name === 'HEAD') return false;
  return (
    spawnSync('git', ['check-ref-format', `refs/heads/${name}`]).status === 0
  );
}

describe('explainInvalidGitBranchName', () => {
  const names = [
    'main',
    'trunk',
    'feature/payments',
    'release/v1.2.3',
    'x/-y',
    'a.lock.b',
    'a@b',
    '@a',
    'é-branch',
    '-x',
    '--force',
    'HEAD',
    '',
    'a..b',
    'a/.b',
    '.hidden',
    'a.lock',
    'a/b.lock/c',
    'a/',
    '/a',
    'a//b',
    'a b',
    'a~1',
    'a^',
    'a:b',
    'a?',
    'a*',
    'a[',
    'a\\b',
    'a@{1}',
    'ends.',
    'tab\there',
    'del\x7f',
  ];

  it.each(names.map(name => [JSON.stringify(name), name]))(
    'agrees with git on %s',
    (_label, name) => {
      expect(explainInvalidGitBranchName(name) === undefined).toBe(
        gitAccepts(name),
      );
    },
  );

  it('says which rule a name breaks', () => {
    expect(explainInvalidGitBranchName('-x')).toBe(
      'must be a git branch name: it must not start with "-", got "-x"',
    );
    expect(explainInvalidGitBranchName('a..b')).toMatch(
      /must not contain ".."/,
    );
    expect(explainInvalidGitBranchName('a.lock')).toMatch(/\.lock/);
  });
});
