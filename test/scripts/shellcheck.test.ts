import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fromRepoRoot } from '../src';

/** The repository's own shell entry points (generated repositories are checked elsewhere). */
const scripts = [
  '.ci/run',
  'scripts/yarn',
  ...fs
    .readdirSync(fromRepoRoot('scripts'))
    .filter(name => name.endsWith('.sh'))
    .map(name => `scripts/${name}`),
  ...fs
    .readdirSync(fromRepoRoot('scripts/lib'))
    .filter(name => name.endsWith('.sh'))
    .map(name => `scripts/lib/${name}`),
];

describe('repository shell scripts', () => {
  it.each(scripts)('%s passes shellcheck', script => {
    const result = spawnSync('shellcheck', [script], {
      cwd: fromRepoRoot(),
      encoding: 'utf8',
    });
    if (result.error) {
      throw new Error(
        `shellcheck could not run (${result.error.message}); make test installs it on Debian`,
      );
    }
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
