import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { findFiles } from '../../terraform/lib/hcl';

/** The shellcheck binary: on the PATH, or installed from Debian when running as root. */
export function findShellcheck(): string {
  const which = spawnSync('sh', ['-c', 'command -v shellcheck'], {
    encoding: 'utf8',
  });
  if (which.status === 0) return which.stdout.trim();
  if (process.getuid?.() === 0) {
    execFileSync('sh', [
      '-c',
      'apt-get install -y -qq shellcheck >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq shellcheck >/dev/null 2>&1)',
    ]);
    return 'shellcheck';
  }
  throw new Error('shellcheck is not installed: apt-get install shellcheck');
}

/**
 * shellcheck on every script. `requireExecutable` is off for dry runs: the dry-run endpoint
 * receives files without their mode, so only a real task shows the executable bits.
 */
export async function checkShellScripts(
  root: string,
  shellcheck: string,
  options: { requireExecutable: boolean },
): Promise<{ problems: string[]; scripts: string[] }> {
  const problems: string[] = [];
  const candidates = (await findFiles(root, [''])).filter(
    f => !f.includes(`${path.sep}.git${path.sep}`),
  );
  const scripts: string[] = [];
  for (const file of candidates) {
    const head = (await fs.readFile(file, 'utf8')).slice(0, 64);
    if (file.endsWith('.sh') || /^#!.*\b(ba)?sh\b/.test(head))
      scripts.push(file);
  }
  for (const script of scripts) {
    const relative = path.relative(root, script);
    const result = spawnSync(
      shellcheck,
      ['--severity=info', '--external-sources', script],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0)
      problems.push(`${relative}:\n${result.stdout}${result.stderr}`);
    const mode = (await fs.stat(script)).mode;
    if (options.requireExecutable && !(mode & 0o100))
      problems.push(`${relative}: not executable`);
  }
  return { problems, scripts: scripts.map(s => path.relative(root, s)) };
}
