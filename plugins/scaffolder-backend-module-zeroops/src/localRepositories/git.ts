import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Runs the git CLI with a neutral configuration: no hooks, no signing, no prompts, so a
 * developer's global git settings cannot change or block what the scaffolder commits.
 * `input` is written to git's standard input (for `--stdin` commands).
 */
export async function git(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): Promise<string> {
  try {
    const running = execFileAsync(
      'git',
      [
        '-c',
        'core.hooksPath=/dev/null',
        '-c',
        'commit.gpgsign=false',
        '-c',
        'init.defaultBranch=main',
        ...args,
      ],
      {
        cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          ...env,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    running.child.stdin?.end(input);
    const { stdout } = await running;
    return stdout.trim();
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      throw new Error(
        'zeroops:publish:local needs the git command line tool on the PATH of the Backstage backend',
      );
    }
    throw new Error(
      `git ${args.join(' ')} failed in ${cwd}: ${
        err.stderr?.trim() || err.message
      }`,
    );
  }
}
